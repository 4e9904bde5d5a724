package main

import (
	"bytes"
	"testing"
	"time"
)

func TestProgressLineOnlyOnTerminalsAfterASecond(t *testing.T) {
	var buf bytes.Buffer
	p := newProgressLine(&buf) // a buffer is not a terminal
	p.start = time.Now().Add(-time.Minute)
	p.Update(3, 10)
	p.Done()
	if buf.Len() != 0 {
		t.Fatalf("wrote %q to a non-terminal", buf.String())
	}

	p = newProgressLine(&buf)
	p.tty = true
	p.Update(1, 10) // the build is younger than a second: quiet
	if buf.Len() != 0 {
		t.Fatalf("wrote %q before a second had passed", buf.String())
	}
	p.start = time.Now().Add(-2 * time.Second)
	p.Update(2, 10)
	p.Update(3, 10) // too soon after the last redraw: skipped
	p.Update(10, 10)
	p.last = time.Time{}
	p.Slides(4, 30) // the deck's layouts follow the views'
	p.Done()
	p.Update(10, 10) // after Done (serve's later rebuilds): quiet
	want := "\r\x1b[Klaying out views 2/10\r\x1b[Klaying out views 10/10\r\x1b[Klaying out slides 4/30\r\x1b[K"
	if buf.String() != want {
		t.Errorf("wrote %q, want %q", buf.String(), want)
	}
}
