package svg

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

func exampleHref(id string) string { return "#" + id }

func TestGoldenExamples(t *testing.T) {
	for name, scenes := range exampleScenesFor(t) {
		for _, s := range scenes {
			t.Run(name+"/"+s.ID, func(t *testing.T) {
				got := render(t, s, Options{Href: exampleHref, Standalone: true})
				wellFormed(t, got)
				golden(t, goldenName(name, s.ID, "svg"), got)
			})
		}
	}
}

// A domain has one colour across all views of a model: the site shows the
// business view next to domain and module views.
func TestGroupColoursAgreeAcrossViews(t *testing.T) {
	for name, scenes := range exampleScenesFor(t) {
		slot := map[string]string{}
		for _, s := range scenes {
			root := parse(t, render(t, s, Options{}))
			root.walk(func(e element) {
				var group, pal string
				for _, c := range strings.Fields(e.attr("class")) {
					if strings.HasPrefix(c, "g-") {
						group = c
					}
					if strings.HasPrefix(c, "pal-") {
						pal = c
					}
				}
				if group == "" {
					return
				}
				if prev, ok := slot[group]; ok && prev != pal {
					t.Errorf("%s %s: %s is %s here but %s elsewhere", name, s.ID, group, pal, prev)
				}
				slot[group] = pal
			})
		}
		if len(slot) < 3 {
			t.Errorf("%s: only %d coloured groups", name, len(slot))
		}
	}
}
