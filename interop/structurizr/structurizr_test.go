package structurizr

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/archdoc/archdoc/internal/golden"
	"github.com/archdoc/archdoc/interop/internal/exporttest"
)

func TestGolden(t *testing.T) {
	for name, m := range exporttest.Models(t) {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := Write(&buf, m); err != nil {
				t.Fatal(err)
			}
			golden.Check(t, filepath.Join("testdata", name+".dsl"), buf.Bytes())
			exporttest.CheckDSL(t, buf.String())
		})
	}
}
