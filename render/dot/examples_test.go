package dot

import (
	"strings"
	"testing"

	"github.com/archdoc/archdoc/internal/golden"
	"github.com/archdoc/archdoc/render/internal/rendertest"
)

func TestGoldenExamples(t *testing.T) {
	for name, scenes := range rendertest.ExampleScenes(t) {
		for _, s := range scenes {
			t.Run(name+"/"+s.ID, func(t *testing.T) {
				got := render(t, s)
				golden.Check(t, rendertest.GoldenName(name, s.ID, "dot"), []byte(got))
				graphviz(t, got, "dot")
			})
		}
	}
}

// Every arrowed edge with a route gives Graphviz its arrow tip ("e,x,y"),
// or `neato -n2` draws it without a head.
func TestArrowTipsKept(t *testing.T) {
	for name, scenes := range rendertest.ExampleScenes(t) {
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
