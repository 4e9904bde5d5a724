// Package mxfile writes scenes as an uncompressed diagrams.net (.drawio)
// file: one page per scene, positions from our layout, domains as
// containers holding their modules, actors as UML actors and edges as
// labelled connectors, so the result opens in diagrams.net and can be
// hand-tuned from there.
package mxfile

import (
	"bufio"
	"encoding/base64"
	"encoding/xml"
	"fmt"
	"html"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/archdoc/archdoc/render/scene"
)

// margin is the space left around a scene on its page.
const margin = 20

// Render writes all scenes into one .drawio file, one page each.
func Render(w io.Writer, scenes ...*scene.Scene) error {
	b := bufio.NewWriter(w)
	b.WriteString(`<mxfile host="archdoc" agent="archdoc" type="device">` + "\n")
	used := map[string]bool{}
	for _, s := range scenes {
		p := newPage(b, s)
		p.write(diagramID(s.ID, used))
	}
	b.WriteString("</mxfile>\n")
	return b.Flush()
}

// diagramID makes a unique page id from the view id.
func diagramID(id string, used map[string]bool) string {
	base := strings.NewReplacer("/", "-", " ", "-").Replace(id)
	if base == "" {
		base = "page"
	}
	v := base
	for i := 2; used[v]; i++ {
		v = base + "-" + strconv.Itoa(i)
	}
	used[v] = true
	return v
}

type page struct {
	b        *bufio.Writer
	s        *scene.Scene
	fs       float64
	clusters map[string]scene.Cluster
	children map[string][]scene.Cluster
	pal      map[string]int
}

func newPage(b *bufio.Writer, s *scene.Scene) *page {
	p := &page{b: b, s: s, fs: s.FontSize, clusters: map[string]scene.Cluster{},
		children: map[string][]scene.Cluster{}, pal: map[string]int{}}
	if p.fs <= 0 {
		p.fs = 14
	}
	for _, c := range s.Clusters {
		p.clusters[c.ID] = c
	}
	for _, c := range s.Clusters {
		parent := c.Parent
		if _, ok := p.clusters[parent]; !ok || parent == c.ID {
			parent = ""
		}
		p.children[parent] = append(p.children[parent], c)
	}
	slot := func(g string) {
		if _, ok := p.pal[g]; !ok && g != "" {
			p.pal[g] = s.GroupIndex(g) % len(palette) // same colour in every view
		}
	}
	for _, c := range s.Clusters {
		slot(c.Group)
	}
	for _, n := range s.Nodes {
		slot(n.Group)
	}
	return p
}

func (p *page) write(id string) {
	s := p.s
	pw := roundUp(s.Width+2*margin, 10)
	ph := roundUp(s.Height+2*margin, 10)
	p.raw(`<diagram`)
	p.attr("id", id)
	p.attr("name", firstNonEmpty(s.Title, s.ID))
	p.raw(">\n")
	p.raw(`<mxGraphModel dx="` + num(pw) + `" dy="` + num(ph) + `" grid="1" gridSize="10" guides="1" tooltips="1" connect="1" arrows="1" fold="1" page="1" pageScale="1" pageWidth="` +
		num(pw) + `" pageHeight="` + num(ph) + `" math="0" shadow="0">` + "\n<root>\n")
	p.raw(`<mxCell id="0"/>` + "\n" + `<mxCell id="1" parent="0"/>` + "\n")
	p.writeClusters("")
	for _, n := range s.Nodes {
		p.node(n)
	}
	for _, l := range s.Lifelines {
		p.lifeline(l)
	}
	for _, e := range s.Edges {
		p.edge(e)
	}
	p.raw("</root>\n</mxGraphModel>\n</diagram>\n")
}

// writeClusters writes containers depth-first so every parent precedes
// its children.
func (p *page) writeClusters(parent string) {
	for _, c := range p.children[parent] {
		p.cluster(c)
		p.writeClusters(c.ID)
	}
}

// cellParent returns the cell id of the enclosing container and the
// offset that makes a child's geometry relative to it.
func (p *page) cellParent(id string) (string, scene.Point) {
	c, ok := p.clusters[id]
	if !ok || id == "" {
		return "1", scene.Point{X: -margin, Y: -margin}
	}
	return "c-" + c.ID, scene.Point{X: c.Rect.X, Y: c.Rect.Y}
}

// ref is the cell id of the node or cluster with the given element id.
func (p *page) ref(id string) string {
	if _, ok := p.clusters[id]; ok {
		return "c-" + id
	}
	for _, n := range p.s.Nodes {
		if n.ID == id {
			return "n-" + id
		}
	}
	return ""
}

func (p *page) cluster(c scene.Cluster) {
	parent, off := p.cellParent(c.Parent)
	fill, stroke := p.colours(c.Group)
	style := "rounded=1;absoluteArcSize=1;arcSize=16;whiteSpace=wrap;html=1;container=1;collapsible=0;recursiveResize=0;" +
		"verticalAlign=top;align=left;spacingLeft=10;spacingTop=2;fontStyle=1;fillColor=" + fill + ";strokeColor=" + stroke + ";" + p.font()
	p.vertex("c-"+c.ID, htmlLines(unwrapped(c.Text, c.Label), ""), c.Tooltip, style, parent, rel(c.Rect, off))
}

func (p *page) node(n scene.Node) {
	parent, off := p.cellParent(n.Parent)
	_, stroke := p.colours(n.Group)
	r := rel(n.Rect, off)
	name, details := n.Label, []string(nil)
	if n.NameLines > 0 && n.NameLines < len(n.Label) {
		name, details = n.Label[:n.NameLines], n.Label[n.NameLines:]
	}
	if n.Text != "" {
		name, details = unwrapped(n.Text, nil), n.Details
	}
	label := htmlLines(name, n.Sub)
	if len(details) > 0 {
		// Name, a rule, then the details left-aligned, like diagrams.net's
		// own list shapes.
		label += `<hr size="1"><div style="text-align: left;">` + htmlLines(details, "") + `</div>`
	}
	var style string
	switch n.Shape {
	case scene.ShapeActor:
		style = "shape=umlActor;verticalLabelPosition=bottom;verticalAlign=top;html=1;outlineConnect=0;"
		r = p.actorFigure(n, r)
	case scene.ShapeNote:
		style = "shape=note;whiteSpace=wrap;html=1;size=12;backgroundOutline=1;fillColor=#fff8c5;strokeColor=#d4a72c;"
	case scene.ShapeExternal:
		style = "shape=ext;double=1;rounded=0;whiteSpace=wrap;html=1;fillColor=#f6f8fa;strokeColor=#59636e;"
	case scene.ShapeDomain:
		fill, _ := p.colours(n.Group)
		style = "rounded=1;absoluteArcSize=1;arcSize=20;whiteSpace=wrap;html=1;fontStyle=1;strokeWidth=2;fillColor=" + fill + ";strokeColor=" + stroke + ";"
	case scene.ShapeDatabase, scene.ShapeCache, scene.ShapeQueue, scene.ShapeGateway, scene.ShapeFrontend, scene.ShapeJob:
		style = kindStyles[n.Shape] + "whiteSpace=wrap;html=1;fillColor=#ffffff;strokeColor=" + stroke + ";"
	default:
		// An absolute arc keeps tall boxes (long feature lists) from
		// turning into pills.
		style = "rounded=1;absoluteArcSize=1;arcSize=12;whiteSpace=wrap;html=1;fillColor=#ffffff;strokeColor=" + stroke + ";"
	}
	p.vertex("n-"+n.ID, label, n.Tooltip, style+iconStyle(n.Icon)+p.font(), parent, r)
}

// kindStyles are diagrams.net's own shapes for the module kinds, sized
// like render/svg's (scene.CylinderCap, scene.SlantInset); boundedLbl
// keeps a cylinder's label off its ends. A queue is the cylinder turned
// to lie on its side, its face to the right.
var kindStyles = map[string]string{
	scene.ShapeDatabase: "shape=cylinder3;boundedLbl=1;backgroundOutline=1;size=6;",
	scene.ShapeCache:    "shape=cylinder3;boundedLbl=1;backgroundOutline=1;size=6;dashed=1;dashPattern=5 3;",
	scene.ShapeQueue:    "shape=cylinder3;direction=south;boundedLbl=1;backgroundOutline=1;size=6;",
	scene.ShapeGateway:  "shape=hexagon;perimeter=hexagonPerimeter2;fixedSize=1;size=12;",
	scene.ShapeFrontend: "shape=parallelogram;perimeter=parallelogramPerimeter;fixedSize=1;size=12;",
	scene.ShapeJob:      "shape=trapezoid;perimeter=trapezoidPerimeter;fixedSize=1;size=12;",
}

// iconStyle puts a node's icon in its own cell, as diagrams.net's label
// shape does: one shape per box, still editable. Style values cannot hold
// ";", so the data URL is diagrams.net's "data:TYPE,BASE64" form.
func iconStyle(i *scene.Icon) string {
	var mime string
	var data []byte
	switch {
	case i == nil:
		return ""
	case i.Path != "":
		mime = "image/svg+xml"
		var b strings.Builder
		b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path fill="`)
		xml.EscapeText(&b, []byte(i.Color))
		b.WriteString(`" d="`)
		xml.EscapeText(&b, []byte(i.Path))
		b.WriteString(`"/></svg>`)
		data = []byte(b.String())
	case len(i.Image) > 0:
		mime, data = i.MIME, i.Image
	default:
		return ""
	}
	return fmt.Sprintf("shape=label;image=data:%s,%s;imageWidth=%d;imageHeight=%d;imageAlign=left;imageVerticalAlign=middle;spacingLeft=%d;",
		mime, base64.StdEncoding.EncodeToString(data), scene.IconSize, scene.IconSize, scene.IconPad+scene.IconSize+scene.IconGap-12)
}

// actorFigure is the box of the stick figure: draw.io draws an actor's
// label below its geometry, so the geometry is the part above our label.
func (p *page) actorFigure(n scene.Node, r scene.Rect) scene.Rect {
	labelH := float64(len(n.Label)) * 1.3 * p.fs
	if n.Sub != "" {
		labelH += 1.3 * p.fs
	}
	h := math.Max(r.H-labelH-4, 30)
	h = math.Min(h, r.H)
	w := math.Min(h/2, r.W)
	return scene.Rect{X: r.X + (r.W-w)/2, Y: r.Y, W: w, H: h}
}

// vertex writes one vertex cell; with a tooltip it is wrapped in an
// <object>, which is how diagrams.net stores custom properties.
func (p *page) vertex(id, label, tooltip, style, parent string, r scene.Rect) {
	if tooltip != "" {
		p.raw(`<object`)
		p.attr("id", id)
		p.attr("label", label)
		p.attr("tooltip", html.EscapeString(tooltip)) // diagrams.net shows tooltips as (sanitised) HTML
		p.raw(`><mxCell`)
	} else {
		p.raw(`<mxCell`)
		p.attr("id", id)
		p.attr("value", label)
	}
	p.attr("style", style)
	p.raw(` vertex="1"`)
	p.attr("parent", parent)
	p.raw(`><mxGeometry x="` + num(r.X) + `" y="` + num(r.Y) + `" width="` + num(r.W) + `" height="` + num(r.H) + `" as="geometry"/></mxCell>`)
	if tooltip != "" {
		p.raw(`</object>`)
	}
	p.raw("\n")
}

func (p *page) font() string { return "fontSize=" + num(p.fs) + ";fontColor=#1f2328;" }

func (p *page) colours(group string) (fill, stroke string) {
	if group == "" {
		return "#f6f8fa", "#59636e"
	}
	c := palette[p.pal[group]]
	return c[0], c[1]
}

// palette matches the SVG renderer's light group colours.
var palette = [][2]string{
	{"#eef6ff", "#4a90e2"}, {"#effaf1", "#3fa55b"}, {"#fff8e6", "#d49a1a"}, {"#f5f0ff", "#8a63d2"},
	{"#fff0f0", "#d9534f"}, {"#eafaf8", "#21a79a"}, {"#fff3ea", "#e07b2a"}, {"#f3f5f8", "#6c7a89"},
}

// unwrapped is the model's text split at its own line breaks, when the
// scene has it: draw.io wraps the lines itself (whiteSpace=wrap), so a
// box resized in diagrams.net re-wraps and a re-import reads whole words.
// Without it (scenes built by hand), the wrapped lines.
func unwrapped(text string, wrapped []string) []string {
	if text == "" {
		return wrapped
	}
	return strings.Split(strings.TrimRight(text, "\n"), "\n")
}

// htmlLines is a label for an html=1 cell: each line HTML-escaped (model
// text is untrusted and diagrams.net renders these labels as HTML), lines
// joined with <br>; the sub line is smaller.
func htmlLines(lines []string, sub string) string {
	out := make([]string, 0, len(lines)+1)
	for _, l := range lines {
		out = append(out, html.EscapeString(l))
	}
	if sub != "" {
		out = append(out, `<font style="font-size: 11px;" color="#59636e">`+html.EscapeString(sub)+`</font>`)
	}
	return strings.Join(out, "<br>")
}

func rel(r scene.Rect, off scene.Point) scene.Rect {
	return scene.Rect{X: r.X - off.X, Y: r.Y - off.Y, W: r.W, H: r.H}
}

func (p *page) raw(s string) { p.b.WriteString(s) }

func (p *page) attr(name, value string) {
	p.raw(" " + name + `="`)
	xml.EscapeText(p.b, []byte(value))
	p.raw(`"`)
}

func num(f float64) string {
	f = math.Round(f*100) / 100
	if f == 0 {
		f = 0
	}
	return strconv.FormatFloat(f, 'f', -1, 64)
}

func roundUp(f, step float64) float64 { return math.Ceil(f/step) * step }

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}
