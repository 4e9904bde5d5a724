package structurizr

import (
	"bytes"
	"flag"
	"path/filepath"
	"testing"

	"github.com/archdoc/archdoc/interop/internal/exporttest"
)

var update = flag.Bool("update", false, "rewrite golden files")

func TestGolden(t *testing.T) {
	for name, m := range exporttest.Models(t) {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := Write(&buf, m); err != nil {
				t.Fatal(err)
			}
			exporttest.Golden(t, filepath.Join("testdata", name+".dsl"), buf.Bytes(), *update)
			exporttest.CheckDSL(t, buf.String())
		})
	}
}
