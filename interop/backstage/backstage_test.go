package backstage

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/archdoc/archdoc/internal/golden"
	"github.com/archdoc/archdoc/model"
)

func readFiles(t *testing.T, names ...string) []File {
	t.Helper()
	var fs []File
	for _, n := range names {
		data, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		fs = append(fs, File{Name: filepath.ToSlash(n), Data: data})
	}
	return fs
}

func TestShopCatalog(t *testing.T) {
	r, err := Import(readFiles(t, "testdata/shop/catalog-info.yaml", "testdata/shop/infra.yaml"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	goldenCheck(t, "shop.golden.yaml", r.YAML)
	goldenCheck(t, "shop.summary.golden", []byte(r.Summary.String()))
	m, err := model.Parse("architecture.yaml", r.YAML)
	if err != nil {
		t.Fatalf("import does not validate: %v\n%s", err, r.YAML)
	}
	kinds := map[string]string{}
	for _, e := range m.Elements() {
		kinds[e.ID] = string(e.Kind) + " in " + e.Parent
	}
	for id, want := range map[string]string{
		"commerce": "domain in ", "storefront": "domain in commerce", "payments": "domain in commerce",
		"web-shop": "module in storefront", "payments-component": "module in payments",
		"fraud-check": "module in payments", "catalog-db": "tech in data", "order-events": "tech in messaging",
		"mailer": "module in components-without-system",
	} {
		if kinds[id] != want {
			t.Errorf("%s: %q, want %q", id, kinds[id], want)
		}
	}
	var flows []string
	for _, f := range m.Flows {
		flows = append(flows, f.From+"->"+f.To+" "+f.Label+" "+f.Protocol)
	}
	want := []string{
		"web-shop->catalog-service Catalog API HTTP (OpenAPI)",
		"web-shop->payments-component payments-api gRPC",
		"catalog-service->catalog-db  ", "catalog-service->search-index  ",
		"payments-component->fraud-check  ", "payments-component->order-events  ",
	}
	if strings.Join(flows, "\n") != strings.Join(want, "\n") {
		t.Errorf("flows:\n%s\nwant:\n%s", strings.Join(flows, "\n"), strings.Join(want, "\n"))
	}
	if got := m.TechUsers("catalog-db"); len(got) != 1 || got[0] != "catalog-service" {
		t.Errorf("catalog-db users %v", got)
	}
}

func TestBadCatalogs(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"not yaml", "kind: [", "bad.yaml:1: did not find expected node content"},
		{"not yaml later", "kind: Component\nmetadata: {name: a}\n---\nkind: x: y\n", "bad.yaml:4: mapping values are not allowed in this context"},
		{"empty", "", "no catalog entities found in 1 file"},
		{"only unknown", "kind: Template\nmetadata: {name: x}\n", "no catalog entities found in 1 file"},
		{"too big", strings.Repeat("#", MaxFileSize+1), "bad.yaml: larger than the 10 MB limit for a catalog file"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Import([]File{{Name: "bad.yaml", Data: []byte(tc.in)}}, Options{})
			if err == nil || err.Error() != tc.want {
				t.Errorf("error %v, want %q", err, tc.want)
			}
		})
	}
}

func TestWarnings(t *testing.T) {
	in := `kind: Component
metadata: {name: a}
spec: {system: nowhere, colour: blue}
---
- just a list
---
kind: Component
metadata: {title: nameless}
---
kind: Component
metadata: {name: a}
---
kind: Domain
metadata: {name: x}
spec: {subdomainOf: y}
---
kind: Domain
metadata: {name: y}
spec: {subdomainOf: x}
`
	r, err := Import([]File{{Name: "w.yaml", Data: []byte(in)}}, Options{Name: "W"})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		`w.yaml:3: Component a: unknown field spec.colour ignored`,
		`w.yaml:5: not an entity (a YAML mapping with kind and metadata); skipped`,
		`w.yaml:7: Component without metadata.name; skipped`,
		`w.yaml:10: Component a is already defined at w.yaml:1; skipped`,
		`w.yaml:13: Domain x: domains nest in a loop; kept at the top`,
		`w.yaml:17: Domain y: domains nest in a loop; kept at the top`,
		`w.yaml:1: Component a: spec.system "nowhere" is not a System in the catalog`,
	}
	if got := strings.Join(r.Summary.Warnings, "\n"); got != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant:\n%s", got, strings.Join(want, "\n"))
	}
	if _, err := model.Parse("architecture.yaml", r.YAML); err != nil {
		t.Errorf("does not validate: %v", err)
	}
}

// goldenCheck compares got with testdata/<name>.
func goldenCheck(t *testing.T, name string, got []byte) {
	t.Helper()
	golden.Check(t, filepath.Join("testdata", name), got)
}

func TestSummarySaysOneInTheSingular(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"kind: Component\nmetadata: {name: a}\nspec: {colour: blue}\n",
			"imported 1 entity from 1 file: 1 domain, 1 module, 0 technologies, 0 flows (0 owners kept as comments), 1 warning\n" +
				"  warning: c.yaml:3: Component a: unknown field spec.colour ignored\n"},
		{"kind: Component\nmetadata: {name: a}\n---\nkind: Group\nmetadata: {name: team-a}\n",
			"imported 2 entities from 1 file: 1 domain, 1 module, 0 technologies, 0 flows (1 owner kept as a comment), 0 warnings\n"},
	} {
		r, err := Import([]File{{Name: "c.yaml", Data: []byte(tc.in)}}, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if got := r.Summary.String(); got != tc.want {
			t.Errorf("summary\n got: %q\nwant: %q", got, tc.want)
		}
	}
}
