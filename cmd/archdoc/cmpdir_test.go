package main

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"slices"

	"github.com/rogpeppe/go-internal/testscript"
)

// cmdCmpdir compares two folders file by file, byte by byte:
// `cmpdir first second`. Negated, it passes when any file differs.
func cmdCmpdir(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 2 {
		ts.Fatalf("usage: cmpdir DIR1 DIR2")
	}
	a, b := ts.MkAbs(args[0]), ts.MkAbs(args[1])
	filesA, filesB := treeFiles(ts, a), treeFiles(ts, b)
	diff := ""
	if !slices.Equal(filesA, filesB) {
		diff = "the folders hold different files"
	}
	for _, f := range filesA {
		if diff != "" {
			break
		}
		da, errA := os.ReadFile(filepath.Join(a, f))
		db, errB := os.ReadFile(filepath.Join(b, f))
		if errA != nil || errB != nil || !bytes.Equal(da, db) {
			diff = f + " differs"
		}
	}
	switch {
	case diff != "" && !neg:
		ts.Fatalf("%s and %s: %s", args[0], args[1], diff)
	case diff == "" && neg:
		ts.Fatalf("%s and %s are the same", args[0], args[1])
	}
}

func treeFiles(ts *testscript.TestScript, root string) []string {
	var out []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		out = append(out, filepath.ToSlash(rel))
		return nil
	})
	if err != nil {
		ts.Fatalf("%v", err)
	}
	slices.Sort(out)
	return out
}
