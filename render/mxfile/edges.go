package mxfile

import (
	"math"
	"strconv"

	"github.com/archdoc/archdoc/render/scene"
)

// edge writes a connector between two cells with our route as waypoints
// (absolute page coordinates, since edges live in the root layer).
// Sequence messages are not attached to cells: they run between
// lifelines at a given height, so their ends are fixed points.
func (p *page) edge(e scene.Edge) {
	style := "html=1;rounded=1;curved=1;edgeStyle=none;strokeColor=#59636e;labelBackgroundColor=#ffffff;fontSize=" + num(p.fs*0.9) + ";"
	switch {
	case e.Arrow && e.Async: // the sender does not wait: an open head
		style += "endArrow=open;endFill=0;"
	case e.Arrow:
		style += "endArrow=block;endFill=1;"
	default:
		style += "endArrow=none;"
	}
	if e.Dashed || e.Async {
		style += "dashed=1;"
	}
	label := htmlLines(unwrapped(e.Text, e.Label), "")
	if e.Seq > 0 {
		label = strconv.Itoa(e.Seq) + ". " + label
	}
	src, dst := p.ref(e.From), p.ref(e.To)
	if p.s.Kind == scene.KindSequence {
		src, dst = "", ""
	}
	p.raw(`<mxCell`)
	p.attr("id", "e-"+e.ID)
	p.attr("value", label)
	p.attr("style", style)
	p.raw(` edge="1" parent="1"`)
	if src != "" {
		p.attr("source", src)
	}
	if dst != "" {
		p.attr("target", dst)
	}
	p.raw(`><mxGeometry relative="1" as="geometry">`)
	if len(e.Path) > 0 {
		if src == "" {
			p.point(e.Path[0], "sourcePoint")
		}
		if dst == "" {
			p.point(e.Path[len(e.Path)-1], "targetPoint")
		}
		if p.s.Kind == scene.KindSequence && e.LabelRect.W > 0 {
			// A message's label sits above its arrow, where our layout put
			// it; diagrams.net keeps it there as an offset from the middle.
			a, z := e.Path[0], e.Path[len(e.Path)-1]
			c := e.LabelRect.Center()
			p.raw(`<mxPoint x="` + num(c.X-(a.X+z.X)/2) + `" y="` + num(c.Y-(a.Y+z.Y)/2) + `" as="offset"/>`)
		}
		if wp := waypoints(e.Path); len(wp) > 0 && p.s.Kind != scene.KindSequence {
			p.raw(`<Array as="points">`)
			for _, pt := range wp {
				p.point(pt, "")
			}
			p.raw(`</Array>`)
		}
	}
	p.raw("</mxGeometry></mxCell>\n")
}

// lifeline is a dashed, unattached line under a participant.
func (p *page) lifeline(l scene.Lifeline) {
	p.raw(`<mxCell`)
	p.attr("id", "l-"+l.Node)
	p.raw(` value="" style="html=1;endArrow=none;dashed=1;strokeColor=#8c959f;" edge="1" parent="1">`)
	p.raw(`<mxGeometry relative="1" as="geometry">`)
	p.point(scene.Point{X: l.X, Y: l.Y1}, "sourcePoint")
	p.point(scene.Point{X: l.X, Y: l.Y2}, "targetPoint")
	p.raw("</mxGeometry></mxCell>\n")
}

func (p *page) point(pt scene.Point, as string) {
	p.raw(`<mxPoint x="` + num(pt.X+margin) + `" y="` + num(pt.Y+margin) + `"`)
	if as != "" {
		p.raw(` as="` + as + `"`)
	}
	p.raw("/>")
}

// waypoints samples the Bézier route for diagrams.net's curved edges: the
// middle of every segment and the joints between segments (the ends are
// the connection points and are left to diagrams.net).
func waypoints(path []scene.Point) []scene.Point {
	if straight(path) {
		return nil // a free straight connector stays straight when boxes move
	}
	var out []scene.Point
	for i := 0; i+3 < len(path); i += 3 {
		if i > 0 {
			out = append(out, path[i])
		}
		out = append(out, bezier(path[i], path[i+1], path[i+2], path[i+3], 0.5))
	}
	return dedupe(out)
}

func bezier(p0, p1, p2, p3 scene.Point, t float64) scene.Point {
	u := 1 - t
	a, b, c, d := u*u*u, 3*u*u*t, 3*u*t*t, t*t*t
	return scene.Point{X: a*p0.X + b*p1.X + c*p2.X + d*p3.X, Y: a*p0.Y + b*p1.Y + c*p2.Y + d*p3.Y}
}

// dedupe drops consecutive points closer than a pixel, which diagrams.net
// would draw as a kink.
func dedupe(pts []scene.Point) []scene.Point {
	var out []scene.Point
	for _, p := range pts {
		if n := len(out); n > 0 && abs(out[n-1].X-p.X) < 1 && abs(out[n-1].Y-p.Y) < 1 {
			continue
		}
		out = append(out, p)
	}
	return out
}

func abs(f float64) float64 {
	if f < 0 {
		return -f
	}
	return f
}

// straight reports whether every control point lies within a few points
// of the chord between the path's ends.
func straight(path []scene.Point) bool {
	a, b := path[0], path[len(path)-1]
	dx, dy := b.X-a.X, b.Y-a.Y
	l := math.Hypot(dx, dy)
	for _, p := range path {
		var d float64
		if l < 1e-9 {
			d = math.Hypot(p.X-a.X, p.Y-a.Y)
		} else {
			d = math.Abs(dx*(a.Y-p.Y)-dy*(a.X-p.X)) / l
		}
		if d > 4 {
			return false
		}
	}
	return true
}
