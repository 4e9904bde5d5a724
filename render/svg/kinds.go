package svg

import (
	"math"

	"github.com/archdoc/archdoc/render/scene"
)

// kindOutline draws the outline of a module kind's shape (see
// scene.ShapeInsets for the room each takes inside its box).
func (r *renderer) kindOutline(shape string, x scene.Rect) {
	s := math.Min(scene.SlantInset, x.W/4)
	switch shape {
	case scene.ShapeDatabase, scene.ShapeCache:
		rx, ry := num(x.W/2), num(math.Min(scene.CylinderCap, x.H/4))
		cy := math.Min(scene.CylinderCap, x.H/4)
		arc := ` A` + rx + `,` + ry + ` 0 0 `
		// A cache's outline is dashed: a presentation attribute, which the
		// style sheet (it sets no dashes on shapes) leaves alone.
		dash := ""
		if shape == scene.ShapeCache {
			dash = ` stroke-dasharray="5 3"`
		}
		r.p(`<path class="shape" d="M` + pt(x.X, x.Y+cy) + arc + `1 ` + pt(x.X+x.W, x.Y+cy) + ` V` + num(x.Y+x.H-cy) +
			arc + `1 ` + pt(x.X, x.Y+x.H-cy) + ` Z"` + dash + `/>`)
		// The near half of the top's rim, in front of the top; the fill it
		// gets from the style sheet is the body's, inside the body.
		r.p(`<path class="shape rim" d="M` + pt(x.X, x.Y+cy) + arc + `0 ` + pt(x.X+x.W, x.Y+cy) + `"` + dash + `/>` + "\n")
	case scene.ShapeQueue:
		cx := math.Min(scene.CylinderCap, x.W/4)
		arc := ` A` + num(cx) + `,` + num(x.H/2) + ` 0 0 `
		r.p(`<path class="shape" d="M` + pt(x.X+cx, x.Y) + ` H` + num(x.X+x.W-cx) + arc + `1 ` + pt(x.X+x.W-cx, x.Y+x.H) +
			` H` + num(x.X+cx) + arc + `1 ` + pt(x.X+cx, x.Y) + ` Z"/>`)
		// The near half of the right end's rim: the queue's face (filled
		// like the body, inside the body).
		r.p(`<path class="shape rim" d="M` + pt(x.X+x.W-cx, x.Y) + arc + `0 ` + pt(x.X+x.W-cx, x.Y+x.H) + `"/>` + "\n")
	case scene.ShapeGateway:
		r.polygon(x.X+s, x.Y, x.X+x.W-s, x.Y, x.X+x.W, x.Y+x.H/2, x.X+x.W-s, x.Y+x.H, x.X+s, x.Y+x.H, x.X, x.Y+x.H/2)
	case scene.ShapeFrontend:
		r.polygon(x.X+s, x.Y, x.X+x.W, x.Y, x.X+x.W-s, x.Y+x.H, x.X, x.Y+x.H)
	case scene.ShapeJob:
		r.polygon(x.X+s, x.Y, x.X+x.W-s, x.Y, x.X+x.W, x.Y+x.H, x.X, x.Y+x.H)
	}
}

// polygon draws a closed outline through the points (x, y pairs).
func (r *renderer) polygon(xy ...float64) {
	r.p(`<path class="shape" d="M` + pt(xy[0], xy[1]))
	for i := 2; i+1 < len(xy); i += 2 {
		r.p(` L` + pt(xy[i], xy[i+1]))
	}
	r.p(` Z"/>` + "\n")
}
