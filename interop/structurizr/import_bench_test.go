package structurizr

import (
	"testing"

	"github.com/archdoc/archdoc/interop/internal/importkit"
)

// BenchmarkImportShowcase imports the showcase's exported workspace.
func BenchmarkImportShowcase(b *testing.B) {
	f := readFile(b, "testdata/showcase.dsl")
	for b.Loop() {
		if _, err := Import(importkit.File{Name: f.Name, Data: f.Data}, nil, ImportOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}
