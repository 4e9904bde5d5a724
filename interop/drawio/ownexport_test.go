package drawio

import (
	"bytes"
	"context"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/archdoc/archdoc/model"
	"github.com/archdoc/archdoc/render"
	rdrawio "github.com/archdoc/archdoc/render/drawio"
)

// TestOwnExportRoundTrip: a business diagram archdoc exported to draw.io
// (which people then edit in diagrams.net) imports back with every
// actor, domain, module, flow label and note, names and kinds intact.
func TestOwnExportRoundTrip(t *testing.T) {
	_, file, _, _ := runtime.Caller(0)
	for _, rel := range []string{"architecture.yaml", "examples/shop/architecture.yaml"} {
		t.Run(rel, func(t *testing.T) {
			orig, err := model.Load(filepath.Join(filepath.Dir(file), "..", "..", rel))
			if err != nil {
				t.Fatal(err)
			}
			sc, err := render.Scene(context.Background(), orig, "business")
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := rdrawio.Render(&buf, sc); err != nil {
				t.Fatal(err)
			}
			r, err := Decode(&buf, Options{Source: "business.drawio"})
			if err != nil {
				t.Fatal(err)
			}
			back, err := model.Parse("architecture.yaml", r.YAML)
			if err != nil {
				t.Fatalf("re-import does not validate: %v", err)
			}
			checkSameElements(t, orig, back)
		})
	}
}

func checkSameElements(t *testing.T, orig, back *model.Model) {
	t.Helper()
	kinds := map[string]model.Kind{}
	for _, e := range back.Elements() {
		kinds[e.Name] = e.Kind
	}
	for _, e := range orig.Elements() {
		switch e.Kind {
		case model.KindActor, model.KindDomain, model.KindModule:
			if kinds[e.Name] != e.Kind {
				t.Errorf("%s %q came back as %q", e.Kind, e.Name, kinds[e.Name])
			}
		}
	}
	for _, a := range orig.Actors {
		for _, b := range back.Actors {
			if a.Name == b.Name && (a.Kind == "external") != (b.Kind == "external") {
				t.Errorf("actor %q: kind %q came back as %q", a.Name, a.Kind, b.Kind)
			}
		}
	}
	labels := map[string]bool{}
	for _, f := range back.Flows {
		labels[f.Label] = true
	}
	for _, f := range orig.Flows {
		if f.Label != "" && !labels[f.Label] {
			t.Errorf("flow %q lost", f.Label)
		}
	}
	if len(back.Notes) == 0 && len(orig.Notes) > 0 {
		t.Errorf("notes lost: %d originally", len(orig.Notes))
	}
}
