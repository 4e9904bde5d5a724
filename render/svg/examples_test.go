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

// TestArrowsAndNotesLink: a flow's arrow (line and label) opens the
// flow's page, a note opens the element it is on; merged arrows of a
// domain-level view, standing for several flows, link nowhere.
func TestArrowsAndNotesLink(t *testing.T) {
	var business *scene.Scene
	for _, s := range rendertest.ExampleScenes(t)["cashback"] {
		if s.ID == "business" {
			business = s
		}
	}
	if business == nil {
		t.Fatal("no business scene")
	}
	got := string(render(t, business, Options{Href: func(id string) string { return "page:" + id }}))
	for _, want := range []string{
		`<g id="e-frontend-to-data"`, `<a href="page:frontend-to-data">` + "\n" + `<path class="hit"`,
		`<g id="e-cashback-to-deals"`, `<a href="page:cashback-to-deals">`,
		`<g id="n-soft-strong-login"`, `<a href="page:user">`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("business.svg lacks %q", want)
		}
	}
	merged := &scene.Scene{ID: "t", Kind: scene.KindGraph, Width: 100, Height: 100,
		Edges: []scene.Edge{{ID: "a>b:flow", Kind: "flow", From: "a", To: "b", Path: []scene.Point{{}, {}, {}, {X: 10}}}}}
	if out := string(render(t, merged, Options{Href: func(id string) string { return "page:" + id }})); strings.Contains(out, "<a ") {
		t.Errorf("an arrow without a link got one: %s", out)
	}
}
