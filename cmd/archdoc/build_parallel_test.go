package main

import (
	"bytes"
	"context"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/archdoc/archdoc/internal/synth"
)

// TestParallelBuildsAreByteIdentical builds a generated 100-module model
// twice (views laid out on every core, some in worker processes) and
// compares every file.
func TestParallelBuildsAreByteIdentical(t *testing.T) {
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
}

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
