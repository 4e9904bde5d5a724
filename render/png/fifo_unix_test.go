//go:build unix

package png

import (
	"bytes"
	"errors"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// A --font that is a named pipe is refused at once (the render runs in a
// goroutine so a blocked open fails the test instead of hanging it).
func TestFontPathNamedPipe(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "font.ttc")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("cannot make a named pipe:", err)
	}
	s := loadScene(t, "business") // has Chinese labels: the font is read
	done := make(chan error, 1)
	go func() { done <- Render(&bytes.Buffer{}, s, Options{FontPath: fifo}) }()
	select {
	case err := <-done:
		want := "png: --font " + fifo + ": unusable font file: not a regular file (a named pipe)"
		if !errors.Is(err, ErrBadFont) || err.Error() != want {
			t.Errorf("error %v, want %q", err, want)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Render still blocked after 10s: it opened a named pipe for reading")
	}
}
