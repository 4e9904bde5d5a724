package scene

// Secondary text sizes relative to the font size, as render/svg draws them.
const (
	SubScale = 0.8  // a node's second line (kind, category)
	SeqScale = 0.75 // a sequence step's number
)

// SmallestText is the size of the smallest text drawn in s, in points at
// scale 1: a secondary line or step number when there is one, else the
// font size. Fitted to a width or a slide, it is what a reader gets.
func (s *Scene) SmallestText() float64 {
	smallest := 1.0
	for _, n := range s.Nodes {
		if n.Sub != "" {
			smallest = SubScale
		}
	}
	for _, e := range s.Edges {
		if e.Seq > 0 {
			smallest = min(smallest, SeqScale)
		}
	}
	return s.FontSize * smallest
}

// TextAtWidth is the smallest text's size when s is drawn no wider than
// width (shrunk to fit it, never enlarged): how a page shows a diagram.
func (s *Scene) TextAtWidth(width float64) float64 {
	if s.Width <= 0 {
		return 0
	}
	return s.SmallestText() * min(1, width/s.Width)
}

// Sample returns points along a cubic Bézier path (P0, then C1, C2, P
// triples), steps+1 per segment.
func Sample(path []Point, steps int) []Point {
	var out []Point
	for i := 0; i+3 < len(path); i += 3 {
		p0, p1, p2, p3 := path[i], path[i+1], path[i+2], path[i+3]
		for k := 0; k <= steps; k++ {
			t := float64(k) / float64(steps)
			u := 1 - t
			out = append(out, Point{
				X: u*u*u*p0.X + 3*u*u*t*p1.X + 3*u*t*t*p2.X + t*t*t*p3.X,
				Y: u*u*u*p0.Y + 3*u*u*t*p1.Y + 3*u*t*t*p2.Y + t*t*t*p3.Y,
			})
		}
	}
	return out
}
