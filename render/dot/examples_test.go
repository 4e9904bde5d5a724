package dot

import (
	"context"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/archdoc/archdoc/model"
	pipeline "github.com/archdoc/archdoc/render"
	"github.com/archdoc/archdoc/render/scene"
)

// examples are the repository's example models, by short name.
var examples = map[string]string{
	"cashback": "../../architecture.yaml",
	"shop":     "../../examples/shop/architecture.yaml",
}

var (
	exampleOnce   sync.Once
	exampleScenes map[string][]*scene.Scene
	exampleErr    error
)

// exampleScenesFor lays out every view of every example once per test
// binary (layout runs Graphviz in WebAssembly, which takes a moment).
func exampleScenesFor(t testing.TB) map[string][]*scene.Scene {
	t.Helper()
	exampleOnce.Do(func() {
		exampleScenes = map[string][]*scene.Scene{}
		for name, path := range examples {
			m, err := model.Load(path)
			if err != nil {
				exampleErr = err
				return
			}
			ss, err := pipeline.Scenes(context.Background(), m)
			if err != nil {
				exampleErr = err
				return
			}
			exampleScenes[name] = ss
		}
	})
	if exampleErr != nil {
		t.Fatal(exampleErr)
	}
	return exampleScenes
}

// goldenName is where a view's golden file lives; view ids like
// "domain/data" become sub-folders, as in `archdoc diagram`'s output.
func goldenName(example, viewID, ext string) string {
	return filepath.Join(example, filepath.FromSlash(viewID)+"."+ext)
}

func TestGoldenExamples(t *testing.T) {
	for name, scenes := range exampleScenesFor(t) {
		for _, s := range scenes {
			t.Run(name+"/"+s.ID, func(t *testing.T) {
				got := render(t, s)
				golden(t, goldenName(name, s.ID, "dot"), []byte(got))
				graphviz(t, got, "dot")
			})
		}
	}
}

// Every arrowed edge with a route gives Graphviz its arrow tip ("e,x,y"),
// or `neato -n2` draws it without a head.
func TestArrowTipsKept(t *testing.T) {
	for name, scenes := range exampleScenesFor(t) {
		for _, s := range scenes {
			out := string(render(t, s))
			for _, e := range s.Edges {
				if !e.Arrow || len(e.Path) < 4 {
					continue
				}
				line := ""
				for _, l := range strings.Split(out, "\n") {
					if strings.Contains(l, `[id="e-`+e.ID+`"`) {
						line = l
					}
				}
				if !strings.Contains(line, `pos="e,`) {
					t.Errorf("%s %s: edge %s has no arrow tip: %s", name, s.ID, e.ID, line)
				}
			}
		}
	}
}
