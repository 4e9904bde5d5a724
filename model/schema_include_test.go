package model

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

const shippedIncludeSchema = "../schema/include.schema.json"

// Editors check include files with their own schema (no required name);
// the shipped file must say what the Go types say.
func TestShippedIncludeSchemaMatchesTheTypes(t *testing.T) {
	got, err := JSONIncludeSchema()
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile(shippedIncludeSchema, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(shippedIncludeSchema)
	if err != nil {
		t.Fatalf("%v (run go test ./model -run Schema -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s is out of date: run go test ./model -run Schema -update and review the diff", shippedIncludeSchema)
	}
}

// TestIncludeFilesMatchTheirSchema: every file an example includes names
// the include schema on its first line and passes it, and a main-file
// field (name) is refused there as the loader refuses it.
func TestIncludeFilesMatchTheirSchema(t *testing.T) {
	var s map[string]any
	data, err := JSONIncludeSchema()
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &s); err != nil {
		t.Fatal(err)
	}
	if _, ok := s["required"]; ok {
		t.Errorf("the include schema requires %v", s["required"])
	}
	checked := 0
	for _, file := range exampleFiles(t) {
		m, err := Load(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, inc := range m.Files()[1:] {
			checked++
			src, err := os.ReadFile(inc)
			if err != nil {
				t.Fatal(err)
			}
			first, _, _ := strings.Cut(string(src), "\n")
			rel, _ := filepath.Rel(filepath.Dir(inc), shippedIncludeSchema)
			if want := "# yaml-language-server: $schema=" + filepath.ToSlash(rel); first != want {
				t.Errorf("%s: first line %q, want %q", inc, first, want)
			}
			var doc any
			if err := yaml.Unmarshal(src, &doc); err != nil {
				t.Fatal(err)
			}
			if problems := validateJSON(s, s, doc, ""); len(problems) > 0 {
				t.Errorf("%s does not match the include schema:\n  %s", inc, strings.Join(problems, "\n  "))
			}
		}
	}
	if checked == 0 {
		t.Fatal("no example includes a file: this test checks nothing")
	}
	var doc any
	_ = yaml.Unmarshal([]byte("name: x\nglossary: [{term: a, definition: b}]\n"), &doc)
	if got := validateJSON(s, s, doc, ""); strings.Join(got, "\n") != "/: unknown property name" {
		t.Errorf("an include setting name: %v, want it refused", got)
	}
}
