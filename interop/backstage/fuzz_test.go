package backstage

import (
	"os"
	"testing"

	"github.com/archdoc/archdoc/model"
)

// FuzzImport: no catalog makes the importer panic, and whatever it
// imports validates. Seeds: the shop and acme catalog files.
func FuzzImport(f *testing.F) {
	for _, n := range []string{"testdata/shop/catalog-info.yaml", "testdata/shop/infra.yaml",
		"testdata/acme-catalog/catalog-info.yaml", "testdata/acme-catalog/apis/billing/invoices.yaml"} {
		data, err := os.ReadFile(n)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("kind: System\nmetadata: {name: a}\nspec: {domain: a}\n---\nkind: Domain\nmetadata: {name: a}\nspec: {subdomainOf: system:a}\n"))
	f.Add([]byte("a: &a [*a, *a]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := Import([]File{{Name: "f.yaml", Data: data}}, Options{Name: "fuzz"})
		if err != nil {
			return
		}
		if _, err := model.Parse("architecture.yaml", r.YAML); err != nil {
			t.Fatalf("import does not validate: %v\n%s", err, r.YAML)
		}
	})
}
