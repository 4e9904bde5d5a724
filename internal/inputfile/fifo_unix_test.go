//go:build unix

package inputfile

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestOpenRefusesNamedPipe checks a named pipe is refused at once. A
// plain open would block forever, so the call runs in a goroutine and
// the test fails after a few seconds instead of hanging.
func TestOpenRefusesNamedPipe(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "model.yaml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("cannot make a named pipe:", err)
	}
	for name, open := range fourWaysToOpen(t, dir, "model.yaml") {
		err := within(t, 5*time.Second, func() error {
			f, err := open()
			if err == nil {
				f.Close()
			}
			return err
		})
		if !errors.Is(err, ErrNotRegular) {
			t.Errorf("%s: %v, want ErrNotRegular", name, err)
		}
		if got, want := Problem(err), "not a regular file (a named pipe)"; got != want {
			t.Errorf("%s: Problem = %q, want %q", name, got, want)
		}
	}
}

// within runs f and returns its error, failing the test if f does not
// return within d (the goroutine is left blocked: the test is over).
func within(t *testing.T, d time.Duration, f func() error) error {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- f() }()
	select {
	case err := <-done:
		return err
	case <-time.After(d):
		t.Fatalf("still blocked after %v: a named pipe was opened for reading", d)
		return nil
	}
}

// TestOpenSwappedForPipe covers a regular file replaced by a named pipe
// between the look and the open: the open must not block and the opened
// file must be refused.
func TestOpenSwappedForPipe(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "model.yaml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("cannot make a named pipe:", err)
	}
	regular, err := os.Stat(os.Args[0]) // the test binary: some regular file
	if err != nil {
		t.Fatal(err)
	}
	lookedRegular := func(string) (os.FileInfo, error) { return regular, nil }
	err = within(t, 5*time.Second, func() error {
		f, err := open(fifo, lookedRegular, func() (*os.File, error) { return os.OpenFile(fifo, os.O_RDONLY|nonBlocking, 0) })
		if err == nil {
			f.Close()
		}
		return err
	})
	if got, want := Problem(err), "not a regular file (a named pipe)"; got != want {
		t.Errorf("Problem = %q, want %q", got, want)
	}
}
