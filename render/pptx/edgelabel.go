package pptx

import (
	"math"

	"github.com/archdoc/archdoc/render/scene"
)

// ends is where e's connector runs, in scene points: between the glue
// sites of its boxes, the points PowerPoint and LibreOffice redraw a
// glued connector to, or the ends of its path where it is not glued (a
// sequence step).
func (c *canvas) ends(e scene.Edge) (scene.Point, scene.Point) {
	p0, p1 := e.Path[0], e.Path[len(e.Path)-1]
	if c.s.Kind == scene.KindSequence {
		return p0, p1
	}
	if g, ok := c.boxes[e.From]; ok {
		p0 = sitePoint(g, site(g, p0))
	}
	if g, ok := c.boxes[e.To]; ok {
		p1 = sitePoint(g, site(g, p1))
	}
	return p0, p1
}

// sitePoint is where connection site idx of g's preset lies (ECMA-376
// presetShapeDefinitions cxnLst, with the adjust values kindPreset and
// node give it).
func sitePoint(g glue, idx int) scene.Point {
	r := g.r
	l, t, rt, b := r.X, r.Y, r.X+r.W, r.Y+r.H
	hc, vc := r.X+r.W/2, r.Y+r.H/2
	in := math.Min(scene.SlantInset, math.Min(r.W, r.H)/2)
	switch g.prst {
	case "hexagon": // right, bottom right, bottom left, left, top left, top right
		dy := r.H / 2 * math.Sin(math.Pi/3) // vf 100000
		return [6]scene.Point{{X: rt, Y: vc}, {X: rt - in, Y: vc + dy}, {X: l + in, Y: vc + dy}, {X: l, Y: vc}, {X: l + in, Y: vc - dy}, {X: rt - in, Y: vc - dy}}[idx%6]
	case "parallelogram": // the slanted sides' middles are sites 2 and 5
		return [6]scene.Point{{X: hc, Y: t}, {X: hc, Y: t}, {X: rt - in/2, Y: vc}, {X: hc, Y: b}, {X: hc, Y: b}, {X: l + in/2, Y: vc}}[idx%6]
	case "trapezoid":
		l, rt = l+in/2, rt-in/2
	case "can":
		t += math.Min(2*scene.CylinderCap, r.H/2)
	}
	return [4]scene.Point{{X: hc, Y: t}, {X: l, Y: vc}, {X: hc, Y: b}, {X: rt, Y: vc}}[idx%4]
}

// labelRect places e's label on its connector: centred on the straight
// segment, slid along it until it covers no box and no label placed
// before (placed), or where it covers least. The curved layout's own
// spot would float beside a straight arrow. A sequence step keeps the
// layout's spot, above its horizontal arrow.
func (c *canvas) labelRect(e scene.Edge, placed []scene.Rect) scene.Rect {
	r := e.LabelRect
	if len(e.Path) < 2 || c.s.Kind == scene.KindSequence {
		return r
	}
	p0, p1 := c.ends(e)
	best, bestCover := r, math.Inf(1)
	// From the middle outwards. The margin keeps neighbours' text apart,
	// wider across: an Office font standing in for the measured one may
	// run wider than the box (the text does not wrap).
	const margin = 3
	mx := margin + r.W*0.1
	for i := 0; i <= 16; i++ {
		f := 0.5 + float64((i+1)/2)*0.025*float64(1-2*(i%2))
		at := scene.Rect{X: p0.X + (p1.X-p0.X)*f - r.W/2, Y: p0.Y + (p1.Y-p0.Y)*f - r.H/2, W: r.W, H: r.H}
		wide := scene.Rect{X: at.X - mx, Y: at.Y - margin, W: at.W + 2*mx, H: at.H + 2*margin}
		cover := 0.0
		for _, n := range c.s.Nodes {
			cover += wide.Overlap(n.Rect)
		}
		for _, p := range placed {
			cover += wide.Overlap(p)
		}
		if cover < bestCover {
			best, bestCover = at, cover
		}
		if cover == 0 {
			break
		}
	}
	return best
}
