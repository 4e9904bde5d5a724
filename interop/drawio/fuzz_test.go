package drawio

import (
	"bytes"
	"os"
	"testing"

	"github.com/archdoc/archdoc/model"
)

// FuzzDecode: no input makes the importer panic or hang, and whatever it
// imports is a model the loader accepts. The seed corpus (the seed
// diagram, a compressed copy, the C4, LikeC4 and AWS fixtures, garbage,
// edge cases) lives in testdata/fuzz/FuzzDecode and runs with every
// `go test`.
func FuzzDecode(f *testing.F) {
	for _, name := range []string{seedFile, "testdata/business-model-compressed.drawio",
		"testdata/c4-library.drawio", "testdata/likec4-export.drawio", "testdata/aws-flat.drawio"} {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add(pngWith(f, "tEXt", []byte("mxfile\x00%3Cmxfile%3E%3Cdiagram%20name%3D%22p%22%3E%3C%2Fdiagram%3E%3C%2Fmxfile%3E")))
	lim := Limits{MaxBytes: 1 << 20, MaxShapes: 300}
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := Decode(bytes.NewReader(data), Options{Name: "fuzz", Limits: lim})
		if err != nil {
			return
		}
		if _, err := model.Parse("architecture.yaml", r.YAML); err != nil {
			t.Fatalf("import does not validate: %v\n%s", err, r.YAML)
		}
	})
}
