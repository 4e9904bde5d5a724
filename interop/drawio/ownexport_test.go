package drawio

import (
	"bytes"
	"context"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/archdoc/archdoc/model"
	"github.com/archdoc/archdoc/render"
	"github.com/archdoc/archdoc/render/mxfile"
	"github.com/archdoc/archdoc/render/view"
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
			buf := exportBusiness(t, orig)
			r, err := Decode(buf, Options{Source: "business.drawio"})
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

// exportBusiness is m's business view as archdoc exports it to draw.io.
func exportBusiness(t *testing.T, m *model.Model) *bytes.Buffer {
	t.Helper()
	sc, err := render.Scene(context.Background(), m, "business")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := mxfile.Render(&buf, sc); err != nil {
		t.Fatal(err)
	}
	return &buf
}

func checkSameElements(t *testing.T, orig, back *model.Model) {
	t.Helper()
	// Domains and modules: the same names (line breaks included), kinds
	// and parents.
	type place struct{ kind, parent string }
	where := func(m *model.Model) map[string]place {
		out := map[string]place{}
		for _, e := range m.Elements() {
			switch e.Kind {
			case model.KindActor, model.KindDomain, model.KindModule:
				p, _ := m.Element(e.Parent)
				out[e.Name] = place{string(e.Kind), p.Name}
			}
		}
		return out
	}
	want, got := where(orig), where(back)
	for name, w := range want {
		if got[name] != w {
			t.Errorf("%s %q in %q came back as %+v", w.kind, name, w.parent, got[name])
		}
	}
	for name, g := range got {
		if _, ok := want[name]; !ok {
			t.Errorf("import made up %s %q", g.kind, name)
		}
	}
	for _, a := range orig.Actors {
		for _, b := range back.Actors {
			if a.Name == b.Name && (a.Kind == "external") != (b.Kind == "external") {
				t.Errorf("actor %q: kind %q came back as %q", a.Name, a.Kind, b.Kind)
			}
		}
	}
	// Flows: the same ends, direction and labels (the business view draws
	// each flow once).
	flows := func(m *model.Model) map[string]int {
		out := map[string]int{}
		for _, f := range m.Flows {
			from, _ := m.Element(f.From)
			to, _ := m.Element(f.To)
			if from.Kind == model.KindTech || to.Kind == model.KindTech {
				continue // not in the business view
			}
			out[from.Name+" -> "+to.Name+": "+f.Label]++
		}
		return out
	}
	wf, gf := flows(orig), flows(back)
	for f := range wf {
		if gf[f] == 0 {
			t.Errorf("flow %q lost", f)
		}
	}
	for f := range gf {
		if wf[f] == 0 {
			t.Errorf("flow %q made up", f)
		}
	}
	// Notes: the text the diagram shows (Markdown made plain), line
	// breaks included, on the same element.
	v, err := view.Get(orig, "business")
	if err != nil {
		t.Fatal(err)
	}
	wn := map[string]bool{}
	for _, n := range v.Nodes {
		if n.Kind != string(model.KindNote) {
			continue
		}
		for _, e := range v.Edges {
			if e.Kind == view.EdgeNote && e.From == n.ID {
				on, _ := orig.Element(e.To)
				wn[on.Name+": "+n.Label] = true
			}
		}
	}
	if len(wn) == 0 {
		t.Fatal("the business view shows no notes: nothing to check")
	}
	gn := map[string]bool{}
	for _, n := range back.Notes {
		on, _ := back.Element(n.On)
		gn[on.Name+": "+n.Text] = true
	}
	for n := range wn {
		if !gn[n] {
			t.Errorf("note %q lost; got %q", n, keys(gn))
		}
	}
}

func keys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// TestExportLetsDrawioWrap: the draw.io export keeps the model's own line
// breaks and no others, so diagrams.net wraps the text to the box and a
// re-import reads whole words.
func TestExportLetsDrawioWrap(t *testing.T) {
	src := `name: Wrap
domains:
  - id: shop
    name: Shop
    modules:
      - {id: catalog, name: Catalogue of every product the shop has ever sold, features: [Search across every product description]}
      - {id: cart, name: "Shopping cart\nwith saved items of every visitor", features: [Saved items]}
notes:
  - {on: cart, text: "A note that is long enough to be wrapped by the layout, on one line"}
`
	m, err := model.Parse("architecture.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	buf := exportBusiness(t, m)
	out := buf.String()
	for _, want := range []string{
		`value="Catalogue of every product the shop has ever sold&lt;hr`,
		`Search across every product description&lt;/div&gt;`,
		`value="Shopping cart&lt;br&gt;with saved items of every visitor&lt;hr`,
		`value="A note that is long enough to be wrapped by the layout, on one line"`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("export lacks %s", want)
		}
	}
	r, err := Decode(buf, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := r.Model.Notes[0].Text; got != "A note that is long enough to be wrapped by the layout, on one line" {
		t.Errorf("note came back as %q", got)
	}
	if _, ok := byName(r.Model)["Shopping cart\nwith saved items of every visitor"]; !ok {
		t.Errorf("the cart's two-line name did not come back: %+v", r.Model.Domains)
	}
}
