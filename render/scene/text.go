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
