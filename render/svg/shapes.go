package svg

import (
	"encoding/base64"
	"math"
	"strconv"
	"strings"

	"github.com/archdoc/archdoc/render/measure"
	"github.com/archdoc/archdoc/render/scene"
)

// noteFold is the size of a note's folded corner.
const noteFold = 10

// unbroken is a label as the model writes it, for its tooltip: text and
// details before wrapping, or, for a scene laid out elsewhere (without
// them), the wrapped lines joined.
func unbroken(text string, details, wrapped []string) string {
	if text == "" {
		return measure.Unwrap(wrapped)
	}
	return measure.Unbroken(append([]string{text}, details...)...)
}

func (r *renderer) cluster(c scene.Cluster) {
	classes := "cluster " + cls(firstNonEmpty(c.Kind, "domain")) + r.groupClasses(c.Group) + r.markClass(c.ID)
	end := r.open("c-"+c.ID, classes, c.Link, firstNonEmpty(c.Tooltip, unbroken(c.Text, nil, c.Label)),
		"data-id", c.ID, "data-parent", c.Parent)
	x := c.Rect
	r.p(`<rect class="shape" x="` + num(x.X) + `" y="` + num(x.Y) + `" width="` + num(x.W) + `" height="` + num(x.H) + `" rx="8"/>` + "\n")
	if len(c.Label) > 0 {
		r.p(`<text class="label" x="` + num(c.LabelPos.X) + `">`)
		for i, line := range c.Label {
			r.tspan(c.LabelPos.X, c.LabelPos.Y+baseline(r.fs)+float64(i)*lineHeight*r.fs, line)
		}
		r.p("</text>\n")
	}
	r.p(end)
}

func (r *renderer) node(n scene.Node) {
	shape := firstNonEmpty(n.Shape, scene.ShapeBox)
	classes := "node " + cls(firstNonEmpty(n.Kind, shape)) + " shape-" + cls(shape) + r.groupClasses(n.Group) + r.markClass(n.ID)
	end := r.open("n-"+n.ID, classes, n.Link, firstNonEmpty(n.Tooltip, unbroken(n.Text, n.Details, n.Label)),
		"data-id", n.ID, "data-parent", n.Parent)
	x := n.Rect
	switch shape {
	case scene.ShapeActor:
		r.actor(n)
		r.p(end)
		return
	case scene.ShapeNote:
		f := math.Min(noteFold, math.Min(x.W, x.H)/3)
		r.p(`<path class="shape" d="M` + pt(x.X, x.Y) + ` H` + num(x.X+x.W-f) + ` L` + pt(x.X+x.W, x.Y+f) +
			` V` + num(x.Y+x.H) + ` H` + num(x.X) + ` Z"/>`)
		r.p(`<path class="fold" d="M` + pt(x.X+x.W-f, x.Y) + ` V` + num(x.Y+f) + ` H` + num(x.X+x.W) + `"/>` + "\n")
	case scene.ShapeExternal:
		r.rect("shape", x, 2)
		r.rect("inner", scene.Rect{X: x.X + 3, Y: x.Y + 3, W: x.W - 6, H: x.H - 6}, 0)
	case scene.ShapeDomain:
		r.rect("shape", x, 10)
	case scene.ShapeDatabase, scene.ShapeCache, scene.ShapeQueue, scene.ShapeGateway, scene.ShapeFrontend, scene.ShapeJob:
		r.kindOutline(shape, x)
	default:
		r.rect("shape", x, 6)
	}
	r.icon(n)
	if n.NameLines > 0 && n.NameLines < len(n.Label) {
		r.nameAndDetails(n)
	} else {
		t := n.TextRect()
		r.label(n.Label, n.Sub, t.X+t.W/2, t.Y, t.H)
	}
	r.p(end)
}

// icon draws a node's icon: a bundled one as its 24 x 24 path scaled into
// place, a user's file as an embedded image (data: URL, so the SVG
// stays one self-contained file).
func (r *renderer) icon(n scene.Node) {
	if n.Icon == nil {
		return
	}
	b := n.IconRect()
	box := `x="` + num(b.X) + `" y="` + num(b.Y) + `" width="` + num(b.W) + `" height="` + num(b.H) + `"`
	switch {
	case n.Icon.Path != "":
		// A transformed group, not a nested <svg>: tools that cut a page's
		// inline diagrams at "</svg>" keep working.
		r.p(`<g class="icon" transform="translate(` + num(b.X) + ` ` + num(b.Y) + `) scale(` + strconv.FormatFloat(b.W/24, 'f', 4, 64) + `)"><path`)
		r.attr("fill", n.Icon.Color)
		r.attr("d", n.Icon.Path)
		r.p("/></g>\n")
	case len(n.Icon.Image) > 0:
		r.p(`<image class="icon" ` + box)
		r.attr("href", "data:"+n.Icon.MIME+";base64,"+base64.StdEncoding.EncodeToString(n.Icon.Image))
		r.p("/>\n")
	}
}

// textPadX is the layout's room between a box's side and its text.
const textPadX = 12

// nameAndDetails draws a box whose label has details (a module's feature
// list): the name centred, a divider, then the details left-aligned so
// numbered lists read as lists.
func (r *renderer) nameAndDetails(n scene.Node) {
	x := n.TextRect()
	lh := lineHeight * r.fs
	name, details := n.Label[:n.NameLines], n.Label[n.NameLines:]
	total := float64(len(n.Label)) * lh
	if n.Sub != "" {
		total += lh * subScale
	}
	top := x.Y + (x.H-total)/2
	head := float64(len(name)) * lh
	if n.Sub != "" {
		head += lh * subScale
	}
	// The layout leaves padY (8pt) above and below the text; 2pt of it
	// on each side of the divider keeps the text off the line.
	const gap = 2
	r.label(name, n.Sub, x.X+x.W/2, top-gap, head)
	top += gap
	left := x.X + textPadX
	if n.Shape == scene.ShapeExternal {
		left += 4
	}
	r.p(`<path class="divider" d="M` + pt(x.X+6, top+head-gap) + ` H` + num(x.X+x.W-6) + `"/>`)
	r.p(`<text class="details" x="` + num(left) + `">`)
	for i, line := range details {
		r.tspan(left, top+head+float64(i)*lh+baseline(r.fs), line)
	}
	r.p("</text>\n")
}

// actor draws a stick figure filling the space above the label.
func (r *renderer) actor(n scene.Node) {
	x := n.Rect
	labelH := float64(len(n.Label)) * lineHeight * r.fs
	if n.Sub != "" {
		labelH += lineHeight * r.fs * subScale
	}
	figH := x.H - labelH - 4
	if figH < 2*r.fs {
		figH = 2 * r.fs
	}
	cx, top := x.X+x.W/2, x.Y
	head := figH * 0.14
	neck := top + 2*head
	hip := top + figH*0.62
	arms := top + figH*0.4
	arm := figH * 0.28
	leg := figH * 0.28
	r.p(`<rect class="hit" x="` + num(x.X) + `" y="` + num(x.Y) + `" width="` + num(x.W) + `" height="` + num(x.H) + `"/>`)
	r.p(`<circle class="shape" cx="` + num(cx) + `" cy="` + num(top+head) + `" r="` + num(head) + `"/>`)
	r.p(`<path class="figure" d="M` + pt(cx, neck) + ` V` + num(hip) +
		` M` + pt(cx-arm, arms) + ` H` + num(cx+arm) +
		` M` + pt(cx-leg, top+figH) + ` L` + pt(cx, hip) + ` L` + pt(cx+leg, top+figH) + `"/>` + "\n")
	r.label(n.Label, n.Sub, cx, top+figH+4, labelH)
}

func (r *renderer) rect(class string, x scene.Rect, rx float64) {
	r.p(`<rect class="` + class + `" x="` + num(x.X) + `" y="` + num(x.Y) + `" width="` + num(x.W) + `" height="` + num(x.H) + `"`)
	if rx > 0 {
		r.p(` rx="` + num(rx) + `"`)
	}
	r.p("/>\n")
}

// label writes the lines (and the smaller sub line) centred on cx and
// vertically centred in the band [top, top+h].
func (r *renderer) label(lines []string, sub string, cx, top, h float64) {
	lh := lineHeight * r.fs
	total := float64(len(lines)) * lh
	if sub != "" {
		total += lh * subScale
	}
	y := top + (h-total)/2
	if len(lines) > 0 {
		r.p(`<text class="label" x="` + num(cx) + `" text-anchor="middle">`)
		for i, line := range lines {
			r.tspan(cx, y+float64(i)*lh+baseline(r.fs), line)
		}
		r.p("</text>\n")
	}
	if sub != "" {
		sy := y + float64(len(lines))*lh + baseline(r.fs*subScale)
		r.p(`<text class="sub" x="` + num(cx) + `" y="` + num(sy) + `" text-anchor="middle" font-size="` + num(r.fs*subScale) + `">`)
		r.text(sub)
		r.p("</text>\n")
	}
}

func (r *renderer) tspan(x, y float64, s string) {
	r.p(`<tspan x="` + num(x) + `" y="` + num(y) + `">`)
	r.text(s)
	r.p("</tspan>")
}

// baseline is the offset from the top of a line box to the text baseline
// for a line of the given size (half-leading plus the ascent).
func baseline(fs float64) float64 {
	return (lineHeight-1)/2*fs + 0.88*fs
}

func (r *renderer) edge(e scene.Edge) {
	kind := firstNonEmpty(e.Kind, "flow")
	classes := "edge " + cls(kind)
	if e.Dashed || e.Async {
		classes += " dashed"
	}
	if e.Async {
		classes += " async"
	}
	classes += r.markClass(e.ID)
	tip := unbroken(e.Text, nil, e.Label)
	if e.Seq > 0 {
		tip = strconv.Itoa(e.Seq) + ". " + tip
	}
	r.p(`<g`)
	r.attr("id", "e-"+e.ID)
	r.attr("class", classes)
	r.attr("data-id", e.ID)
	r.attr("data-from", e.From)
	r.attr("data-to", e.To)
	if e.Seq > 0 {
		r.attr("data-seq", strconv.Itoa(e.Seq))
	}
	r.p(">")
	if strings.TrimSpace(tip) != "" {
		r.p("<title>")
		r.text(tip)
		r.p("</title>")
	}
	r.p("\n")
	end := "</g>\n"
	if href := r.href(e.Link); href != "" {
		r.p(`<a`)
		r.attr("href", href)
		r.p(">\n")
		end = "</a></g>\n"
		if len(e.Path) > 0 { // a wide invisible stroke: a 1.5 pt line is hard to hit
			r.p(`<path class="hit" d="` + pathData(e.Path) + `"/>` + "\n")
		}
	}
	if len(e.Path) > 0 {
		r.p(`<path class="line" d="` + pathData(e.Path) + `"`)
		switch {
		case e.Arrow && e.Async:
			r.p(` marker-end="url(#` + r.openArrowID() + `)"`)
		case e.Arrow:
			r.p(` marker-end="url(#` + r.arrowID() + `)"`)
		}
		r.p("/>\n")
	}
	if e.Seq > 0 && len(e.Path) > 0 {
		r.badge(e.Path[0], e.Seq)
	}
	if len(e.Label) > 0 && e.LabelRect.W > 0 {
		lr := e.LabelRect
		r.p(`<g class="edge-label">`)
		r.rect("label-bg", lr, 3)
		r.label(e.Label, "", lr.X+lr.W/2, lr.Y, lr.H)
		r.p("</g>\n")
	}
	r.p(end)
}

// badge draws the message number of a sequence step at its start.
func (r *renderer) badge(at scene.Point, seq int) {
	rad := r.fs * 0.62
	fs := r.fs * 0.75
	r.p(`<g class="seq"><circle cx="` + num(at.X) + `" cy="` + num(at.Y) + `" r="` + num(rad) + `"/>`)
	r.p(`<text x="` + num(at.X) + `" y="` + num(at.Y+fs*0.35) + `" text-anchor="middle" font-size="` + num(fs) + `">` + strconv.Itoa(seq) + "</text></g>\n")
}

// pathData turns P0 (C1 C2 P)* into an SVG path; a short tail that is not
// a whole triple is drawn as straight segments.
func pathData(p []scene.Point) string {
	var b strings.Builder
	b.WriteString("M" + pt(p[0].X, p[0].Y))
	i := 1
	for ; i+2 < len(p); i += 3 {
		b.WriteString(" C" + pt(p[i].X, p[i].Y) + " " + pt(p[i+1].X, p[i+1].Y) + " " + pt(p[i+2].X, p[i+2].Y))
	}
	for ; i < len(p); i++ {
		b.WriteString(" L" + pt(p[i].X, p[i].Y))
	}
	return b.String()
}

func pt(x, y float64) string { return num(x) + "," + num(y) }
