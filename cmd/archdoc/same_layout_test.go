package main

import (
	"bytes"
	"context"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/archdoc/archdoc/internal/synth"
)

// TestSameLayoutEverywhere builds a generated 100-module model twice
// (views laid out on every core, in worker processes) and compares every
// file; then draws every view with 'diagram' and the deck's views with
// 'slides', and checks each drawing has the geometry of the site's: a
// view's layout depends only on the view, not on the command, the worker
// or what was laid out before it.
func TestSameLayoutEverywhere(t *testing.T) {
	dir := t.TempDir()
	model := filepath.Join(dir, "architecture.yaml")
	if err := os.WriteFile(model, synth.Model(100, 1), 0o644); err != nil {
		t.Fatal(err)
	}
	var trees []map[string][]byte
	for _, out := range []string{"a", "b"} {
		var stdout bytes.Buffer
		err := runBuild(context.Background(), &buildOptions{File: model, Out: filepath.Join(dir, out), Stdout: &stdout, Stderr: io.Discard})
		if err != nil {
			t.Fatal(err)
		}
		trees = append(trees, readTree(t, filepath.Join(dir, out)))
	}
	if len(trees[0]) < 100 {
		t.Fatalf("only %d files built", len(trees[0]))
	}
	for name, a := range trees[0] {
		if b, ok := trees[1][name]; !ok || !bytes.Equal(a, b) {
			t.Errorf("%s differs between two builds", name)
		}
	}
	if len(trees[0]) != len(trees[1]) {
		t.Errorf("%d files, then %d", len(trees[0]), len(trees[1]))
	}
	for _, args := range [][]string{
		{"diagram", "-f", model, "-o", filepath.Join(dir, "diagrams")},
		{"slides", "-f", model, "--format", "md", "-o", filepath.Join(dir, "deck", "deck.md")},
	} {
		if code := run(context.Background(), args, io.Discard, io.Discard); code != 0 {
			t.Fatalf("archdoc %s: exit %d", args[0], code)
		}
	}
	site := filepath.Join(dir, "a", "diagrams")
	for _, other := range []string{filepath.Join(dir, "diagrams"), filepath.Join(dir, "deck", "diagrams")} {
		drawings := readTree(t, other)
		if len(drawings) == 0 {
			t.Fatalf("%s: no drawings", other)
		}
		for name, svg := range drawings {
			want, err := os.ReadFile(filepath.Join(site, name))
			if err != nil {
				t.Errorf("%s: not on the site: %v", name, err)
				continue
			}
			if a, b := geometry(want), geometry(svg); a == "" || a != b {
				t.Errorf("%s: the layout in %s differs from the site's", name, other)
			}
		}
	}
}

// geometry is the position and shape of everything an SVG drawing
// draws, without its links (and the wide invisible paths that make a
// linked arrow easy to click) and its own size on the page.
func geometry(svg []byte) string {
	body := svg[bytes.Index(svg, []byte("<svg")):]
	body = body[bytes.IndexByte(body, '>')+1:] // the root element's size may differ
	body = hitArea.ReplaceAll(body, nil)
	var b strings.Builder
	for _, m := range geometryAttr.FindAll(body, -1) {
		b.Write(m)
		b.WriteByte(' ')
	}
	return b.String()
}

var hitArea = regexp.MustCompile(`<path class="hit" [^>]*>`)

var geometryAttr = regexp.MustCompile(`\b(x|y|width|height|d|points|cx|cy|rx|ry|x1|y1|x2|y2|transform)="[^"]*"`)

func readTree(t *testing.T, root string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		files[path[len(root):]] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}
