package png

import (
	"image/color"
	"math"

	"github.com/archdoc/archdoc/render/scene"
)

// kindOutline is the outline of a module kind's shape as a polygon, and
// the rim drawn in front of a cylinder's end (nil for flat shapes), with
// the geometry render/svg draws.
func kindOutline(shape string, r scene.Rect) (outline, rim []vec) {
	s := math.Min(scene.SlantInset, r.W/4)
	switch shape {
	case scene.ShapeDatabase, scene.ShapeCache:
		ry := math.Min(scene.CylinderCap, r.H/4)
		rx, cx := r.W/2, r.X+r.W/2
		outline = arc(cx, r.Y+ry, rx, ry, math.Pi, 2*math.Pi)                 // the top's far half
		outline = append(outline, arc(cx, r.Y+r.H-ry, rx, ry, 0, math.Pi)...) // the bottom's near half
		return outline, arc(cx, r.Y+ry, rx, ry, math.Pi, 0)
	case scene.ShapeQueue:
		rx := math.Min(scene.CylinderCap, r.W/4)
		ry, cy := r.H/2, r.Y+r.H/2
		outline = arc(r.X+r.W-rx, cy, rx, ry, -math.Pi/2, math.Pi/2)                  // the right end's near half
		outline = append(outline, arc(r.X+rx, cy, rx, ry, math.Pi/2, 3*math.Pi/2)...) // the left end
		return outline, arc(r.X+r.W-rx, cy, rx, ry, -math.Pi/2, -3*math.Pi/2)
	case scene.ShapeGateway:
		return []vec{{r.X + s, r.Y}, {r.X + r.W - s, r.Y}, {r.X + r.W, r.Y + r.H/2}, {r.X + r.W - s, r.Y + r.H}, {r.X + s, r.Y + r.H}, {r.X, r.Y + r.H/2}}, nil
	case scene.ShapeFrontend:
		return []vec{{r.X + s, r.Y}, {r.X + r.W, r.Y}, {r.X + r.W - s, r.Y + r.H}, {r.X, r.Y + r.H}}, nil
	case scene.ShapeJob:
		return []vec{{r.X + s, r.Y}, {r.X + r.W - s, r.Y}, {r.X + r.W, r.Y + r.H}, {r.X, r.Y + r.H}}, nil
	}
	return polyRect(r.X, r.Y, r.W, r.H), nil
}

// arc is the elliptic arc from angle a0 to a1 (radians, y down) as points.
func arc(cx, cy, rx, ry, a0, a1 float64) []vec {
	const n = 24
	out := make([]vec, n+1)
	for i := range out {
		a := a0 + (a1-a0)*float64(i)/n
		out[i] = vec{cx + rx*math.Cos(a), cy + ry*math.Sin(a)}
	}
	return out
}

// kindShape fills and strokes a kind's shape; a cache's outline is dashed.
func (p *painter) kindShape(shape string, r scene.Rect, stroke color.Color) {
	outline, rim := kindOutline(shape, r)
	p.c.fill(colModuleFill, outline)
	if shape == scene.ShapeCache {
		p.c.strokeDashed(stroke, 1.2, append(outline, outline[0]), 5, 3)
		p.c.strokeDashed(stroke, 1.2, rim, 5, 3)
		return
	}
	p.c.stroke(stroke, 1.2, outline, true)
	if rim != nil {
		p.c.stroke(stroke, 1.2, rim, false)
	}
}
