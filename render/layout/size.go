package layout

import (
	"math"

	"github.com/archdoc/archdoc/render/measure"
	"github.com/archdoc/archdoc/render/scene"
	"github.com/archdoc/archdoc/render/view"
)

// Box geometry, in points. The renderers draw text centred in the box
// with the scene's font size and a 1.3 line height (measure.LineHeight).
const (
	padX        = 12  // text to box side
	padY        = 8   // text to box top and bottom
	minBoxW     = 72  // one inch: short labels still get a clickable box
	minBoxH     = 36  // half an inch
	subScale    = 0.8 // a node's secondary line, relative to the font size
	actorFigure = 2.8 // stick figure height above an actor's label, in ems
	labelPad    = 4   // edge label text to its box side
	margin      = 16  // empty border around the whole scene
	clusterPadY = 6   // cluster label band, above and below the text
	clusterPadX = 10  // cluster label band, left of the text
	noteFold    = 10  // extra room for a note's folded corner
	externalPad = 4   // inner border of an external system
)

// sized is a node's wrapped label and box size.
type sized struct {
	lines []string
	w, h  float64
	name  int // lines[:name] are the name, the rest details
}

// sizeNode wraps n's label (and details) and computes its box.
func (c config) sizeNode(n view.Node) sized {
	fs := c.fontSize
	width := c.labelWidth
	if n.Shape == scene.ShapeNote {
		width = c.noteWidth
	}
	lines, textW := wrapLines(n.Label, width, fs)
	name := len(lines)
	for _, d := range n.Details {
		dl, dw := wrapLines(d, c.noteWidth, fs)
		lines = append(lines, dl...)
		textW = math.Max(textW, dw)
	}
	textH := measure.Height(len(lines), fs)
	if n.Sub != "" {
		textW = math.Max(textW, measure.Width(n.Sub, fs*subScale))
		textH += measure.LineHeight(fs) * subScale
	}
	px, py := float64(padX), float64(padY)
	switch n.Shape {
	case scene.ShapeActor:
		return sized{lines, ceil(math.Max(textW+8, 48)), ceil(actorFigure*fs + 4 + textH + 2), name}
	case scene.ShapeNote:
		px += noteFold / 2
	case scene.ShapeExternal:
		px += externalPad
		py += externalPad
	}
	if n.Icon != nil { // a strip at the left (see scene.Node.TextRect)
		textW += scene.IconPad + scene.IconSize + scene.IconGap - padX
		textH = math.Max(textH, scene.IconSize)
	}
	l, t, r, b := scene.ShapeInsets(n.Shape) // a cylinder's ends, a hexagon's points
	return sized{lines, ceil(math.Max(textW+2*px+l+r, minBoxW)), ceil(math.Max(textH+2*py+t+b, minBoxH)), name}
}

// sizeEdgeLabel wraps an edge label and returns its box (zero when none).
func (c config) sizeEdgeLabel(label string) ([]string, float64, float64) {
	if label == "" {
		return nil, 0, 0
	}
	lines, w := wrapLines(label, c.edgeWidth, c.fontSize)
	return lines, ceil(w + 2*labelPad), ceil(measure.Height(len(lines), c.fontSize) + 2)
}

// sizeClusterLabel wraps a cluster's label and returns the band it needs.
func (c config) sizeClusterLabel(label string) ([]string, float64, float64) {
	lines, w := wrapLines(label, 2*c.labelWidth, c.fontSize)
	return lines, ceil(w + clusterPadX), ceil(measure.Height(len(lines), c.fontSize) + clusterPadY)
}

// ceil rounds up to whole points: Graphviz HTML sizes are integers and
// whole numbers keep golden files stable.
func ceil(v float64) float64 { return math.Ceil(v) }
