//go:build unix

package model

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Named pipes and devices are refused with a positioned error, wherever
// the model names them: a plain open of a named pipe would block for
// ever, so Load runs in a goroutine and the test fails instead of hanging.
func TestNamedPipesAndDevicesAreRefused(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"pipe.yaml", "part.yaml", "doc.md"} {
		if err := syscall.Mkfifo(filepath.Join(dir, name), 0o644); err != nil {
			t.Skip("cannot make a named pipe:", err)
		}
	}
	main := filepath.Join(dir, "architecture.yaml")
	writeFile(t, main, "name: x\ninclude: [part.yaml]\ndocs:\n  - path: doc.md\n")
	for _, tc := range []struct {
		file string
		want []string
	}{
		{filepath.Join(dir, "pipe.yaml"), []string{filepath.Join(dir, "pipe.yaml") + ": not a regular file (a named pipe)"}},
		{main, []string{
			main + `:2:11: include[0]: "part.yaml": not a regular file (a named pipe)`,
			main + `:4:11: docs[0].path: "doc.md": not a regular file (a named pipe)`,
		}},
		{"/dev/null", []string{"/dev/null: not a regular file (a device)"}},
	} {
		done := make(chan error, 1)
		go func() {
			_, err := Load(tc.file)
			done <- err
		}()
		select {
		case err := <-done:
			if got := errorLines(err); strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("Load(%s) errors differ\ngot:\n  %s\nwant:\n  %s", tc.file, strings.Join(got, "\n  "), strings.Join(tc.want, "\n  "))
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("Load(%s) still blocked after 5s: it opened a named pipe for reading", tc.file)
		}
	}
}
