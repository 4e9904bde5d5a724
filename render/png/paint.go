package png

import (
	"image/color"
	"math"
	"strconv"

	"github.com/archdoc/archdoc/render/measure"
	"github.com/archdoc/archdoc/render/scene"
)

// painter draws one scene in the same order as render/svg: clusters,
// lifelines, edges, nodes; edge labels go last so no box hides them.
type painter struct {
	c     *canvas
	fonts *fontSet
	s     *scene.Scene
	fs    float64 // font size in points
	lh    float64 // line height in points
	slots map[string]int
}

func newPainter(c *canvas, fonts *fontSet, s *scene.Scene) *painter {
	fs := s.FontSize
	if fs <= 0 {
		fs = defaultFontSize
	}
	return &painter{c: c, fonts: fonts, s: s, fs: fs, lh: measure.LineHeight(fs), slots: groupSlots(s)}
}

func (p *painter) paintScene() {
	for _, cl := range p.s.Clusters {
		p.cluster(cl)
	}
	for _, l := range p.s.Lifelines {
		p.c.strokeDashed(colLifeline, 1.2, []vec{{l.X, l.Y1}, {l.X, l.Y2}}, 5, 4)
	}
	for _, e := range p.s.Edges {
		p.edgeLine(e)
	}
	for _, n := range p.s.Nodes {
		p.node(n)
	}
	for _, e := range p.s.Edges {
		p.edgeLabel(e)
	}
}

// pal returns the group's tint and border colours.
func (p *painter) pal(group string) (fill, stroke color.NRGBA, ok bool) {
	slot, ok := p.slots[group]
	if !ok {
		return color.NRGBA{}, color.NRGBA{}, false
	}
	return palette[slot][0], palette[slot][1], true
}

// box fills a rounded rectangle and strokes its border centred on the
// edge, like an SVG rect with a stroke.
func (p *painter) box(r scene.Rect, radius, width float64, fill, stroke color.Color) {
	p.c.fillRoundRect(fill, r.X, r.Y, r.W, r.H, radius)
	p.border(r, radius, width, stroke)
}

func (p *painter) border(r scene.Rect, radius, width float64, stroke color.Color) {
	p.c.strokeRoundRect(stroke, r.X, r.Y, r.W, r.H, radius, width)
}

func (p *painter) cluster(cl scene.Cluster) {
	fill, stroke := color.Color(colClusterFill), color.Color(colClusterStroke)
	if f, s, ok := p.pal(cl.Group); ok {
		fill, stroke = f, s
	}
	p.box(cl.Rect, 8, 1.2, fill, stroke)
	for i, line := range cl.Label {
		top := cl.LabelPos.Y + float64(i)*p.lh
		p.boldText(line, cl.LabelPos.X, p.baseline(top, p.fs), colText)
	}
}

func (p *painter) node(n scene.Node) {
	r := n.Rect
	_, palStroke, hasPal := p.pal(n.Group)
	switch n.Shape {
	case scene.ShapeActor:
		p.actor(n)
		return
	case scene.ShapeNote:
		p.note(r)
	case scene.ShapeExternal:
		p.box(r, 2, 1.2, colExternalFill, pick(hasPal, palStroke, colExternalStroke))
		p.border(scene.Rect{X: r.X + 3, Y: r.Y + 3, W: r.W - 6, H: r.H - 6}, 0, 1, pick(hasPal, palStroke, colExternalStroke))
	case scene.ShapeDomain:
		fill, stroke, ok := p.pal(n.Group)
		if !ok {
			fill, stroke = colClusterFill, colModuleStroke
		}
		p.box(r, 10, 1.8, fill, stroke)
	case scene.ShapeDatabase, scene.ShapeCache, scene.ShapeQueue, scene.ShapeGateway, scene.ShapeFrontend, scene.ShapeJob:
		p.kindShape(n.Shape, r, pick(hasPal, palStroke, colModuleStroke))
	default:
		p.box(r, 6, 1.2, colModuleFill, pick(hasPal, palStroke, colModuleStroke))
	}
	p.icon(n)
	if n.NameLines > 0 && n.NameLines < len(n.Label) {
		p.nameAndDetails(n)
		return
	}
	t := n.TextRect()
	p.label(n.Label, n.Sub, t.X+t.W/2, t.Y, t.H)
}

// textPadX is the layout's room between a box's side and its text.
const textPadX = 12

// nameAndDetails draws a box whose label has details (a module's feature
// list) as render/svg does: the name centred, a thin rule, then the
// details left-aligned so numbered lists read as lists.
func (p *painter) nameAndDetails(n scene.Node) {
	x := n.TextRect()
	name, details := n.Label[:n.NameLines], n.Label[n.NameLines:]
	total := float64(len(n.Label)) * p.lh
	head := float64(len(name)) * p.lh
	if n.Sub != "" {
		total += p.lh * subScale
		head += p.lh * subScale
	}
	top := x.Y + (x.H-total)/2
	const gap = 2 // keeps the text off the rule, inside the layout's padding
	p.label(name, n.Sub, x.X+x.W/2, top-gap, head)
	top += gap
	left := x.X + textPadX
	if n.Shape == scene.ShapeExternal {
		left += 4
	}
	rule := colModuleStroke
	rule.A = 0x59 // render/svg's stroke-opacity .35
	p.c.stroke(rule, 1, []vec{{x.X + 6, top + head - gap}, {x.X + x.W - 6, top + head - gap}}, false)
	for i, line := range details {
		p.c.text(p.fonts, line, left, p.baseline(top+head+float64(i)*p.lh, p.fs), p.fs, colMuted)
	}
}

func pick(cond bool, a, b color.NRGBA) color.NRGBA {
	if cond {
		return a
	}
	return b
}

func (p *painter) note(r scene.Rect) {
	f := math.Min(noteFold, math.Min(r.W, r.H)/3)
	outline := []vec{{r.X, r.Y}, {r.X + r.W - f, r.Y}, {r.X + r.W, r.Y + f}, {r.X + r.W, r.Y + r.H}, {r.X, r.Y + r.H}}
	p.c.fill(colNoteFill, outline)
	p.c.stroke(colNoteStroke, 1.2, outline, true)
	p.c.stroke(colNoteStroke, 1, []vec{{r.X + r.W - f, r.Y}, {r.X + r.W - f, r.Y + f}, {r.X + r.W, r.Y + f}}, false)
}

// actor draws a stick figure filling the space above the label, with the
// proportions render/svg uses.
func (p *painter) actor(n scene.Node) {
	r := n.Rect
	labelH := float64(len(n.Label)) * p.lh
	if n.Sub != "" {
		labelH += p.lh * subScale
	}
	figH := math.Max(r.H-labelH-4, 2*p.fs)
	cx, top := r.X+r.W/2, r.Y
	head := figH * 0.14
	neck, hip, arms := top+2*head, top+figH*0.62, top+figH*0.4
	arm, leg := figH*0.28, figH*0.28
	headCircle := circlePoly(vec{cx, top + head}, head, 32)
	p.c.fill(colModuleFill, headCircle)
	p.c.stroke(colActorStroke, 1.6, headCircle, true)
	p.c.stroke(colActorStroke, 1.6, []vec{{cx, neck}, {cx, hip}}, false)
	p.c.stroke(colActorStroke, 1.6, []vec{{cx - arm, arms}, {cx + arm, arms}}, false)
	p.c.stroke(colActorStroke, 1.6, []vec{{cx - leg, top + figH}, {cx, hip}, {cx + leg, top + figH}}, false)
	p.label(n.Label, n.Sub, cx, top+figH+4, labelH)
}

// boldText imitates render/svg's semi-bold cluster titles by drawing the
// text twice, a hair apart: a bold font would be wider than the regular
// metrics the layout measured.
func (p *painter) boldText(s string, x, baseline float64, col color.Color) {
	p.c.text(p.fonts, s, x, baseline, p.fs, col)
	p.c.text(p.fonts, s, x+p.fs*0.04, baseline, p.fs, col)
}

// baseline is where text of the given size sits in a line box starting
// at top: half the leading, then the ascent (render/svg's formula).
func (p *painter) baseline(top, size float64) float64 {
	return top + (p.lh/p.fs-1)/2*size + 0.88*size
}

// label draws lines (and the smaller sub line) centred on cx and
// vertically centred in the band [top, top+h].
func (p *painter) label(lines []string, sub string, cx, top, h float64) {
	total := float64(len(lines)) * p.lh
	if sub != "" {
		total += p.lh * subScale
	}
	y := top + (h-total)/2
	for i, line := range lines {
		p.c.textCentered(p.fonts, line, cx, p.baseline(y+float64(i)*p.lh, p.fs), p.fs, colText)
	}
	if sub != "" {
		size := p.fs * subScale
		p.c.textCentered(p.fonts, sub, cx, p.baseline(y+float64(len(lines))*p.lh, size), size, colMuted)
	}
}

// edgeLine draws the flattened Bézier path, its arrow head and, in a
// sequence scene, the message number.
func (p *painter) edgeLine(e scene.Edge) {
	if len(e.Path) == 0 {
		return
	}
	path := make([]vec, len(e.Path))
	for i, pt := range e.Path {
		path[i] = vec{pt.X, pt.Y}
	}
	line := flattenCubic(path)
	if tail := (len(path) - 1) % 3; tail != 0 {
		line = append(line, path[len(path)-tail:]...) // not a whole triple: straight segments
	}
	switch {
	case e.Arrow && e.Async:
		p.openArrowHead(line) // the line runs to the tip, inside the open head
	case e.Arrow:
		p.arrowHead(line)
		line = trimEnd(line, arrowLen*0.6)
	}
	switch {
	case e.Kind == "note":
		p.c.strokeDashed(colEdge, edgeWidth, line, 2, 3)
	case e.Dashed || e.Async:
		p.c.strokeDashed(colEdge, edgeWidth, line, 6, 4)
	default:
		p.c.stroke(colEdge, edgeWidth, line, false)
	}
	if e.Seq > 0 {
		p.badge(path[0], e.Seq)
	}
}

// arrowHead draws a filled triangle whose tip is the path's end, aimed
// along the path's last arrowLen.
func (p *painter) arrowHead(line []vec) {
	if len(line) < 2 {
		return
	}
	tip := line[len(line)-1]
	base := pointBack(line, arrowLen)
	dir := tip.sub(base)
	if dir.len() < 1e-6 {
		return
	}
	dir = dir.unit()
	b := tip.sub(dir.mul(arrowLen))
	n := dir.perp().mul(arrowHalf)
	p.c.fill(colEdge, []vec{tip, b.add(n), b.sub(n)})
}

// openArrowHead draws an async message's head: two strokes from the
// path's end, an open "V" the size of the filled head.
func (p *painter) openArrowHead(line []vec) {
	if len(line) < 2 {
		return
	}
	tip := line[len(line)-1]
	dir := tip.sub(pointBack(line, arrowLen))
	if dir.len() < 1e-6 {
		return
	}
	dir = dir.unit()
	b := tip.sub(dir.mul(arrowLen))
	n := dir.perp().mul(arrowHalf)
	p.c.stroke(colEdge, edgeWidth, []vec{b.add(n), tip, b.sub(n)}, false)
}

// pointBack walks dist back along the polyline from its end.
func pointBack(line []vec, dist float64) vec {
	for i := len(line) - 1; i > 0; i-- {
		a, b := line[i-1], line[i]
		l := b.sub(a).len()
		if l >= dist {
			return lerp(b, a, dist/l)
		}
		dist -= l
	}
	return line[0]
}

func (p *painter) badge(at vec, seq int) {
	p.c.fill(colSeqFill, circlePoly(at, p.fs*badgeRadius, 32))
	size := p.fs * badgeFontSize
	p.c.textCentered(p.fonts, strconv.Itoa(seq), at.X, at.Y+size*0.35, size, colSeqText)
}

func (p *painter) edgeLabel(e scene.Edge) {
	lr := e.LabelRect
	if len(e.Label) == 0 || lr.W <= 0 {
		return
	}
	p.c.fillRoundRect(colLabelBg, lr.X, lr.Y, lr.W, lr.H, 3)
	p.label(e.Label, "", lr.X+lr.W/2, lr.Y, lr.H)
}
