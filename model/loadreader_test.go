package model

import (
	"path/filepath"
	"strings"
	"testing"
)

// A model read from standard input is named <stdin> in errors; its
// includes and docs are found in the folder LoadReader is given.
func TestLoadReader(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "parts/people.yaml"), "actors:\n  - id: visitor\n    name: Visitor\n")
	writeFile(t, filepath.Join(dir, "guide.md"), "# Guide\n")
	src := "name: x\ninclude: [parts/people.yaml, missing.yaml]\ndocs:\n  - path: guide.md\n" +
		"flows:\n  - from: visitor\n    to: nobody\n"
	m, err := LoadReader("<stdin>", strings.NewReader(src), dir)
	want := []string{
		`<stdin>:2:30: include[1]: file "missing.yaml" not found`,
	}
	if got := errorLines(err); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("errors differ\ngot:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
	if _, ok := m.Element("visitor"); !ok {
		t.Error("the include was not read")
	}
	if got, want := m.Pos("actors[0].name").String(), filepath.Join(dir, "parts/people.yaml")+":3:11"; got != want {
		t.Errorf("include position %s, want %s", got, want)
	}

	src = "name: x\ninclude: [parts/people.yaml]\ndocs:\n  - path: guide.md\nflows:\n  - from: visitor\n    to: nobody\n"
	_, err = LoadReader("<stdin>", strings.NewReader(src), dir)
	want = []string{`<stdin>:7:9: flows[0].to: unknown element "nobody"`}
	if got := errorLines(err); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("errors differ\ngot:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}

func TestLoadReaderRefusesHugeInput(t *testing.T) {
	_, err := LoadReader("<stdin>", strings.NewReader(strings.Repeat("#", MaxFileSize+5)), t.TempDir())
	want := "<stdin>: file is 10.0 MB, larger than the 10 MB limit for a model file"
	if err == nil || err.Error() != want {
		t.Errorf("err = %v, want %s", err, want)
	}
}
