//go:build unix

package site

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"syscall"
	"testing"
	"time"

	"github.com/archdoc/archdoc/model"
)

// An image a doc shows that is a named pipe is a warning, not a build
// that blocks for ever (the render runs in a goroutine so the test fails
// instead of hanging).
func TestDocImageThatIsANamedPipe(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "setup.md"), []byte("# Setup\n\n![pipe](pipe.png)\n"), 0o644)
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.png"), 0o644); err != nil {
		t.Skip("cannot make a named pipe:", err)
	}
	m := shopModel()
	m.File, m.Dir = filepath.Join(dir, "architecture.yaml"), dir
	m.Docs = []model.Doc{{ID: "setup", Path: "setup.md"}}
	m.BuildIndex()
	type result struct {
		rep *Report
		err error
	}
	done := make(chan result, 1)
	go func() {
		_, rep, err := Render(context.Background(), m, noScenes)
		done <- result{rep, err}
	}()
	select {
	case r := <-done:
		if r.err != nil {
			t.Fatal(r.err)
		}
		rep := r.rep
		want := `setup.md: image "pipe.png": not a regular file (a named pipe)`
		if !slices.Contains(rep.Warnings, want) {
			t.Errorf("warnings = %q, want %q", rep.Warnings, want)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("render still blocked after 10s: it opened a named pipe for reading")
	}
}
