package model

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
	utf16pkg "unicode/utf16"
)

// hostileInputs are files an attacker or an accident could hand us. Each
// must end quickly (see BenchmarkHostile) with a clear error.
func hostileInputs() map[string][]byte {
	garbage := make([]byte, 4096)
	rand.New(rand.NewSource(1)).Read(garbage)
	return map[string][]byte{
		"alias bomb":              []byte(aliasBomb("x", "[", "]", "")),
		"alias bomb in domains":   []byte(aliasBomb("d", "{id: a, name: a, domains: [", "]}", "domains: [*d9]\n")),
		"alias bomb through <<":   []byte(aliasBomb("m", "{<<: [", "]}", "domains: [*m9]\n")),
		"deep flow nesting":       []byte("name: x\nsettings: " + strings.Repeat("[", 20000) + strings.Repeat("]", 20000) + "\n"),
		"deep domains":            []byte("name: x\ndomains:\n" + deepDomains(80)),
		"binary garbage":          garbage,
		"invalid utf-8":           []byte("name: caf\xe9\n"),
		"nul byte":                []byte("name: x\x00\n"),
		"utf-16 with BOM":         utf16("\ufeffname: 商城\n", false),
		"utf-16 big-endian":       utf16("name: shop\n", true),
		"empty":                   nil,
		"only a comment":          []byte("# nothing yet\n"),
		"explicit null document":  []byte("---\n...\n"),
		"a list":                  []byte("- name: x\n"),
		"two documents":           []byte("name: x\n---\nname: y\n"),
		"thousands of mistakes":   []byte("name: x\n" + manyUnknownKeys(5000)),
		"self-referencing anchor": []byte("name: x\ndomains: &a [{id: a, name: a, domains: *a}]\n"),
	}
}

func aliasBomb(anchor, open, close, use string) string {
	var b strings.Builder
	b.WriteString("name: x\nbomb:\n")
	fmt.Fprintf(&b, "  - &%s0 {id: a, name: a, tags: [a, b, c, d, e, f, g, h, i, j]}\n", anchor)
	for i := 1; i < 10; i++ {
		refs := strings.TrimSuffix(strings.Repeat(fmt.Sprintf("*%s%d, ", anchor, i-1), 10), ", ")
		fmt.Fprintf(&b, "  - &%s%d %s%s%s\n", anchor, i, open, refs, close)
	}
	b.WriteString(use)
	return b.String()
}

// utf16 encodes s as UTF-16, as Windows editors save text.
func utf16(s string, bigEndian bool) []byte {
	var out []byte
	for _, u := range utf16pkg.Encode([]rune(s)) {
		if bigEndian {
			out = append(out, byte(u>>8), byte(u))
		} else {
			out = append(out, byte(u), byte(u>>8))
		}
	}
	return out
}

func manyUnknownKeys(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "key%d: x\n", i)
	}
	return b.String()
}

func deepDomains(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		ind := strings.Repeat("  ", i)
		fmt.Fprintf(&b, "%s- id: d%d\n%s  name: d\n%s  domains:\n", ind, i, ind, ind)
	}
	return b.String()
}

func TestHostileInputFailsCleanly(t *testing.T) {
	want := map[string]string{
		"alias bomb":              `h.yaml:2:1: bomb: unknown field "bomb"`,
		"alias bomb in domains":   "aliases expand to more than 10000 values (an alias bomb?)",
		"alias bomb through <<":   "aliases expand to more than 10000 values (an alias bomb?)",
		"deep flow nesting":       "h.yaml:2:1: YAML syntax: exceeded max depth of 10000",
		"deep domains":            "nested too deeply (more than 100 levels)",
		"binary garbage":          "is this a binary file?",
		"invalid utf-8":           "h.yaml:1:10: invalid UTF-8 (byte 0xe9): a model file must be UTF-8 text, is this a binary file?",
		"nul byte":                "h.yaml:1:8: control character U+0000 is not allowed in YAML: is this a binary file?",
		"utf-16 with BOM":         "h.yaml:1:1: this file is UTF-16 (little-endian) text; a model file must be UTF-8: save it again as UTF-8",
		"utf-16 big-endian":       "h.yaml:1:1: this file is UTF-16 (big-endian) text; a model file must be UTF-8",
		"empty":                   "h.yaml:1:1: empty model: expected a mapping with at least name",
		"only a comment":          "h.yaml:1:1: empty model: expected a mapping with at least name",
		"explicit null document":  "h.yaml:1:1: empty model: expected a mapping with at least name",
		"a list":                  "h.yaml:1:1: expected a mapping (name: ..., domains: ...) at the top level, got a list",
		"two documents":           `h.yaml:2:1: a model file holds one YAML document; remove the second "---"`,
		"thousands of mistakes":   "h.yaml:1001:1: too many problems: 4000 more not shown; fix these first",
		"self-referencing anchor": "nested too deeply (more than 100 levels)",
	}
	for name, data := range hostileInputs() {
		t.Run(name, func(t *testing.T) {
			_, err := Parse("h.yaml", data)
			if err == nil {
				t.Fatal("no error")
			}
			if _, ok := err.(Errors); !ok {
				t.Errorf("error is %T, want model.Errors", err)
			}
			if !strings.Contains(err.Error(), want[name]) {
				t.Errorf("got:\n%s\nwant it to contain:\n%s", err, want[name])
			}
			if len(err.Error()) > 100000 {
				t.Errorf("error is %d bytes long: hostile input must not flood the terminal", len(err.Error()))
			}
		})
	}
}

// A huge file is refused by its size, before it is read.
func TestHugeFileIsRefusedBeforeReading(t *testing.T) {
	path := filepath.Join(t.TempDir(), "architecture.yaml")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	// Sparse: 100 MB on paper, nothing on disk.
	if err := f.Truncate(100 << 20); err != nil {
		t.Fatal(err)
	}
	f.Close()
	_, err = Load(path)
	want := path + ": file is 100 MB, larger than the 10 MB limit for a model file"
	if err == nil || err.Error() != want {
		t.Errorf("got %v, want %s", err, want)
	}
	_, err = Parse("big.yaml", make([]byte, MaxFileSize+1))
	if want := "big.yaml: file is 10.0 MB, larger than the 10 MB limit for a model file"; err == nil || err.Error() != want {
		t.Errorf("Parse: got %v, want %s", err, want)
	}
}

func BenchmarkHostile(b *testing.B) {
	for name, data := range hostileInputs() {
		b.Run(strings.ReplaceAll(name, " ", "-"), func(b *testing.B) {
			for b.Loop() {
				if _, err := Parse("h.yaml", data); err == nil {
					b.Fatal("no error")
				}
			}
		})
	}
}
