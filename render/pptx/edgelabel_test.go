package pptx

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

var (
	edgeLabelRe = regexp.MustCompile(`name="edge label ([^"]+)"`)
	xfrmRe      = regexp.MustCompile(`<a:xfrm( flipH="1")?( flipV="1")?><a:off x="(-?\d+)" y="(-?\d+)"/><a:ext cx="(\d+)" cy="(\d+)"/>`)
)

// xfrmOf is the first transform after name="name" in slide: its box in
// EMU and its flips.
func xfrmOf(t *testing.T, slide, name string) (x, y, w, h float64, flipH, flipV bool) {
	t.Helper()
	i := strings.Index(slide, `name="`+name+`"`)
	if i < 0 {
		t.Fatalf("no shape %q", name)
	}
	m := xfrmRe.FindStringSubmatch(slide[i:])
	if m == nil {
		t.Fatalf("%q has no transform", name)
	}
	f := func(s string) float64 { v, _ := strconv.ParseFloat(s, 64); return v }
	return f(m[3]), f(m[4]), f(m[5]), f(m[6]), m[1] != "", m[2] != ""
}

// distToSegment is how far p is from the segment a-b.
func distToSegment(px, py, ax, ay, bx, by float64) float64 {
	dx, dy := bx-ax, by-ay
	u := 0.0
	if l := dx*dx + dy*dy; l > 0 {
		u = math.Max(0, math.Min(1, ((px-ax)*dx+(py-ay)*dy)/l))
	}
	return math.Hypot(px-ax-u*dx, py-ay-u*dy)
}

// TestLabelsOnConnectors: every arrow's label sits on its straight
// connector. The layout puts a label beside its curved route; on a
// straight connector that spot floated away from the arrow it names.
func TestLabelsOnConnectors(t *testing.T) {
	for name, slide := range map[string]string{
		"kinds":  string(kindsSlide(t)),
		"sample": string(unzip(t, writeSample(t))["ppt/slides/slide2.xml"]),
	} {
		labels := edgeLabelRe.FindAllStringSubmatch(slide, -1)
		if len(labels) == 0 {
			t.Fatalf("%s: no edge labels", name)
		}
		for _, m := range labels {
			lx, ly, lw, lh, _, _ := xfrmOf(t, slide, "edge label "+m[1])
			x, y, w, h, flipH, flipV := xfrmOf(t, slide, "edge "+m[1])
			ax, bx, ay, by := x, x+w, y, y+h
			if flipH {
				ax, bx = bx, ax
			}
			if flipV {
				ay, by = by, ay
			}
			d := distToSegment(lx+lw/2, ly+lh/2, ax, ay, bx, by) / emuPerPt
			if d > 3 {
				t.Errorf("%s: label of %s is %.1fpt off its connector", name, m[1], d)
			}
		}
	}
}
