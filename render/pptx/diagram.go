package pptx

import (
	"bytes"
	"fmt"
	"math"
	"strings"

	"github.com/archdoc/archdoc/render/scene"
)

// box is a rectangle in EMU.
type box struct{ x, y, w, h int }

// maxScale keeps small diagrams from being blown up to poster size.
const maxScale = 1.6

// canvas maps scene points to slide EMU.
type canvas struct {
	b      *bytes.Buffer
	ox, oy float64 // EMU of scene (0,0)
	k      float64 // EMU per scene point
	fs     float64 // scene font size in points
	lang   string
	nextID int
	pal    map[string]int
	marks  map[string]string // the scene's changes by element id
}

func (c *canvas) x(v float64) int { return int(math.Round(c.ox + v*c.k)) }
func (c *canvas) y(v float64) int { return int(math.Round(c.oy + v*c.k)) }
func (c *canvas) d(v float64) int { return max(int(math.Round(v*c.k)), 1) }

// fontSize is a scene size in points scaled to the slide, in 1/100 pt.
func (c *canvas) fontSize(pt float64) int {
	return max(int(math.Round(pt*c.k/emuPerPt*100)), 600)
}

func (c *canvas) id() int { c.nextID++; return c.nextID }

// drawScene draws s scaled into the box, centred.
func drawScene(b *bytes.Buffer, s *scene.Scene, into box, lang string) error {
	if s.Width <= 0 || s.Height <= 0 {
		return fmt.Errorf("diagram %q has no size", s.ID)
	}
	k := math.Min(float64(into.w)/(s.Width*emuPerPt), float64(into.h)/(s.Height*emuPerPt))
	k = math.Min(k, maxScale) * emuPerPt
	fs := s.FontSize
	if fs <= 0 {
		fs = 14
	}
	c := &canvas{b: b, k: k, fs: fs, lang: lang, nextID: 10, pal: palette(s), marks: s.Marks,
		ox: float64(into.x) + (float64(into.w)-s.Width*k)/2,
		oy: float64(into.y) + (float64(into.h)-s.Height*k)/2}
	for _, cl := range s.Clusters {
		c.cluster(cl)
	}
	for _, l := range s.Lifelines {
		c.path("lifeline "+l.Node, []scene.Point{{X: l.X, Y: l.Y1}, {X: l.X, Y: l.Y1}, {X: l.X, Y: l.Y2}, {X: l.X, Y: l.Y2}}, "8C959F", true, false)
	}
	for _, e := range s.Edges {
		c.edge(e)
	}
	for _, n := range s.Nodes {
		c.node(n)
	}
	return nil
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
	c.shape(shapeSpec{name: "cluster " + cl.ID, descr: cl.Tooltip, prst: "roundRect", adj: 4000,
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
		c.shape(shapeSpec{name: n.ID, descr: n.Tooltip, prst: "foldedCorner", r: r, fill: "FFF8C5", stroke: "D4A72C", lines: n.Label, sub: n.Sub})
		return
	case scene.ShapeExternal:
		fill, stroke := c.colours(n.Group, "F6F8FA", "59636E")
		c.shape(shapeSpec{name: n.ID, descr: n.Tooltip, prst: "rect", r: r, fill: fill, stroke: stroke, double: true, lines: n.Label, sub: n.Sub})
		return
	}
	fill, stroke := c.colours(n.Group, "FFFFFF", "59636E")
	fill, stroke = c.marked(n.ID, fill, stroke)
	adj := 12000
	if n.Shape == scene.ShapeDomain {
		adj = 20000
	}
	c.shape(shapeSpec{name: n.ID, descr: n.Tooltip, prst: "roundRect", adj: adj, r: r, fill: fill, stroke: stroke, lines: n.Label, sub: n.Sub})
}

// actor draws a simple figure: a round head and a rounded body above the
// label, like the stick figure of the SVG renderer.
func (c *canvas) actor(n scene.Node) {
	r := n.Rect
	labelH := float64(len(n.Label)) * 1.3 * c.fs
	if n.Sub != "" {
		labelH += 1.3 * c.fs * 0.8
	}
	figH := math.Max(r.H-labelH-4, 2*c.fs)
	cx := r.X + r.W/2
	head := figH * 0.3
	c.shape(shapeSpec{name: n.ID + " head", prst: "ellipse", r: scene.Rect{X: cx - head/2, Y: r.Y, W: head, H: head}, fill: "FFFFFF", stroke: "1F2328"})
	bodyW := figH * 0.55
	c.shape(shapeSpec{name: n.ID + " body", prst: "flowChartDelay", rot: 270, r: scene.Rect{X: cx - bodyW/2, Y: r.Y + head + 1, W: bodyW, H: figH - head - 1}, fill: "FFFFFF", stroke: "1F2328"})
	c.shape(shapeSpec{name: n.ID, descr: n.Tooltip, prst: "rect", r: scene.Rect{X: r.X, Y: r.Y + figH + 4, W: r.W, H: labelH}, lines: n.Label, sub: n.Sub})
}

func (c *canvas) edge(e scene.Edge) {
	if len(e.Path) >= 4 {
		_, colour := c.marked(e.ID, "", "59636E")
		c.path("edge "+e.ID, e.Path, colour, e.Dashed, e.Arrow)
	}
	if len(e.Label) > 0 && e.LabelRect.W > 0 {
		lines := e.Label
		if e.Seq > 0 {
			lines = append([]string{fmt.Sprintf("%d. %s", e.Seq, lines[0])}, lines[1:]...)
		}
		c.shape(shapeSpec{name: "edge label " + e.ID, prst: "rect", r: e.LabelRect, fill: "FFFFFF", lines: lines, small: true})
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
	name, descr  string
	prst         string
	adj          int // roundRect corner adjust (1/100000 of the short side)
	rot          int // degrees
	r            scene.Rect
	fill, stroke string
	dash, double bool
	lines        []string
	sub          string
	bold, small  bool
	align        string // "ctr" (default) or "l"
	anchor       string // "ctr" (default) or "t"
	color        string
}

func (c *canvas) shape(s shapeSpec) {
	b := c.b
	x, y, w, h := c.x(s.r.X), c.y(s.r.Y), c.d(s.r.W), c.d(s.r.H)
	fmt.Fprintf(b, `<p:sp><p:nvSpPr><p:cNvPr id="%d" name="%s"`, c.id(), esc(s.name))
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
	align, anchor := firstNonEmpty(s.align, "ctr"), firstNonEmpty(s.anchor, "ctr")
	fmt.Fprintf(b, `<p:txBody><a:bodyPr wrap="none" lIns="0" tIns="0" rIns="0" bIns="0" anchor="%s" rtlCol="0"><a:noAutofit/></a:bodyPr><a:lstStyle/>`, anchor)
	size := c.fontSize(c.fs)
	if s.small {
		size = c.fontSize(c.fs * 0.85)
	}
	color := firstNonEmpty(s.color, "1F2328")
	for _, l := range s.lines {
		fmt.Fprintf(b, `<a:p><a:pPr algn="%s"><a:lnSpc><a:spcPct val="100000"/></a:lnSpc><a:buNone/></a:pPr>`, align)
		run(b, l, textStyle{lang: c.lang, size: size, color: color, bold: s.bold})
		b.WriteString(`</a:p>`)
	}
	if s.sub != "" {
		fmt.Fprintf(b, `<a:p><a:pPr algn="%s"><a:buNone/></a:pPr>`, align)
		run(b, s.sub, textStyle{lang: c.lang, size: c.fontSize(c.fs * 0.8), color: "59636E"})
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
