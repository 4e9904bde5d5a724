package layout

import (
	"math"

	"github.com/archdoc/archdoc/render/measure"
	"github.com/archdoc/archdoc/render/scene"
)

// Graphviz places an arrow's label beside the arrow without regard to
// cluster borders: a label can sit across a domain's frame or on its
// title, and two parallel flows' labels can lie on each other.
// clearLabels moves each such label to a free place near its arrow.

const (
	labelStep  = 3  // points between tried positions
	labelReach = 90 // farthest a label is moved, in points
	labelAir   = 2  // empty space kept around a moved label
)

func clearLabels(s *scene.Scene) {
	var placed []scene.Rect
	for i := range s.Edges {
		e := &s.Edges[i]
		if e.LabelRect.W == 0 {
			continue
		}
		if labelBlocked(s, e.LabelRect, placed, false) {
			if r, ok := freePlace(s, e.LabelRect, e.Path, placed); ok {
				e.LabelRect = r
			}
		}
		placed = append(placed, e.LabelRect)
	}
}

// freePlace tries positions around r and keeps the free one nearest its
// arrow (then nearest r), so a moved label still reads as the arrow's.
func freePlace(s *scene.Scene, r scene.Rect, path []scene.Point, placed []scene.Rect) (scene.Rect, bool) {
	pts := scene.Sample(path, 8)
	best, bestScore, found := r, math.Inf(1), false
	for d := labelStep; d <= labelReach; d += labelStep {
		for _, off := range ring(float64(d)) {
			c := r
			c.X, c.Y = round(r.X+off.X), round(r.Y+off.Y)
			if c.X < 0 || c.Y < 0 || c.X+c.W > s.Width || c.Y+c.H > s.Height || labelBlocked(s, c, placed, true) {
				continue
			}
			score := distanceTo(c, pts)*4 + math.Hypot(off.X, off.Y)
			if score < bestScore {
				best, bestScore, found = c, score, true
			}
		}
	}
	return best, found
}

// distanceTo is the distance from rectangle r to the nearest point.
func distanceTo(r scene.Rect, pts []scene.Point) float64 {
	d := math.Inf(1)
	for _, p := range pts {
		dx := math.Max(0, math.Max(r.X-p.X, p.X-(r.X+r.W)))
		dy := math.Max(0, math.Max(r.Y-p.Y, p.Y-(r.Y+r.H)))
		d = math.Min(d, math.Hypot(dx, dy))
	}
	if math.IsInf(d, 1) {
		return 0
	}
	return d
}

// ring lists offsets at distance d: straight moves first (up, down, left,
// right), then the diagonals.
func ring(d float64) []scene.Point {
	return []scene.Point{{X: 0, Y: -d}, {X: 0, Y: d}, {X: -d, Y: 0}, {X: d, Y: 0},
		{X: -d, Y: -d}, {X: d, Y: -d}, {X: -d, Y: d}, {X: d, Y: d}}
}

// labelBlocked reports whether r crosses a cluster's border, covers its
// title or a label already placed (parallel flows' labels stack there);
// strict also refuses boxes.
func labelBlocked(s *scene.Scene, r scene.Rect, placed []scene.Rect, strict bool) bool {
	air := scene.Rect{X: r.X - labelAir, Y: r.Y - labelAir, W: r.W + 2*labelAir, H: r.H + 2*labelAir}
	for _, c := range s.Clusters {
		if overlaps(air, c.Rect) && !c.Rect.Contains(air) {
			return true
		}
		if overlaps(air, titleBand(s, c)) {
			return true
		}
	}
	for _, p := range placed {
		if overlaps(r, p) {
			return true
		}
	}
	if !strict {
		return false
	}
	for _, n := range s.Nodes {
		if overlaps(air, n.Rect) {
			return true
		}
	}
	for _, p := range placed {
		if overlaps(air, p) {
			return true
		}
	}
	return false
}

// titleBand is the corner of a cluster that holds its label.
func titleBand(s *scene.Scene, c scene.Cluster) scene.Rect {
	h := c.LabelPos.Y - c.Rect.Y + measure.Height(len(c.Label), s.FontSize)
	w := c.LabelPos.X - c.Rect.X + measure.MaxWidth(c.Label, s.FontSize)
	return scene.Rect{X: c.Rect.X, Y: c.Rect.Y, W: math.Max(w, 0), H: math.Max(h, 0)}
}

func overlaps(a, b scene.Rect) bool { return a.Overlap(b) > 0 }
