package main

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"github.com/archdoc/archdoc/builder"
)

// progressAfter is how long a build runs before it shows progress: quick
// builds stay quiet.
const progressAfter = time.Second

// progressLine shows "laying out views 120/340" (then the deck's
// "slides") on one terminal line, redrawn in place, for layouts that take
// longer than progressAfter. On anything but a terminal (a file, a pipe,
// CI logs) it writes nothing.
type progressLine struct {
	w     io.Writer
	tty   bool
	start time.Time
	mu    sync.Mutex
	shown bool
	over  bool // Done was called: later updates (serve's rebuilds) are quiet
	last  time.Time
}

func newProgressLine(w io.Writer) *progressLine {
	return &progressLine{w: w, tty: isTerminal(w), start: time.Now()}
}

// showProgress makes b's layouts (views, then the deck's) show on w's
// progress line, which the caller ends with Done.
func showProgress(b *builder.Builder, w io.Writer) *progressLine {
	p := newProgressLine(w)
	b.Progress, b.SlideProgress = p.Update, p.Slides
	return p
}

// isTerminal reports whether w is a character device (a terminal).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// Update is a render.Layouts progress callback.
func (p *progressLine) Update(done, total int) { p.show("views", done, total) }

// Slides is the deck's progress callback (render.Layouts.SlideProgress).
func (p *progressLine) Slides(done, total int) { p.show("slides", done, total) }

func (p *progressLine) show(what string, done, total int) {
	if !p.tty {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	now := time.Now()
	if p.over || now.Sub(p.start) < progressAfter || (done < total && now.Sub(p.last) < 100*time.Millisecond) {
		return
	}
	p.last, p.shown = now, true
	fmt.Fprintf(p.w, "\r\x1b[Klaying out %s %d/%d", what, done, total)
}

// Done clears the line, so the summary that follows starts clean, and
// ends the progress shown.
func (p *progressLine) Done() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.over = true
	if p.shown {
		fmt.Fprint(p.w, "\r\x1b[K")
		p.shown = false
	}
}
