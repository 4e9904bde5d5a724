package main

import (
	"bytes"
	"testing"
	"time"

	"github.com/archdoc/archdoc/render/scene"
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
	p.Done()
	want := "\r\x1b[Klaying out views 2/10\r\x1b[Klaying out views 10/10\r\x1b[K"
	if buf.String() != want {
		t.Errorf("wrote %q, want %q", buf.String(), want)
	}
}

func TestLayoutSummaryCountsWorkarounds(t *testing.T) {
	scenes := []*scene.Scene{
		{Warnings: []string{`edge "a-b" (a -> b) was not routed by Graphviz; drawn with straight lines`}},
		{Warnings: []string{"view business has 3716 boxes and arrows (more than 1500): drawn at domain level, each domain linking to its own page",
			"view business is too large for Graphviz (102 boxes, 2379 arrows); it is drawn with the simple grid layout"}},
		{},
	}
	got := layoutSummary(scenes)
	want := " (1 arrow redrawn straight, 1 view at domain level, 1 view in the grid layout)"
	if got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if s := layoutSummary([]*scene.Scene{{}}); s != "" {
		t.Errorf("nothing to report gave %q", s)
	}
}
