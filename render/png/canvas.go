package png

import (
	"image"
	"image/color"
	"image/draw"
	"math"

	"golang.org/x/image/vector"
)

// vec is a point in scene units (points); the canvas scales it to pixels.
type vec struct{ X, Y float64 }

func (a vec) add(b vec) vec             { return vec{a.X + b.X, a.Y + b.Y} }
func (a vec) sub(b vec) vec             { return vec{a.X - b.X, a.Y - b.Y} }
func (a vec) mul(k float64) vec         { return vec{a.X * k, a.Y * k} }
func (a vec) len() float64              { return math.Hypot(a.X, a.Y) }
func lerp(a, b vec, t float64) vec      { return vec{a.X + (b.X-a.X)*t, a.Y + (b.Y-a.Y)*t} }
func (a vec) unit() vec                 { return a.mul(1 / math.Max(a.len(), 1e-9)) }
func (a vec) perp() vec                 { return vec{-a.Y, a.X} }
func polyRect(x, y, w, h float64) []vec { return []vec{{x, y}, {x + w, y}, {x + w, y + h}, {x, y + h}} }

// canvas is an RGBA image drawn with anti-aliased filled polygons. Every
// shape, stroke and glyph goes through one reusable rasterizer sized to
// the shape's bounding box, so drawing cost follows what is drawn rather
// than the image size.
type canvas struct {
	img   *image.RGBA
	scale float64
	r     vector.Rasterizer
}

func newCanvas(w, h int, scale float64, bg color.Color) *canvas {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.Draw(img, img.Bounds(), image.NewUniform(bg), image.Point{}, draw.Src)
	return &canvas{img: img, scale: scale}
}

// fill paints the union of the polygons. Polygons are normalised to the
// same winding so overlapping pieces (stroke segments and their round
// joins) add up instead of cancelling; holes use fillWithHoles.
func (c *canvas) fill(col color.Color, polys ...[]vec) {
	for _, p := range polys {
		orient(p, 1)
	}
	c.paint(col, polys)
}

// fillWithHoles paints outer minus inner (a ring), relying on opposite
// winding cancelling in the rasterizer's accumulation.
func (c *canvas) fillWithHoles(col color.Color, outer, inner []vec) {
	orient(outer, 1)
	orient(inner, -1)
	c.paint(col, [][]vec{outer, inner})
}

func (c *canvas) paint(col color.Color, polys [][]vec) {
	if box, ok := c.pixelBounds(polys); ok {
		c.paintWindow(col, polys, box)
	}
}

// paintWindow rasterizes the polygons clipped to win (pixels); the
// rasterizer accepts points outside its bounds, so a polygon can be
// painted piecewise.
func (c *canvas) paintWindow(col color.Color, polys [][]vec, win image.Rectangle) {
	c.r.Reset(win.Dx(), win.Dy())
	c.r.DrawOp = draw.Over
	ox, oy := float64(win.Min.X), float64(win.Min.Y)
	for _, p := range polys {
		if len(p) < 3 {
			continue
		}
		for i, v := range p {
			x, y := float32(v.X*c.scale-ox), float32(v.Y*c.scale-oy)
			if i == 0 {
				c.r.MoveTo(x, y)
			} else {
				c.r.LineTo(x, y)
			}
		}
		c.r.ClosePath()
	}
	c.r.Draw(c.img, win, image.NewUniform(col), image.Point{})
}

// paintFrame paints the polygons everywhere in their box except hole, a
// pixel rectangle the caller knows to be fully covered (solid: filled
// directly) or fully empty. Big boxes then cost their outline, not their
// area.
func (c *canvas) paintFrame(col color.Color, polys [][]vec, hole image.Rectangle, solid bool) {
	box, ok := c.pixelBounds(polys)
	if !ok {
		return
	}
	hole = hole.Intersect(box)
	if hole.Dx() < 16 || hole.Dy() < 16 {
		c.paintWindow(col, polys, box)
		return
	}
	for _, w := range []image.Rectangle{
		{box.Min, image.Pt(box.Max.X, hole.Min.Y)},
		{image.Pt(box.Min.X, hole.Max.Y), box.Max},
		{image.Pt(box.Min.X, hole.Min.Y), image.Pt(hole.Min.X, hole.Max.Y)},
		{image.Pt(hole.Max.X, hole.Min.Y), image.Pt(box.Max.X, hole.Max.Y)},
	} {
		if !w.Empty() {
			c.paintWindow(col, polys, w)
		}
	}
	if solid {
		draw.Draw(c.img, hole, image.NewUniform(col), image.Point{}, draw.Over)
	}
}

// innerPixels is the pixel rectangle lying wholly inside the scene
// rectangle x0,y0-x1,y1 (a one-pixel margin keeps anti-aliasing out).
func (c *canvas) innerPixels(x0, y0, x1, y1 float64) image.Rectangle {
	s := c.scale
	return image.Rect(int(math.Ceil(x0*s))+1, int(math.Ceil(y0*s))+1, int(math.Floor(x1*s))-1, int(math.Floor(y1*s))-1)
}

// fillRoundRect paints a rounded rectangle.
func (c *canvas) fillRoundRect(col color.Color, x, y, w, h, r float64) {
	r = math.Max(0, math.Min(r, math.Min(w, h)/2))
	poly := roundRect(x, y, w, h, r)
	orient(poly, 1)
	c.paintFrame(col, [][]vec{poly}, c.innerPixels(x, y+r, x+w, y+h-r), true)
}

// strokeRoundRect paints a rounded rectangle's border of the given
// width, centred on its outline as an SVG stroke is.
func (c *canvas) strokeRoundRect(col color.Color, x, y, w, h, r, width float64) {
	hw := width / 2
	outer := roundRect(x-hw, y-hw, w+width, h+width, r+hw)
	ri := math.Max(0, r-hw)
	inner := roundRect(x+hw, y+hw, w-width, h-width, ri)
	orient(outer, 1)
	orient(inner, -1)
	c.paintFrame(col, [][]vec{outer, inner}, c.innerPixels(x+hw, y+hw+ri, x+w-hw, y+h-hw-ri), false)
}

// pixelBounds is the clipped pixel box covering the polygons.
func (c *canvas) pixelBounds(polys [][]vec) (image.Rectangle, bool) {
	minX, minY := math.Inf(1), math.Inf(1)
	maxX, maxY := math.Inf(-1), math.Inf(-1)
	for _, p := range polys {
		for _, v := range p {
			minX, maxX = math.Min(minX, v.X), math.Max(maxX, v.X)
			minY, maxY = math.Min(minY, v.Y), math.Max(maxY, v.Y)
		}
	}
	return c.clip(minX*c.scale, minY*c.scale, maxX*c.scale, maxY*c.scale)
}

func (c *canvas) clip(x0, y0, x1, y1 float64) (image.Rectangle, bool) {
	if math.IsInf(x0, 0) || math.IsNaN(x0+y0+x1+y1) {
		return image.Rectangle{}, false
	}
	r := image.Rect(int(math.Floor(x0))-1, int(math.Floor(y0))-1, int(math.Ceil(x1))+1, int(math.Ceil(y1))+1)
	r = r.Intersect(c.img.Bounds())
	return r, !r.Empty()
}

// orient makes the polygon's signed area positive (sign 1) or negative.
func orient(p []vec, sign float64) {
	area := 0.0
	for i := range p {
		j := (i + 1) % len(p)
		area += p[i].X*p[j].Y - p[j].X*p[i].Y
	}
	if area*sign < 0 {
		for i, j := 0, len(p)-1; i < j; i, j = i+1, j-1 {
			p[i], p[j] = p[j], p[i]
		}
	}
}

// stroke draws a polyline of the given width with round joins and caps.
func (c *canvas) stroke(col color.Color, width float64, pts []vec, closed bool) {
	c.fill(col, strokePolys(pts, width, closed, true)...)
}

// strokePolys outlines a polyline: a quad per segment, a small disc at
// every joint and, with roundCaps, at both ends (else ends are butt,
// as SVG dashes are).
func strokePolys(pts []vec, width float64, closed, roundCaps bool) [][]vec {
	hw := width / 2
	var polys [][]vec
	n := len(pts)
	segs := n - 1
	if closed {
		segs = n
	}
	for i := 0; i < segs; i++ {
		a, b := pts[i], pts[(i+1)%n]
		d := b.sub(a)
		if d.len() < 1e-9 {
			continue
		}
		nrm := d.unit().perp().mul(hw)
		polys = append(polys, []vec{a.add(nrm), b.add(nrm), b.sub(nrm), a.sub(nrm)})
	}
	// Round joins (and caps): small discs hide the seams between segments.
	for i, p := range pts {
		if roundCaps || closed || (i > 0 && i < n-1) {
			polys = append(polys, circlePoly(p, hw, 8))
		}
	}
	return polys
}

// dashed splits a polyline into dash pieces of on/off lengths.
func dashed(pts []vec, on, off float64) [][]vec {
	if len(pts) < 2 {
		return nil
	}
	var out [][]vec
	cur := []vec{pts[0]}
	drawing, left := true, on
	for i := 0; i+1 < len(pts); i++ {
		a, b := pts[i], pts[i+1]
		segLen := b.sub(a).len()
		pos := 0.0
		for segLen-pos > left {
			pos += left
			p := lerp(a, b, pos/segLen)
			if drawing {
				out = append(out, append(cur, p))
				cur, left = nil, off
			} else {
				cur, left = []vec{p}, on
			}
			drawing = !drawing
		}
		left -= segLen - pos
		if drawing {
			cur = append(cur, b)
		}
	}
	if drawing && len(cur) > 1 {
		out = append(out, cur)
	}
	return out
}

func (c *canvas) strokeDashed(col color.Color, width float64, pts []vec, on, off float64) {
	var polys [][]vec
	for _, piece := range dashed(pts, on, off) {
		polys = append(polys, strokePolys(piece, width, false, false)...)
	}
	c.fill(col, polys...)
}

func circlePoly(center vec, r float64, n int) []vec {
	p := make([]vec, n)
	for i := range p {
		a := 2 * math.Pi * float64(i) / float64(n)
		p[i] = vec{center.X + r*math.Cos(a), center.Y + r*math.Sin(a)}
	}
	return p
}

// roundRect is a rounded rectangle outline, corners flattened to arcs.
func roundRect(x, y, w, h, r float64) []vec {
	r = math.Max(0, math.Min(r, math.Min(w, h)/2))
	if r == 0 {
		return polyRect(x, y, w, h)
	}
	const steps = 6
	corners := []struct {
		c     vec
		start float64
	}{
		{vec{x + w - r, y + r}, -math.Pi / 2},
		{vec{x + w - r, y + h - r}, 0},
		{vec{x + r, y + h - r}, math.Pi / 2},
		{vec{x + r, y + r}, math.Pi},
	}
	var p []vec
	for _, k := range corners {
		for i := 0; i <= steps; i++ {
			a := k.start + math.Pi/2*float64(i)/steps
			p = append(p, vec{k.c.X + r*math.Cos(a), k.c.Y + r*math.Sin(a)})
		}
	}
	return p
}

// flattenCubic turns a P0,(C1,C2,P)* Bézier path into a polyline with a
// step count that follows the control polygon's length.
func flattenCubic(path []vec) []vec {
	if len(path) == 0 {
		return nil
	}
	out := []vec{path[0]}
	for i := 1; i+2 < len(path); i += 3 {
		p0, c1, c2, p3 := path[i-1], path[i], path[i+1], path[i+2]
		ctrl := c1.sub(p0).len() + c2.sub(c1).len() + p3.sub(c2).len()
		steps := int(math.Min(64, math.Max(4, ctrl/4)))
		for s := 1; s <= steps; s++ {
			t := float64(s) / float64(steps)
			u := 1 - t
			out = append(out, vec{
				u*u*u*p0.X + 3*u*u*t*c1.X + 3*u*t*t*c2.X + t*t*t*p3.X,
				u*u*u*p0.Y + 3*u*u*t*c1.Y + 3*u*t*t*c2.Y + t*t*t*p3.Y,
			})
		}
	}
	return out
}

// trimEnd shortens a polyline by dist from its end so a stroke does not
// poke through the arrow head drawn there.
func trimEnd(pts []vec, dist float64) []vec {
	for len(pts) > 1 && dist > 0 {
		a, b := pts[len(pts)-2], pts[len(pts)-1]
		l := b.sub(a).len()
		if l > dist {
			out := append([]vec(nil), pts[:len(pts)-1]...)
			return append(out, lerp(b, a, dist/l))
		}
		dist -= l
		pts = pts[:len(pts)-1]
	}
	return pts
}
