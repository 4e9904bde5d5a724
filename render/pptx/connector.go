package pptx

import (
	"fmt"
	"math"

	"github.com/archdoc/archdoc/render/scene"
)

// connector draws e as a straight connector between the connection
// sites of its boxes nearest its path's ends (a sequence step runs
// between lifelines and is not glued). Office redraws a glued connector
// between those sites when a box moves; drawing it there from the start
// makes PowerPoint and LibreOffice show the same line, the one its label
// sits on.
func (c *canvas) connector(e scene.Edge) {
	p0, p1 := e.Path[0], e.Path[len(e.Path)-1]
	q0, q1 := c.ends(e)
	x0, y0, x1, y1 := c.x(q0.X), c.y(q0.Y), c.x(q1.X), c.y(q1.Y)
	flip := ""
	if x1 < x0 {
		flip += ` flipH="1"`
	}
	if y1 < y0 {
		flip += ` flipV="1"`
	}
	b := c.b
	fmt.Fprintf(b, `<p:cxnSp><p:nvCxnSpPr><p:cNvPr id="%d" name="%s"/><p:cNvCxnSpPr>`, c.id(), esc("edge "+e.ID))
	if c.s.Kind != scene.KindSequence {
		if g, ok := c.boxes[e.From]; ok {
			fmt.Fprintf(b, `<a:stCxn id="%d" idx="%d"/>`, g.id, site(g, p0))
		}
		if g, ok := c.boxes[e.To]; ok {
			fmt.Fprintf(b, `<a:endCxn id="%d" idx="%d"/>`, g.id, site(g, p1))
		}
	}
	b.WriteString(`</p:cNvCxnSpPr><p:nvPr/></p:nvCxnSpPr><p:spPr>`)
	fmt.Fprintf(b, `<a:xfrm%s><a:off x="%d" y="%d"/><a:ext cx="%d" cy="%d"/></a:xfrm><a:prstGeom prst="straightConnector1"><a:avLst/></a:prstGeom>`,
		flip, min(x0, x1), min(y0, y1), abs(x1-x0), abs(y1-y0))
	_, colour := c.marked(e.ID, "", "59636E")
	fmt.Fprintf(b, `<a:ln w="%d"><a:solidFill><a:srgbClr val="%s"/></a:solidFill>`, max(c.d(1.2), 9525), colour)
	if e.Dashed || e.Async {
		b.WriteString(`<a:prstDash val="dash"/>`)
	}
	switch {
	case e.Arrow && e.Async: // the sender does not wait: an open head
		b.WriteString(`<a:tailEnd type="arrow" w="med" len="med"/>`)
	case e.Arrow:
		b.WriteString(`<a:tailEnd type="triangle" w="med" len="med"/>`)
	}
	b.WriteString(`</a:ln></p:spPr></p:cxnSp>`)
}

// site is g's connection site nearest p. Presets number their sites
// differently (ECMA-376 cxnLst); rect-like ones go top, left, bottom,
// right. A hexagon's go clockwise from its right corner (right, bottom
// right, bottom left, left, top left, top right); a parallelogram's are
// top, top edge, right, bottom edge, bottom, left.
func site(g glue, p scene.Point) int {
	s := side(g.r, p)
	switch g.prst {
	case "hexagon":
		if p.X < g.r.X+g.r.W/2 {
			return [4]int{4, 3, 2, 0}[s]
		}
		return [4]int{5, 3, 1, 0}[s]
	case "parallelogram":
		return [4]int{0, 5, 4, 2}[s]
	}
	return s
}

// side is the connection site of a rectangle-like preset (rect,
// roundRect, foldedCorner: 0 top, 1 left, 2 bottom, 3 right) nearest p.
func side(r scene.Rect, p scene.Point) int {
	d := []float64{math.Abs(p.Y - r.Y), math.Abs(p.X - r.X), math.Abs(p.Y - (r.Y + r.H)), math.Abs(p.X - (r.X + r.W))}
	best := 0
	for i, v := range d {
		if v < d[best] {
			best = i
		}
	}
	return best
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
