package svg

import (
	"strings"
	"testing"

	"github.com/archdoc/archdoc/internal/golden"
	"github.com/archdoc/archdoc/render/internal/rendertest"
	"github.com/archdoc/archdoc/render/scene"
)

func exampleHref(id string) string { return "#" + id }

func TestGoldenExamples(t *testing.T) {
	rendertest.EachExampleView(t, func(t *testing.T, example string, s *scene.Scene) {
		got := render(t, s, Options{Href: exampleHref, Standalone: true})
		wellFormed(t, got)
		golden.Check(t, rendertest.GoldenName(example, s.ID, "svg"), got)
	})
}

// A domain has one colour across all views of a model: the site shows the
// business view next to domain and module views.
func TestGroupColoursAgreeAcrossViews(t *testing.T) {
	for name, scenes := range rendertest.ExampleScenes(t) {
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
