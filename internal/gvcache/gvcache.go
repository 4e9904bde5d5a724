// Package gvcache puts go-graphviz's compiled WebAssembly cache in the
// user cache folder (os.UserCacheDir()/archdoc/go-graphviz) instead of
// the temporary folder, so CI caches and fresh shells pay Graphviz's
// compilation (about 0.7 s) once rather than after every /tmp cleanup.
//
// go-graphviz v0.2.10 compiles and instantiates its module in a package
// init and places the cache under os.TempDir(), with no option to change
// either. This package's init runs just before go-graphviz's (Go
// initialises packages in import-path order once their imports are
// ready, and this one needs only the standard library), points TMPDIR at
// the cache folder, and Restore (called by render/layout, initialised
// after go-graphviz) puts TMPDIR back as it was.
package gvcache

import (
	"os"
	"path/filepath"
)

// Dir is the folder go-graphviz's cache goes in ("" when the user has no
// cache folder: go-graphviz then uses the temporary folder as before).
var Dir string

var (
	oldTMPDIR string
	hadTMPDIR bool
	moved     bool
)

func init() {
	base, err := os.UserCacheDir()
	if err != nil {
		return
	}
	dir := filepath.Join(base, "archdoc")
	if os.MkdirAll(dir, 0o755) != nil {
		return
	}
	oldTMPDIR, hadTMPDIR = os.LookupEnv("TMPDIR")
	if os.Setenv("TMPDIR", dir) == nil {
		Dir, moved = dir, true
	}
}

// Restore puts TMPDIR back as it was before this package's init. It
// returns Dir so a package-level variable can call it.
func Restore() string {
	if moved {
		moved = false
		if hadTMPDIR {
			os.Setenv("TMPDIR", oldTMPDIR)
		} else {
			os.Unsetenv("TMPDIR")
		}
	}
	return Dir
}
