package model

import (
	"os"
	"strings"
	"testing"
)

// FuzzParse feeds arbitrary bytes to the loader. Whatever comes in, Parse
// must return (never panic: a recovered panic shows as "internal error"),
// give only positioned model.Errors naming the file, and say the same
// thing twice. The seed corpus in testdata/fuzz/FuzzParse (hostile cases
// included) runs with the normal tests.
func FuzzParse(f *testing.F) {
	if data, err := os.ReadFile("../architecture.yaml"); err == nil {
		f.Add(data)
	}
	for _, tc := range append(append(append(errorCases, kindCases...), flowCases...), append(append(defaultsCases, levelCases...), operationCases...)...) {
		f.Add([]byte(tc.yaml))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := Parse("f.yaml", data)
		if err == nil {
			if m == nil || m.Name == "" {
				t.Fatalf("no error, yet model %v has no name", m)
			}
			return
		}
		errs, ok := err.(Errors)
		if !ok {
			t.Fatalf("error is %T, want model.Errors: %v", err, err)
		}
		for _, e := range errs {
			if e.Pos.File != "f.yaml" {
				t.Errorf("error without the file name: %v", e)
			}
			if strings.Contains(e.Msg, "internal error") {
				t.Fatalf("Parse panicked: %v", e)
			}
		}
		if _, again := Parse("f.yaml", data); again == nil || again.Error() != err.Error() {
			t.Errorf("Parse is not deterministic:\n%v\n---\n%v", err, again)
		}
	})
}
