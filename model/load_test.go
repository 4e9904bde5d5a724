package model

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestIncludesMergeListsAndKeepPositions(t *testing.T) {
	m, err := Load("testdata/include/ok/architecture.yaml")
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	var ids []string
	for _, e := range m.Elements() {
		ids = append(ids, string(e.Kind)+":"+e.ID+"@"+e.Path)
	}
	want := "actor:owner@actors[0] actor:visitor@actors[1] layer:data@stack.layers[0] " +
		"tech:redis@stack.layers[0].technologies[0] flow:owner-visitor@flows[0] " +
		"flow:visitor-owner@flows[1] doc:guide@docs[0]"
	if got := strings.Join(ids, " "); got != want {
		t.Errorf("elements\n got: %s\nwant: %s", got, want)
	}
	positions := map[string]string{
		"actors[0].name":                    "testdata/include/ok/architecture.yaml:5:23",
		"actors[1].name":                    "testdata/include/ok/parts/people.yaml:5:11",
		"flows[1].label":                    "testdata/include/ok/parts/people.yaml:7:39",
		"stack.layers[0].technologies[0]":   "testdata/include/ok/parts/more/stack.yaml:6:11",
		"stack.layers[0].technologies[0].x": "testdata/include/ok/parts/more/stack.yaml:6:11",
		"include[1]":                        "testdata/include/ok/parts/people.yaml:2:11",
	}
	for path, want := range positions {
		if got := m.Pos(path).String(); got != want {
			t.Errorf("Pos(%q) = %s, want %s", path, got, want)
		}
	}
	files := "testdata/include/ok/architecture.yaml testdata/include/ok/parts/people.yaml testdata/include/ok/parts/more/stack.yaml"
	if got := strings.Join(m.Files(), " "); got != files {
		t.Errorf("Files() = %s, want %s", got, files)
	}
	if e, ok := m.Element("redis"); !ok || e.Tech.Name != "Redis" {
		t.Errorf("index does not find redis: %+v", e)
	}
}

func TestIncludeProblems(t *testing.T) {
	for _, tc := range []struct {
		file string
		want []string
	}{
		{"testdata/include/cycle/architecture.yaml", []string{
			"testdata/include/cycle/b.yaml:3:11: include[2]: include cycle: testdata/include/cycle/a.yaml -> testdata/include/cycle/b.yaml -> testdata/include/cycle/a.yaml",
		}},
		{"testdata/include/bad/architecture.yaml", []string{
			`testdata/include/bad/architecture.yaml:3:5: include[0]: "../ok/architecture.yaml" is outside the model's folder`,
			`testdata/include/bad/architecture.yaml:4:5: include[1]: "/etc/hostname" is an absolute path: include files must be inside the model's folder`,
			`testdata/include/bad/architecture.yaml:5:5: include[2]: file "missing.yaml" not found`,
			`testdata/include/bad/architecture.yaml:7:5: include[4]: "part.yaml" is already included at testdata/include/bad/architecture.yaml:6:5`,
			`testdata/include/bad/architecture.yaml:8:5: include[5]: "docs" is a folder, not a file`,
			`testdata/include/bad/architecture.yaml:10:11: docs[0].path: file "docs/missing.md" not found`,
			`testdata/include/bad/architecture.yaml:11:11: docs[1].path: "docs" is a folder, not a Markdown file`,
			`testdata/include/bad/part.yaml:1:1: name: only the main model file may set "name"; included files add lists`,
			`testdata/include/bad/part.yaml:2:1: summary: only the main model file may set "summary"; included files add lists`,
			`testdata/include/bad/part.yaml:4:28: actors[0].kind: "robot" is not one of person, external`,
		}},
	} {
		t.Run(tc.file, func(t *testing.T) {
			_, err := Load(tc.file)
			if got := errorLines(err); strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("errors differ\ngot:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(tc.want, "\n  "))
			}
		})
	}
}

// Symbolic links must not lead out of the model's folder, for includes
// nor for docs; they are made here because git may not keep them.
func TestSymlinksOutOfTheFolderAreRefused(t *testing.T) {
	outside := t.TempDir()
	secret := filepath.Join(outside, "secret.yaml")
	if err := os.WriteFile(secret, []byte("actors: [{id: s, name: S}]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for name, target := range map[string]string{"in.yaml": secret, "doc.md": secret, "inside.md": "docs/real.md"} {
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Skipf("cannot make symbolic links here: %v", err)
		}
	}
	writeFile(t, filepath.Join(dir, "docs/real.md"), "# Real\n")
	writeFile(t, filepath.Join(dir, "architecture.yaml"),
		"name: x\ninclude: [in.yaml]\ndocs:\n  - path: doc.md\n  - path: inside.md\n")
	_, err := Load(filepath.Join(dir, "architecture.yaml"))
	main := filepath.Join(dir, "architecture.yaml")
	want := []string{
		main + `:2:11: include[0]: file "in.yaml" is outside the model's folder (through a symbolic link?)`,
		main + `:4:11: docs[0].path: file "doc.md" is outside the model's folder (through a symbolic link?)`,
	}
	if got := errorLines(err); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("errors differ\ngot:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}

func TestMainFileProblems(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		file, want string
	}{
		{filepath.Join(dir, "nope.yaml"), filepath.Join(dir, "nope.yaml") + ": file not found"},
		{dir, dir + ": is a folder, not a file"},
	} {
		_, err := Load(tc.file)
		if err == nil || err.Error() != tc.want {
			t.Errorf("Load(%s) = %v, want %s", tc.file, err, tc.want)
		}
		if _, ok := err.(Errors); !ok {
			t.Errorf("Load(%s) error is %T, want model.Errors", tc.file, err)
		}
	}
}

func TestDerivedIDs(t *testing.T) {
	m, err := Parse("architecture.yaml", []byte(`name: x
actors:
  - {id: a, name: A}
  - {id: b, name: B}
  - {id: a-b, name: "Taken by an actor"}
flows:
  - {from: a, to: b}
  - {from: a, to: b}
  - {id: mine, from: b, to: a}
  - {from: b, to: a}
docs:
  - path: docs/Getting Started.md
  - path: other/getting-started.txt
  - path: 入门.md
  - {id: own, path: x.md}
`))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range m.Flows {
		got = append(got, f.ID)
	}
	for _, d := range m.Docs {
		got = append(got, d.ID)
	}
	want := "a-b-2 a-b-3 mine b-a getting-started getting-started-2 doc own"
	if strings.Join(got, " ") != want {
		t.Errorf("derived ids = %s, want %s", strings.Join(got, " "), want)
	}
	if e, ok := m.Element("a-b-3"); !ok || e.Kind != KindFlow || e.Path != "flows[1]" {
		t.Errorf("derived flow id not indexed: %+v", e)
	}
}

func TestPositionsOfValues(t *testing.T) {
	m, err := Parse("architecture.yaml", []byte("name: x\nflows:\n  - from: a\n    to: b\n"+
		"actors: [{id: a, name: A}, {id: b, name: B}]\n"))
	if err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]string{
		"name":         "architecture.yaml:1:7",
		"flows":        "architecture.yaml:3:3",
		"flows[0]":     "architecture.yaml:3:5",
		"flows[0].to":  "architecture.yaml:4:9",
		"actors[1].id": "architecture.yaml:5:33",
		"nothing.here": "architecture.yaml",
	} {
		if got := m.Pos(path).String(); got != want {
			t.Errorf("Pos(%q) = %s, want %s", path, got, want)
		}
	}
}

func TestMergeKeysCopyValues(t *testing.T) {
	m, err := Parse("m.yaml", []byte("name: x\nactors:\n  - &a {id: a, name: A, kind: external}\n  - {<<: *a, id: b}\n"))
	if err != nil {
		t.Fatal(err)
	}
	if b := m.Actors[1]; b.ID != "b" || b.Name != "A" || b.Kind != "external" {
		t.Errorf("merged actor = %+v", b)
	}
}

// The shipped examples are the format's showcase: they must load cleanly.
func TestExamplesLoad(t *testing.T) {
	for _, file := range exampleFiles(t) {
		t.Run(file, func(t *testing.T) {
			m, err := Load(file)
			if err != nil {
				t.Fatalf("%v", err)
			}
			if len(m.Elements()) == 0 {
				t.Errorf("no elements in %s", file)
			}
		})
	}
}

func exampleFiles(t testing.TB) []string {
	files, _ := filepath.Glob("../examples/*/architecture.yaml")
	if _, err := os.Stat("../architecture.yaml"); err == nil {
		files = append([]string{"../architecture.yaml"}, files...)
	}
	if len(files) == 0 {
		t.Skip("NO EXAMPLE MODEL: ../architecture.yaml and ../examples/*/architecture.yaml are missing")
	}
	return files
}

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// A field of a kind the decoder does not know would only show up as an
// "internal error" on some user's model; catch it when types.go changes.
func TestDecoderHandlesEveryFieldType(t *testing.T) {
	seen := map[reflect.Type]bool{}
	var check func(reflect.Type, string)
	check = func(ty reflect.Type, path string) {
		switch ty.Kind() {
		case reflect.String, reflect.Bool, reflect.Float64:
		case reflect.Slice, reflect.Pointer:
			check(ty.Elem(), path+"[]")
		case reflect.Map:
			if ty.Key().Kind() != reflect.String {
				t.Errorf("%s: map keys must be strings", path)
			}
			check(ty.Elem(), path+"{}")
		case reflect.Struct:
			if seen[ty] {
				return
			}
			seen[ty] = true
			for _, f := range structInfoOf(ty).fields {
				check(ty.Field(f.index).Type, join(path, f.name))
			}
		default:
			t.Errorf("%s: the decoder cannot decode a %s", path, ty)
		}
	}
	check(typeOf[Model](), "")
}

// Docs become site pages: a binary file or one over the size limit is
// refused at its docs entry, before anything is built.
func TestDocsMustBeText(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "ok.md"), "# 标题\n\n\tcode\fpage\r\n")
	writeFile(t, filepath.Join(dir, "bin.md"), "# x\nab\x00\xff")
	writeFile(t, filepath.Join(dir, "latin1.md"), "caf\xe9\n")
	writeFile(t, filepath.Join(dir, "big.md"), strings.Repeat("x", MaxFileSize+1))
	writeFile(t, filepath.Join(dir, "esc.md"), "# x\n\nsee \x1b[31mred\n")
	writeFile(t, filepath.Join(dir, "bidi.md"), "# 标题\n\nrun \u202egnp.exe\n")
	main := filepath.Join(dir, "architecture.yaml")
	writeFile(t, main, "name: x\ndocs:\n  - path: ok.md\n  - path: bin.md\n  - path: latin1.md\n  - path: big.md\n  - path: esc.md\n  - path: bidi.md\n")
	_, err := Load(main)
	want := []string{
		main + `:4:11: docs[1].path: file "bin.md" is not UTF-8 text (byte 0x00 at 2:3): is it a binary file?`,
		main + `:5:11: docs[2].path: file "latin1.md" is not UTF-8 text (byte 0xe9 at 1:4): is it a binary file?`,
		main + `:6:11: docs[3].path: "big.md": file is 10.0 MB, larger than the 10 MB limit for a model file`,
		main + `:7:11: docs[4].path: file "esc.md" contains a control character (U+001B) at 3:5`,
		main + `:8:11: docs[5].path: file "bidi.md" contains a bidirectional control character (U+202E) at 3:5`,
	}
	if got := errorLines(err); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("errors differ\ngot:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}

// Included files go through the same decoder: hidden controls there are
// reported at their place in the included file, and a control in an
// include's own path is spelled out, never printed raw.
func TestHiddenControlsInIncludes(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "people.yaml"), "actors:\n  - {id: a, name: \"A\\e[8m\"}\n")
	main := filepath.Join(dir, "architecture.yaml")
	writeFile(t, main, "name: x\ninclude: [people.yaml, \"x\\e.yaml\"]\n")
	_, err := Load(main)
	want := []string{
		main + `:2:24: include[1]: contains a control character (U+001B)`,
		main + `:2:24: include[1]: file "x\x1b.yaml" not found`,
		filepath.Join(dir, "people.yaml") + `:2:19: actors[0].name: contains a control character (U+001B)`,
	}
	if got := errorLines(err); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("errors differ\ngot:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}
