package structurizr

import (
	"bytes"
	"testing"

	"github.com/archdoc/archdoc/interop/internal/exporttest"
	"github.com/archdoc/archdoc/interop/internal/importkit"
	"github.com/archdoc/archdoc/interop/internal/importtest"
)

// TestRoundTrip: `archdoc export structurizr` then `archdoc import
// structurizr` gives back the example's, the shop's and every importer's
// golden model's domains, modules and flows with labels and protocols.
func TestRoundTrip(t *testing.T) {
	models := exporttest.Models(t)
	// Not edge-cases: it holds what the export itself cannot keep (a
	// domain without modules, flows to sub-domains, two systems of one name).
	for _, name := range []string{"showcase", "shop", "imported-structurizr", "imported-likec4", "imported-compose", "imported-backstage", "imported-drawio"} {
		t.Run(name, func(t *testing.T) {
			m := models[name]
			var buf bytes.Buffer
			if err := Write(&buf, m); err != nil {
				t.Fatal(err)
			}
			r, err := Import(importkit.File{Name: name + ".dsl", Data: buf.Bytes()}, nil, ImportOptions{})
			if err != nil {
				t.Fatal(err)
			}
			back := importtest.Builds(t, r.YAML)
			if a, b := outline(m), outline(back); a != b || len(m.Flows) == 0 || len(m.Domains) == 0 {
				t.Errorf("round trip differs:\nbefore:\n%s\nafter:\n%s", a, b)
			}
		})
	}
}

// TestRoundTripNamesAtLeast shows the outline compares something.
func TestOutlineSeesFlows(t *testing.T) {
	m := exporttest.Models(t)["shop"]
	before := outline(m)
	m.Flows[0].Label += "!"
	if outline(m) == before {
		t.Error("outline does not see a changed flow label")
	}
	m.Flows[0].Label = m.Flows[0].Label[:len(m.Flows[0].Label)-1]
}
