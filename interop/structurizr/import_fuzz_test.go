package structurizr

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/archdoc/archdoc/interop/internal/importkit"
	"github.com/archdoc/archdoc/model"
)

// FuzzImport: no workspace, DSL or JSON, makes the importer panic or
// hang, and whatever it imports validates. Seeds: testdata/fuzz, the
// Big Bank workspace and the exporter's goldens.
func FuzzImport(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/*.dsl")
	seeds = append(seeds, "testdata/import/bigbank/workspace.dsl", "testdata/import/bigbank/workspace.json")
	for _, n := range seeds {
		data, err := os.ReadFile(n)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := Import(importkit.File{Name: "w.dsl", Data: data}, nil, ImportOptions{Name: "fuzz"})
		if err != nil {
			return
		}
		if _, err := model.Parse("architecture.yaml", r.YAML); err != nil {
			t.Fatalf("import does not validate: %v\n%s", err, r.YAML)
		}
	})
}
