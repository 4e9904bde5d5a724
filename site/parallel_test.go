package site

import (
	"bytes"
	"context"
	"slices"
	"testing"

	"github.com/archdoc/archdoc/internal/synth"
	"github.com/archdoc/archdoc/model"
	"github.com/archdoc/archdoc/render"
	"github.com/archdoc/archdoc/render/layout"
	"github.com/archdoc/archdoc/render/scene"
)

func withWorkers(n int) Option { return func(c *config) { c.workers = n } }

// The site is the same, byte for byte, whether its pages are rendered on
// one core or several, and from one build to the next: with the example
// (laid out by Graphviz) and a generated model of 100 modules (laid out on
// the grid, to keep the test quick), diagrams, warnings and all.
func TestParallelSiteIsByteIdentical(t *testing.T) {
	gen, err := model.Parse("architecture.yaml", synth.Model(100, 1))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		m    *model.Model
		opts []layout.Option
	}{{"example", loadExample(t), nil}, {"N=100", gen, []layout.Option{layout.WithGridLayout()}}} {
		t.Run(tc.name, func(t *testing.T) {
			scenes, err := render.NewLayouts().ScenesWithOptions(t.Context(), tc.m, tc.opts...)
			if err != nil {
				t.Fatal(err)
			}
			fixed := WithScenes(func(context.Context, *model.Model) ([]*scene.Scene, error) { return scenes, nil })
			serial, serialRep := renderWith(t, tc.m, fixed, withWorkers(1))
			if serialRep.Diagrams == 0 {
				t.Fatal("no diagrams drawn; the test compares nothing")
			}
			for run := range 2 {
				files, rep := renderWith(t, tc.m, fixed, withWorkers(8))
				sameFiles(t, serial, files)
				if !slices.Equal(rep.Warnings, serialRep.Warnings) || rep.Pages != serialRep.Pages || rep.Diagrams != serialRep.Diagrams {
					t.Errorf("run %d: report %+v, serially %+v", run, rep, serialRep)
				}
			}
		})
	}
}

func renderWith(t *testing.T, m *model.Model, opts ...Option) (map[string][]byte, *Report) {
	t.Helper()
	files, rep, err := Render(t.Context(), m, opts...)
	if err != nil {
		t.Fatal(err)
	}
	return files, rep
}

func sameFiles(t *testing.T, want, got map[string][]byte) {
	t.Helper()
	for name, data := range want {
		if g, ok := got[name]; !ok {
			t.Errorf("%s missing", name)
		} else if !bytes.Equal(g, data) {
			t.Errorf("%s differs", name)
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			t.Errorf("%s is new", name)
		}
	}
}
