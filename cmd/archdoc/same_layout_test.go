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
// 'slides' (which lays out for the slide) with and without workers: a
// view's layout depends only on the view, not on the command, the worker
// or what was laid out before it.
func TestSameLayoutEverywhere(t *testing.T) {
	dir := t.TempDir()
	model := filepath.Join(dir, "architecture.yaml")
	if err := os.WriteFile(model, synth.Model(100, 1), 0o644); err != nil {
		t.Fatal(err)
	}
	// A layout that runs over its first try's time (on a machine busy
	// with other work) is drawn another way, on purpose: such a run
	// says nothing about history, so the comparison is skipped.
	var stderr bytes.Buffer
	var differ []string
	defer func() {
		if len(differ) == 0 {
			return
		}
		if line := overTime(stderr.String()); line != "" {
			t.Skipf("SKIPPED: the machine was too busy to lay every view out within its first try, so %d drawings were made another way: %s", len(differ), line)
		}
		for _, d := range differ {
			t.Error(d)
		}
	}()
	var trees []map[string][]byte
	for _, out := range []string{"a", "b"} {
		var stdout bytes.Buffer
		err := runBuild(context.Background(), &buildOptions{File: model, Out: filepath.Join(dir, out), Stdout: &stdout, Stderr: &stderr})
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
			differ = append(differ, name+" differs between two builds")
		}
	}
	if len(trees[0]) != len(trees[1]) {
		t.Errorf("%d files, then %d", len(trees[0]), len(trees[1]))
	}
	if code := run(context.Background(), []string{"diagram", "-f", model, "-o", filepath.Join(dir, "diagrams")}, io.Discard, &stderr); code != 0 {
		t.Fatalf("archdoc diagram: exit %d", code)
	}
	site := filepath.Join(dir, "a", "diagrams")
	drawings := readTree(t, filepath.Join(dir, "diagrams"))
	if len(drawings) == 0 {
		t.Fatal("diagram drew nothing")
	}
	for name, svg := range drawings {
		want, err := os.ReadFile(filepath.Join(site, name))
		if err != nil {
			t.Errorf("%s: not on the site: %v", name, err)
			continue
		}
		if a, b := geometry(want), geometry(svg); a == "" || a != b {
			differ = append(differ, name+": the layout 'diagram' drew differs from the site's")
		}
	}
	// The deck lays its views out for the slide, its own way: the same
	// in this process alone as in two workers.
	var decks []map[string][]byte
	for _, workers := range []string{"0", "2"} {
		t.Setenv("ARCHDOC_GRAPHVIZ_WORKERS", workers)
		out := filepath.Join(dir, "deck"+workers)
		if code := run(context.Background(), []string{"slides", "-f", model, "--format", "md", "-o", filepath.Join(out, "deck.md")}, io.Discard, &stderr); code != 0 {
			t.Fatalf("archdoc slides: exit %d", code)
		}
		decks = append(decks, readTree(t, out))
	}
	if len(decks[0]) < 2 {
		t.Fatalf("the deck has %d files", len(decks[0]))
	}
	for name, a := range decks[0] {
		if !bytes.Equal(a, decks[1][name]) {
			differ = append(differ, "deck "+name+" differs between one process and two workers")
		}
	}
}

// overTime is the first warning in stderr that a layout ran out of time
// and was drawn by native dot, with straight arrows or as a grid.
func overTime(stderr string) string {
	for _, line := range strings.Split(stderr, "\n") {
		if strings.Contains(line, "ran over") || strings.Contains(line, "time budget") {
			return line
		}
	}
	return ""
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
