package pptx

import (
	"bytes"
	"fmt"
	"math"
	"strings"

	"github.com/archdoc/archdoc/render/icon"
	"github.com/archdoc/archdoc/render/scene"
)

// box is a rectangle in EMU.
type box struct{ x, y, w, h int }

// maxScale keeps small diagrams from being blown up to poster size.
const maxScale = 1.6

// canvas maps scene points to slide EMU.
type canvas struct {
	b      *bytes.Buffer
	s      *scene.Scene
	ox, oy float64 // EMU of scene (0,0)
	k      float64 // EMU per scene point
	fs     float64 // scene font size in points
	lang   string
	nextID int
	pal    map[string]int
	pics   [][]byte          // PNG pictures placed, in relationship order
	marks  map[string]string // the scene's changes by element id
	// boxes are the shapes arrows glue to, by node or cluster id.
	boxes map[string]glue
}

// glue is a shape an arrow can be attached to.
type glue struct {
	id   int
	r    scene.Rect
	prst string // the preset drawn, which numbers its connection sites
}

func (c *canvas) x(v float64) int { return int(math.Round(c.ox + v*c.k)) }
func (c *canvas) y(v float64) int { return int(math.Round(c.oy + v*c.k)) }
func (c *canvas) d(v float64) int { return max(int(math.Round(v*c.k)), 1) }

// fontSize is a scene size in points scaled to the slide, in 1/100 pt.
func (c *canvas) fontSize(pt float64) int {
	return int(math.Round(pt * c.k / emuPerPt * 100))
}

func (c *canvas) id() int { c.nextID++; return c.nextID }

// drawScene draws s scaled into the box, centred, as one group: a
// domain's group holds its box, its label, its modules and the arrows
// between them; arrows are connectors glued to their boxes, so moving a
// box in PowerPoint or LibreOffice drags its arrows along. It returns the
// PNG pictures it placed: the slide's relationships rId3, rId4 ... in order.
func drawScene(b *bytes.Buffer, s *scene.Scene, into box, lang string) ([][]byte, error) {
	if s.Width <= 0 || s.Height <= 0 {
		return nil, fmt.Errorf("diagram %q has no size", s.ID)
	}
	k := math.Min(float64(into.w)/(s.Width*emuPerPt), float64(into.h)/(s.Height*emuPerPt))
	k = math.Min(k, maxScale) * emuPerPt
	fs := s.FontSize
	if fs <= 0 {
		fs = 14
	}
	c := &canvas{b: b, s: s, k: k, fs: fs, lang: lang, nextID: 10, pal: palette(s), boxes: map[string]glue{}, marks: s.Marks,
		ox: float64(into.x) + (float64(into.w)-s.Width*k)/2,
		oy: float64(into.y) + (float64(into.h)-s.Height*k)/2}
	c.assignIDs()
	c.group("diagram "+s.ID, scene.Rect{W: s.Width, H: s.Height}, func() {
		for _, l := range s.Lifelines {
			c.path("lifeline "+l.Node, []scene.Point{{X: l.X, Y: l.Y1}, {X: l.X, Y: l.Y1}, {X: l.X, Y: l.Y2}, {X: l.X, Y: l.Y2}}, "8C959F", true, false)
		}
		c.contents("")
		for _, e := range s.Edges {
			if len(e.Path) >= 2 {
				c.connector(e)
			}
		}
		c.edgeLabels()
	})
	return c.pics, nil
}

// assignIDs numbers the boxes first, so a connector can name the shapes
// it is glued to wherever they come in the drawing.
func (c *canvas) assignIDs() {
	for _, cl := range c.s.Clusters {
		c.boxes[cl.ID] = glue{c.id(), cl.Rect, ""}
	}
	for _, n := range c.s.Nodes {
		r := n.Rect
		if n.Shape == scene.ShapeActor {
			r = c.actorLabel(n)
		}
		prst, _, _ := kindPreset(n.Shape, r)
		c.boxes[n.ID] = glue{c.id(), r, prst}
	}
}

// contents draws what sits directly in the cluster parent ("" = the
// diagram): its sub-clusters as groups, then its boxes. The arrows come
// after every box, at the diagram's level: LibreOffice glues a connector
// only to shapes that come before it, and not from inside a nested group.
func (c *canvas) contents(parent string) {
	for _, cl := range c.s.Clusters {
		if cl.Parent == parent {
			c.group("domain "+cl.ID, cl.Rect, func() {
				c.cluster(cl)
				c.contents(cl.ID)
			})
		}
	}
	for _, n := range c.s.Nodes {
		if n.Parent == parent {
			c.node(n)
		}
	}
}

// group wraps what draw writes in a group shape covering r.
func (c *canvas) group(name string, r scene.Rect, draw func()) {
	x, y, w, h := c.x(r.X), c.y(r.Y), c.d(r.W), c.d(r.H)
	fmt.Fprintf(c.b, `<p:grpSp><p:nvGrpSpPr><p:cNvPr id="%d" name="%s"/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>`, c.id(), esc(name))
	fmt.Fprintf(c.b, `<p:grpSpPr><a:xfrm><a:off x="%d" y="%d"/><a:ext cx="%d" cy="%d"/><a:chOff x="%d" y="%d"/><a:chExt cx="%d" cy="%d"/></a:xfrm></p:grpSpPr>`,
		x, y, w, h, x, y, w, h)
	draw()
	c.b.WriteString(`</p:grpSp>`)
}

// Colours per group slot (fill, stroke), like the SVG renderer's palette.
var slots = [][2]string{
	{"EEF6FF", "4A90E2"}, {"EFFAF1", "3FA55B"}, {"FFF8E6", "D49A1A"}, {"F5F0FF", "8A63D2"},
	{"FFF0F0", "D9534F"}, {"EAFAF8", "21A79A"}, {"FFF3EA", "E07B2A"}, {"F3F5F8", "6C7A89"},
}

// palette gives every group its slot from scene.GroupIndex, as render/svg
// does, so a domain has the same colour on every slide and in the site.
func palette(s *scene.Scene) map[string]int {
	out := map[string]int{}
	add := func(g string) {
		if _, ok := out[g]; !ok && g != "" {
			out[g] = s.GroupIndex(g) % len(slots)
		}
	}
	for _, cl := range s.Clusters {
		add(cl.Group)
	}
	for _, n := range s.Nodes {
		add(n.Group)
	}
	return out
}

func (c *canvas) colours(group, fill, stroke string) (string, string) {
	if i, ok := c.pal[group]; ok && group != "" {
		return slots[i][0], slots[i][1]
	}
	return fill, stroke
}

func (c *canvas) cluster(cl scene.Cluster) {
	fill, stroke := c.colours(cl.Group, "F6F8FA", "AFB8C1")
	c.shape(shapeSpec{id: c.boxes[cl.ID].id, name: "cluster " + cl.ID, descr: cl.Tooltip, prst: "roundRect", adj: 4000,
		r: cl.Rect, fill: fill, stroke: stroke, dash: true})
	if len(cl.Label) > 0 {
		h := float64(len(cl.Label)) * 1.3 * c.fs
		w := cl.Rect.W - (cl.LabelPos.X - cl.Rect.X)
		c.shape(shapeSpec{name: "cluster label " + cl.ID, prst: "rect", r: scene.Rect{X: cl.LabelPos.X, Y: cl.LabelPos.Y, W: w, H: h},
			lines: cl.Label, bold: true, align: "l", anchor: "t", color: "1F2328"})
	}
}

func (c *canvas) node(n scene.Node) {
	r := n.Rect
	switch n.Shape {
	case scene.ShapeActor:
		c.actor(n)
		return
	case scene.ShapeNote:
		c.shape(shapeSpec{id: c.boxes[n.ID].id, name: n.ID, descr: n.Tooltip, prst: "foldedCorner", r: r, fill: "FFF8C5", stroke: "D4A72C", lines: n.Label, sub: n.Sub})
		return
	case scene.ShapeExternal:
		fill, stroke := c.colours(n.Group, "F6F8FA", "59636E")
		c.shape(c.withDetails(shapeSpec{id: c.boxes[n.ID].id, name: n.ID, descr: n.Tooltip, prst: "rect", r: r, fill: fill, stroke: stroke, double: true, lines: n.Label, sub: n.Sub}, n))
		c.rule(n)
		return
	}
	fill, stroke := c.colours(n.Group, "FFFFFF", "59636E")
	fill, stroke = c.marked(n.ID, fill, stroke)
	if prst, adj, ok := kindPreset(n.Shape, r); ok {
		spec := shapeSpec{id: c.boxes[n.ID].id, name: n.ID, descr: n.Tooltip, prst: prst, adj: adj, r: r, fill: fill, stroke: stroke,
			dash: n.Shape == scene.ShapeCache, lines: n.Label, sub: n.Sub}
		if n.Shape == scene.ShapeGateway {
			spec.vf = 100000 // corners on the box's top and bottom, as in the SVG
		}
		c.shape(c.withDetails(spec, n))
		c.rule(n)
		return
	}
	adj := 12000
	if n.Shape == scene.ShapeDomain {
		adj = 20000
	}
	inset := 0
	if n.Icon != nil {
		inset = c.d(n.TextRect().X - r.X) // text centred beside the icon
	}
	c.shape(c.withDetails(shapeSpec{id: c.boxes[n.ID].id, name: n.ID, descr: n.Tooltip, prst: "roundRect", adj: adj, r: r, fill: fill, stroke: stroke, lines: n.Label, sub: n.Sub, lIns: inset}, n))
	c.rule(n)
	c.icon(n)
}

// icon draws a bundled icon as a filled free-form shape of its own (an
// editable vector in PowerPoint and Impress), a user's PNG as a picture.
// A user's SVG is not drawn: PPTX pictures are raster.
func (c *canvas) icon(n scene.Node) {
	if n.Icon != nil && n.Icon.MIME == "image/png" {
		c.picture(n)
		return
	}
	if n.Icon == nil || n.Icon.Path == "" {
		return
	}
	r := n.IconRect()
	freeform(c.b, c.id, n.ID+" icon "+n.Icon.Title, c.x(r.X), c.y(r.Y), c.d(r.W), c.d(r.H), n.Icon)
}

// freeform writes a bundled icon's outline as a filled free-form shape
// covering the box x0, y0, w, h (EMU), numbered id() only when drawn:
// nothing when it has no outline.
func freeform(b *bytes.Buffer, id func() int, name string, x0, y0, w, h int, ic *scene.Icon) {
	polys := icon.Outline(ic.Path)
	if len(polys) == 0 {
		return
	}
	fmt.Fprintf(b, `<p:sp><p:nvSpPr><p:cNvPr id="%d" name="%s"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr>`, id(), esc(name))
	fmt.Fprintf(b, `<a:xfrm><a:off x="%d" y="%d"/><a:ext cx="%d" cy="%d"/></a:xfrm>`, x0, y0, w, h)
	b.WriteString(`<a:custGeom><a:avLst/><a:gdLst/><a:ahLst/><a:cxnLst/><a:rect l="0" t="0" r="r" b="b"/><a:pathLst><a:path w="2400" h="2400">`)
	pt := func(p scene.Point) string {
		return fmt.Sprintf(`<a:pt x="%d" y="%d"/>`, int(math.Round(p.X*100)), int(math.Round(p.Y*100)))
	}
	for _, poly := range polys {
		b.WriteString(`<a:moveTo>` + pt(poly[0]) + `</a:moveTo>`)
		for _, p := range poly[1:] {
			b.WriteString(`<a:lnTo>` + pt(p) + `</a:lnTo>`)
		}
		b.WriteString(`<a:close/>`)
	}
	fmt.Fprintf(b, `</a:path></a:pathLst></a:custGeom><a:solidFill><a:srgbClr val="%s"/></a:solidFill><a:ln><a:noFill/></a:ln></p:spPr></p:sp>`,
		strings.ToUpper(strings.TrimPrefix(ic.Color, "#")))
}

// picture places a user's PNG icon, embedded as the slide's next image
// relationship (see drawScene).
func (c *canvas) picture(n scene.Node) {
	c.pics = append(c.pics, n.Icon.Image)
	r := n.IconRect()
	fmt.Fprintf(c.b, `<p:pic><p:nvPicPr><p:cNvPr id="%d" name="%s"/><p:cNvPicPr><a:picLocks noChangeAspect="1"/></p:cNvPicPr><p:nvPr/></p:nvPicPr>`+
		`<p:blipFill><a:blip r:embed="rId%d"/><a:stretch><a:fillRect/></a:stretch></p:blipFill>`+
		`<p:spPr><a:xfrm><a:off x="%d" y="%d"/><a:ext cx="%d" cy="%d"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>`,
		c.id(), esc(n.ID+" icon"), 2+len(c.pics), c.x(r.X), c.y(r.Y), c.d(r.W), c.d(r.H))
}

// actorLabel is the box of an actor's label, under its figure: the
// shape its arrows glue to.
func (c *canvas) actorLabel(n scene.Node) scene.Rect {
	r := n.Rect
	labelH := float64(len(n.Label)) * 1.3 * c.fs
	if n.Sub != "" {
		labelH += 1.3 * c.fs * 0.8
	}
	figH := math.Max(r.H-labelH-4, 2*c.fs)
	return scene.Rect{X: r.X, Y: r.Y + figH + 4, W: r.W, H: labelH}
}

// actor draws a simple figure: a round head and a rounded body above the
// label, like the stick figure of the SVG renderer, grouped.
func (c *canvas) actor(n scene.Node) {
	r := n.Rect
	label := c.actorLabel(n)
	figH := label.Y - 4 - r.Y
	cx := r.X + r.W/2
	head := figH * 0.3
	bodyW := figH * 0.55
	c.group("actor "+n.ID, r, func() {
		c.shape(shapeSpec{name: n.ID + " head", prst: "ellipse", r: scene.Rect{X: cx - head/2, Y: r.Y, W: head, H: head}, fill: "FFFFFF", stroke: "1F2328"})
		c.shape(shapeSpec{name: n.ID + " body", prst: "flowChartDelay", rot: 270, r: scene.Rect{X: cx - bodyW/2, Y: r.Y + head + 1, W: bodyW, H: figH - head - 1}, fill: "FFFFFF", stroke: "1F2328"})
		c.shape(shapeSpec{id: c.boxes[n.ID].id, name: n.ID, descr: n.Tooltip, prst: "rect", r: label, lines: n.Label, sub: n.Sub})
	})
}

// edgeLabels draws the arrows' labels after every arrow, so no arrow
// runs over a label's white box.
func (c *canvas) edgeLabels() {
	var placed []scene.Rect
	for _, e := range c.s.Edges {
		if len(e.Label) == 0 || e.LabelRect.W <= 0 {
			continue
		}
		lines := e.Label
		if e.Seq > 0 {
			lines = append([]string{fmt.Sprintf("%d. %s", e.Seq, lines[0])}, lines[1:]...)
		}
		r := c.labelRect(e, placed)
		placed = append(placed, r)
		c.shape(shapeSpec{name: "edge label " + e.ID, prst: "rect", r: r, fill: "FFFFFF", lines: lines})
	}
}

// path draws a cubic Bézier path (P0, then C1 C2 P triples) as a freeform
// line, with an arrow head at the end when asked.
func (c *canvas) path(name string, pts []scene.Point, colour string, dashed, arrow bool) {
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, p := range pts {
		minX, minY = math.Min(minX, p.X), math.Min(minY, p.Y)
		maxX, maxY = math.Max(maxX, p.X), math.Max(maxY, p.Y)
	}
	x0, y0 := c.x(minX), c.y(minY)
	w, h := max(c.x(maxX)-x0, 1), max(c.y(maxY)-y0, 1)
	pt := func(p scene.Point) string {
		return fmt.Sprintf(`<a:pt x="%d" y="%d"/>`, c.x(p.X)-x0, c.y(p.Y)-y0)
	}
	b := c.b
	fmt.Fprintf(b, `<p:sp><p:nvSpPr><p:cNvPr id="%d" name="%s"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr>`, c.id(), esc(name))
	fmt.Fprintf(b, `<a:xfrm><a:off x="%d" y="%d"/><a:ext cx="%d" cy="%d"/></a:xfrm>`, x0, y0, w, h)
	fmt.Fprintf(b, `<a:custGeom><a:avLst/><a:gdLst/><a:ahLst/><a:cxnLst/><a:rect l="0" t="0" r="r" b="b"/><a:pathLst><a:path w="%d" h="%d" fill="none">`, w, h)
	b.WriteString(`<a:moveTo>` + pt(pts[0]) + `</a:moveTo>`)
	for i := 1; i+2 < len(pts); i += 3 {
		b.WriteString(`<a:cubicBezTo>` + pt(pts[i]) + pt(pts[i+1]) + pt(pts[i+2]) + `</a:cubicBezTo>`)
	}
	b.WriteString(`</a:path></a:pathLst></a:custGeom><a:noFill/>`)
	fmt.Fprintf(b, `<a:ln w="%d"><a:solidFill><a:srgbClr val="%s"/></a:solidFill>`, max(c.d(1.2), 9525), colour)
	if dashed {
		b.WriteString(`<a:prstDash val="dash"/>`)
	}
	if arrow {
		b.WriteString(`<a:tailEnd type="triangle" w="med" len="med"/>`)
	}
	b.WriteString(`</a:ln></p:spPr></p:sp>`)
}

// shapeSpec describes one preset shape with optional centred text.
type shapeSpec struct {
	id           int // 0: the next free id
	name, descr  string
	prst         string
	adj          int // roundRect corner adjust (1/100000 of the short side), or a kind's (see kindPreset)
	vf           int // hexagon's vertical factor (1/100000)
	rot          int // degrees
	r            scene.Rect
	fill, stroke string
	dash, double bool
	lines        []string
	sub          string
	bold         bool
	align        string // "ctr" (default) or "l"
	lIns         int    // text inset from the left (EMU), beside an icon
	nameLines    int    // lines of the name when details follow (see withDetails)
	detailsLeft  int    // the details' left margin (EMU) past lIns
	anchor       string // "ctr" (default) or "t"
	color        string
}

func (c *canvas) shape(s shapeSpec) {
	b := c.b
	x, y, w, h := c.x(s.r.X), c.y(s.r.Y), c.d(s.r.W), c.d(s.r.H)
	id := s.id
	if id == 0 {
		id = c.id()
	}
	fmt.Fprintf(b, `<p:sp><p:nvSpPr><p:cNvPr id="%d" name="%s"`, id, esc(s.name))
	if s.descr != "" {
		fmt.Fprintf(b, ` descr="%s"`, esc(s.descr))
	}
	b.WriteString(`/><p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr>`)
	if s.rot != 0 {
		// A rotated shape keeps its centre; swap the extents so the
		// rotated result covers the requested box.
		cx, cy := x+w/2, y+h/2
		w, h = h, w
		x, y = cx-w/2, cy-h/2
		fmt.Fprintf(b, `<a:xfrm rot="%d">`, s.rot*60000)
	} else {
		b.WriteString(`<a:xfrm>`)
	}
	fmt.Fprintf(b, `<a:off x="%d" y="%d"/><a:ext cx="%d" cy="%d"/></a:xfrm><a:prstGeom prst="%s"><a:avLst>`, x, y, w, h, s.prst)
	if s.adj > 0 {
		fmt.Fprintf(b, `<a:gd name="adj" fmla="val %d"/>`, s.adj)
	}
	if s.vf > 0 {
		fmt.Fprintf(b, `<a:gd name="vf" fmla="val %d"/>`, s.vf)
	}
	b.WriteString(`</a:avLst></a:prstGeom>`)
	if s.fill != "" {
		fmt.Fprintf(b, `<a:solidFill><a:srgbClr val="%s"/></a:solidFill>`, s.fill)
	} else {
		b.WriteString(`<a:noFill/>`)
	}
	c.line(s)
	b.WriteString(`</p:spPr>`)
	c.text(s)
	b.WriteString(`</p:sp>`)
}

func (c *canvas) line(s shapeSpec) {
	b := c.b
	if s.stroke == "" {
		b.WriteString(`<a:ln><a:noFill/></a:ln>`)
		return
	}
	w := max(c.d(1.2), 9525)
	cmpd := ""
	if s.double {
		w, cmpd = max(c.d(3.5), 28575), ` cmpd="dbl"`
	}
	fmt.Fprintf(b, `<a:ln w="%d"%s><a:solidFill><a:srgbClr val="%s"/></a:solidFill>`, w, cmpd, s.stroke)
	if s.dash {
		b.WriteString(`<a:prstDash val="dash"/>`)
	}
	b.WriteString(`</a:ln>`)
}

// text writes the label lines centred, with no wrapping: the layout sized
// the box for these very lines.
func (c *canvas) text(s shapeSpec) {
	b := c.b
	if len(s.lines) == 0 && s.sub == "" {
		return
	}
	if s.nameLines > 0 && s.nameLines < len(s.lines) {
		c.detailsText(s)
		return
	}
	align, anchor := firstNonEmpty(s.align, "ctr"), firstNonEmpty(s.anchor, "ctr")
	fmt.Fprintf(b, `<p:txBody><a:bodyPr wrap="none" lIns="%d" tIns="0" rIns="0" bIns="0" anchor="%s" rtlCol="0"><a:noAutofit/></a:bodyPr><a:lstStyle/>`, s.lIns, anchor)
	size := autospaceSize(s.lines, c.fontSize(c.fs), c.fs)
	color := firstNonEmpty(s.color, "1F2328")
	for _, l := range s.lines {
		fmt.Fprintf(b, `<a:p><a:pPr algn="%s"><a:lnSpc><a:spcPct val="100000"/></a:lnSpc><a:buNone/></a:pPr>`, align)
		run(b, l, textStyle{lang: c.lang, size: size, color: color, bold: s.bold, own: true})
		b.WriteString(`</a:p>`)
	}
	if s.sub != "" {
		fmt.Fprintf(b, `<a:p><a:pPr algn="%s"><a:buNone/></a:pPr>`, align)
		run(b, s.sub, textStyle{lang: c.lang, size: autospaceSize([]string{s.sub}, c.fontSize(c.fs*0.8), c.fs*0.8), color: "59636E", own: true})
		b.WriteString(`</a:p>`)
	}
	b.WriteString(`</p:txBody>`)
}

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if strings.TrimSpace(x) != "" {
			return x
		}
	}
	return ""
}
