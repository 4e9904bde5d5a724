package png

import (
	"image/color"
	"math"
	"testing"
)

// TestFramedPaintingMatchesWholePainting: big boxes are painted as four
// bands around a solid or empty middle; that must give the very pixels
// one rasterization of the whole shape gives.
func TestFramedPaintingMatchesWholePainting(t *testing.T) {
	col := color.NRGBA{0x4a, 0x90, 0xe2, 0xff}
	for _, tc := range []struct {
		name       string
		x, y, w, h float64
		r, width   float64
	}{
		{"cluster", 10.3, 12.7, 300.2, 180.9, 8, 1.2},
		{"box", 40, 40, 120, 36, 6, 1.8},
		{"square corners", 5, 5, 90, 90, 0, 1},
		{"tiny", 3, 3, 6, 4, 6, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			whole := newCanvas(340, 220, 2, color.White)
			framed := newCanvas(340, 220, 2, color.White)
			rr := tc.r
			if rr > math.Min(tc.w, tc.h)/2 {
				rr = math.Min(tc.w, tc.h) / 2
			}
			whole.fill(col, roundRect(tc.x, tc.y, tc.w, tc.h, rr))
			framed.fillRoundRect(col, tc.x, tc.y, tc.w, tc.h, tc.r)
			if d := pixelDiff(whole, framed); d > 0 {
				t.Errorf("fill: %d pixels differ", d)
			}
			hw := tc.width / 2
			whole2 := newCanvas(340, 220, 2, color.White)
			framed2 := newCanvas(340, 220, 2, color.White)
			whole2.fillWithHoles(col, roundRect(tc.x-hw, tc.y-hw, tc.w+tc.width, tc.h+tc.width, rr+hw),
				roundRect(tc.x+hw, tc.y+hw, tc.w-tc.width, tc.h-tc.width, math.Max(0, rr-hw)))
			framed2.strokeRoundRect(col, tc.x, tc.y, tc.w, tc.h, rr, tc.width)
			if d := pixelDiff(whole2, framed2); d > 0 {
				t.Errorf("border: %d pixels differ", d)
			}
		})
	}
}

// pixelDiff counts pixels differing by more than one level in a channel
// (float accumulation order may round differently).
func pixelDiff(a, b *canvas) int {
	n := 0
	for i := range a.img.Pix {
		d := int(a.img.Pix[i]) - int(b.img.Pix[i])
		if d > 1 || d < -1 {
			n++
		}
	}
	return n
}

func TestDashedPieces(t *testing.T) {
	// 18pt of line, dashes of 6 with gaps of 1: 0-6, 7-13 (round the
	// corner at 8), 14-18 (cut short by the end).
	pieces := dashed([]vec{{0, 0}, {8, 0}, {8, 10}}, 6, 1)
	want := [][]vec{
		{{0, 0}, {6, 0}},
		{{7, 0}, {8, 0}, {8, 5}},
		{{8, 6}, {8, 10}},
	}
	if len(pieces) != len(want) {
		t.Fatalf("got dashes %v, want %v", pieces, want)
	}
	for i := range want {
		if len(pieces[i]) != len(want[i]) {
			t.Fatalf("dash %d is %v, want %v", i, pieces[i], want[i])
		}
		for j := range want[i] {
			if pieces[i][j].sub(want[i][j]).len() > 1e-9 {
				t.Errorf("dash %d is %v, want %v", i, pieces[i], want[i])
			}
		}
	}
}

func TestFlattenCubicKeepsEnds(t *testing.T) {
	path := []vec{{0, 0}, {0, 50}, {100, 50}, {100, 100}, {100, 120}, {120, 140}, {140, 140}}
	line := flattenCubic(path)
	if line[0] != path[0] || line[len(line)-1] != path[len(path)-1] {
		t.Errorf("flattened from %v to %v, want %v to %v", line[0], line[len(line)-1], path[0], path[len(path)-1])
	}
	for _, p := range line {
		if p.X < 0 || p.X > 140 || p.Y < 0 || p.Y > 140 {
			t.Errorf("point %v outside the control polygon's box", p)
		}
	}
}
