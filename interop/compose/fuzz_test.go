package compose

import (
	"testing"

	"github.com/archdoc/archdoc/interop/internal/importkit"
	"github.com/archdoc/archdoc/model"
)

// FuzzImport: no Compose file makes the importer panic or hang, and
// whatever it imports validates. Seeds: testdata/fuzz and the LNMP files.
func FuzzImport(f *testing.F) {
	for _, file := range read(f, "testdata/lnmp/docker-compose.yml", "testdata/lnmp/docker-compose.override.yml") {
		f.Add(file.Data)
	}
	f.Add([]byte("a: &a [*a, *a]\nservices: {x: {<<: *a}}\n"))
	f.Add([]byte("services:\n  w: &w {<<: *w, image: x}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := Import([]importkit.File{{Name: "c.yml", Data: data}}, Options{Name: "fuzz"})
		if err != nil {
			return
		}
		if _, err := model.Parse("architecture.yaml", r.YAML); err != nil {
			t.Fatalf("import does not validate: %v\n%s", err, r.YAML)
		}
	})
}
