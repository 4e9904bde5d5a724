package dot

import (
	"strings"
	"testing"

	"github.com/archdoc/archdoc/internal/golden"
	"github.com/archdoc/archdoc/render/internal/rendertest"
	"github.com/archdoc/archdoc/render/scene"
)

func TestGoldenExamples(t *testing.T) {
	rendertest.EachExampleView(t, func(t *testing.T, example string, s *scene.Scene) {
		got := render(t, s)
		golden.Check(t, rendertest.GoldenName(example, s.ID, "dot"), got)
		graphviz(t, got, "dot")
	})
}

// Every arrowed edge with a route gives Graphviz its arrow tip ("e,x,y"),
// or `neato -n2` draws it without a head.
func TestArrowTipsKept(t *testing.T) {
	rendertest.EachExampleView(t, func(t *testing.T, example string, s *scene.Scene) {
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
				t.Errorf("%s %s: edge %s has no arrow tip: %s", example, s.ID, e.ID, line)
			}
		}
	})
}
