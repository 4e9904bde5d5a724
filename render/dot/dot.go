// Package dot writes a laid-out scene as a Graphviz DOT graph, for people
// who post-process diagrams with Graphviz. Positions from our layout are
// kept in pos attributes (Graphviz coordinates: points, y up), so
// `neato -n2` reproduces our layout while `dot` lays it out afresh.
package dot

import (
	"bufio"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/archdoc/archdoc/render/scene"
)

// Render writes s as a DOT digraph to w.
func Render(w io.Writer, s *scene.Scene) error {
	g := newGraph(s)
	b := bufio.NewWriter(w)
	g.write(b)
	return b.Flush()
}

type graph struct {
	s        *scene.Scene
	children map[string][]int // cluster id -> indexes of child clusters
	nodes    map[string][]int // cluster id ("" = top) -> indexes of nodes
	clusters map[string]bool
	anchors  map[string]string // cluster id -> node that stands for it at edge ends
}

func newGraph(s *scene.Scene) *graph {
	g := &graph{s: s, children: map[string][]int{}, nodes: map[string][]int{},
		clusters: map[string]bool{}, anchors: map[string]string{}}
	for _, c := range s.Clusters {
		g.clusters[c.ID] = true
	}
	for i, c := range s.Clusters {
		parent := c.Parent
		if !g.clusters[parent] {
			parent = ""
		}
		g.children[parent] = append(g.children[parent], i)
	}
	for i, n := range s.Nodes {
		parent := n.Parent
		if !g.clusters[parent] {
			parent = ""
		}
		g.nodes[parent] = append(g.nodes[parent], i)
	}
	return g
}

func (g *graph) write(b *bufio.Writer) {
	s := g.s
	b.WriteString("digraph " + quote(s.ID) + " {\n")
	b.WriteString("\tgraph [label=" + quote(first(s.Title, s.ID)) + ", labelloc=t, fontname=" + quote(fontName) +
		", fontsize=" + num(fontSize(s)) + ", compound=true, newrank=true, bb=" + quote("0,0,"+num(s.Width)+","+num(s.Height)) + "];\n")
	b.WriteString("\tnode [fontname=" + quote(fontName) + ", fontsize=" + num(fontSize(s)) + ", shape=box, style=\"rounded,filled\", fillcolor=white];\n")
	b.WriteString("\tedge [fontname=" + quote(fontName) + ", fontsize=" + num(fontSize(s)*0.9) + "];\n")
	if s.Kind == scene.KindSequence {
		b.WriteString("\trankdir=LR;\n")
	}
	g.writeLevel(b, "", "\t")
	for _, e := range s.Edges {
		g.writeEdge(b, e)
	}
	b.WriteString("}\n")
}

// writeLevel writes the nodes and sub-clusters of one cluster level.
func (g *graph) writeLevel(b *bufio.Writer, parent, indent string) {
	for _, i := range g.nodes[parent] {
		g.writeNode(b, g.s.Nodes[i], indent)
	}
	for _, i := range g.children[parent] {
		c := g.s.Clusters[i]
		b.WriteString(indent + "subgraph " + quote("cluster_"+c.ID) + " {\n")
		in := indent + "\t"
		b.WriteString(in + "label=" + quote(strings.Join(c.Label, "\n")) + "; labeljust=l; style=\"rounded,filled\"; fillcolor=" + quote(clusterFill) + ";\n")
		b.WriteString(in + "id=" + quote("c-"+c.ID) + "; bb=" + g.bb(c.Rect) + ";\n")
		if c.Tooltip != "" {
			b.WriteString(in + "tooltip=" + quote(c.Tooltip) + ";\n")
		}
		g.writeLevel(b, c.ID, in)
		if g.needsAnchor(c.ID) {
			a := c.ID + "__anchor"
			g.anchors[c.ID] = a
			p := c.Rect.Center()
			b.WriteString(in + quote(a) + " [shape=point, style=invis, width=0.01, label=\"\", pos=" + g.pos(p) + "];\n")
		}
		b.WriteString(indent + "}\n")
	}
}

// needsAnchor reports whether an edge ends at cluster id: Graphviz edges
// join nodes, so such an edge is drawn to a node inside the cluster and
// clipped at the cluster border with lhead/ltail.
func (g *graph) needsAnchor(id string) bool {
	for _, e := range g.s.Edges {
		if e.From == id || e.To == id {
			return true
		}
	}
	return false
}

func (g *graph) writeNode(b *bufio.Writer, n scene.Node, indent string) {
	attrs := []string{
		"id=" + quote("n-"+n.ID),
		"label=" + quote(nodeLabel(n)),
		"pos=" + g.pos(n.Rect.Center()),
		"width=" + num(n.Rect.W/72),
		"height=" + num(n.Rect.H/72),
	}
	switch n.Shape {
	case scene.ShapeActor:
		attrs = append(attrs, "shape=ellipse", "style=solid")
	case scene.ShapeNote:
		attrs = append(attrs, "shape=note", `style=filled`, `fillcolor="#fff8c5"`)
	case scene.ShapeExternal:
		attrs = append(attrs, "peripheries=2", `style=filled`, `fillcolor="#f6f8fa"`)
	case scene.ShapeDomain:
		attrs = append(attrs, "shape=box3d")
	default:
		attrs = append(attrs, kindAttrs(n)...)
	}
	if n.Tooltip != "" {
		attrs = append(attrs, "tooltip="+quote(n.Tooltip))
	}
	if n.Kind != "" {
		attrs = append(attrs, "class="+quote(n.Kind))
	}
	b.WriteString(indent + quote(n.ID) + " [" + strings.Join(attrs, ", ") + "];\n")
}

// kindAttrs are Graphviz's shapes for the module kinds, kept to the
// node's box (fixedsize: Graphviz would widen a slanted shape around the
// label) and slanted like render/svg's (scene.SlantInset). Graphviz has
// no cylinder lying down: a queue is its "cds" tag, as Mermaid's is a flag.
func kindAttrs(n scene.Node) []string {
	slant := num(math.Round(2*scene.SlantInset/math.Max(n.Rect.W, 1)*1000) / 1000)
	switch n.Shape {
	case scene.ShapeDatabase:
		return []string{"shape=cylinder", "style=filled", "fixedsize=true"}
	case scene.ShapeCache:
		return []string{"shape=cylinder", `style="dashed,filled"`, "fixedsize=true"}
	case scene.ShapeQueue:
		return []string{"shape=cds", "style=filled", "fixedsize=true"}
	case scene.ShapeGateway:
		return []string{"shape=hexagon", "style=filled", "fixedsize=true"}
	case scene.ShapeFrontend:
		return []string{"shape=polygon", "sides=4", "skew=" + slant, "style=filled", "fixedsize=true"}
	case scene.ShapeJob:
		return []string{"shape=polygon", "sides=4", "distortion=-" + slant, "style=filled", "fixedsize=true"}
	}
	return nil
}

func nodeLabel(n scene.Node) string {
	l := strings.Join(n.Label, "\n")
	if n.Sub != "" {
		l += "\n" + n.Sub
	}
	return l
}

func (g *graph) writeEdge(b *bufio.Writer, e scene.Edge) {
	from, to := e.From, e.To
	attrs := []string{"id=" + quote("e-"+e.ID)}
	if a, ok := g.anchors[from]; ok {
		from = a
		attrs = append(attrs, "ltail="+quote("cluster_"+e.From))
	}
	if a, ok := g.anchors[to]; ok {
		to = a
		attrs = append(attrs, "lhead="+quote("cluster_"+e.To))
	}
	label := strings.Join(e.Label, "\n")
	if e.Seq > 0 {
		label = strconv.Itoa(e.Seq) + ". " + label
	}
	if label != "" {
		attrs = append(attrs, "label="+quote(label))
		if e.LabelRect.W > 0 {
			attrs = append(attrs, "lp="+g.pos(e.LabelRect.Center()))
		}
	}
	if pos := g.splinePos(e); pos != "" {
		attrs = append(attrs, "pos="+quote(pos))
	}
	if e.Dashed || e.Async {
		attrs = append(attrs, "style=dashed")
	}
	switch {
	case !e.Arrow:
		attrs = append(attrs, "arrowhead=none")
	case e.Async: // the sender does not wait: Graphviz's open-looking head
		attrs = append(attrs, "arrowhead=vee")
	}
	if e.Kind != "" {
		attrs = append(attrs, "class="+quote(e.Kind))
	}
	b.WriteString("\t" + quote(from) + " -> " + quote(to) + " [" + strings.Join(attrs, ", ") + "];\n")
}

// splinePos turns the edge's Bézier path into a Graphviz spline. With an
// arrow, Graphviz wants the spline to stop short of the tip and the tip
// given as "e,x,y", so the last segment is pulled back by the arrow length.
func (g *graph) splinePos(e scene.Edge) string {
	if len(e.Path) < 4 || (len(e.Path)-1)%3 != 0 {
		return ""
	}
	pts := append([]scene.Point(nil), e.Path...)
	prefix := ""
	if e.Arrow {
		if back, ok := pullBack(pts); ok {
			end := pts[len(pts)-1]
			prefix = "e," + num(end.X) + "," + num(g.s.Height-end.Y) + " "
			pts = back
		}
	}
	s := make([]string, len(pts))
	for i, p := range pts {
		s[i] = num(p.X) + "," + num(g.s.Height-p.Y)
	}
	return prefix + strings.Join(s, " ")
}

// pullBack shortens the last Bézier segment by up to an arrow length
// along its end direction, keeping its control points behind the new end.
func pullBack(path []scene.Point) ([]scene.Point, bool) {
	n := len(path)
	end, start := path[n-1], path[n-4]
	dx, dy := end.X-start.X, end.Y-start.Y
	d := math.Hypot(dx, dy)
	if d < 1 {
		return nil, false
	}
	ux, uy := dx/d, dy/d
	l := math.Min(arrowLen, d)
	out := append([]scene.Point(nil), path...)
	back := scene.Point{X: end.X - ux*l, Y: end.Y - uy*l}
	out[n-1] = back
	for _, i := range []int{n - 3, n - 2} {
		p := out[i]
		if (p.X-back.X)*ux+(p.Y-back.Y)*uy > 0 { // past the new end
			out[i] = back
		}
	}
	return out, true
}

// arrowLen is Graphviz's default arrow head length in points.
const arrowLen = 10

// bb is a cluster's bounding box in Graphviz coordinates (points, y up).
func (g *graph) bb(r scene.Rect) string {
	return quote(num(r.X) + "," + num(g.s.Height-r.Y-r.H) + "," + num(r.X+r.W) + "," + num(g.s.Height-r.Y))
}

// pos formats a scene point as a Graphviz position (y flipped, pinned).
func (g *graph) pos(p scene.Point) string {
	return quote(num(p.X) + "," + num(g.s.Height-p.Y) + "!")
}

const (
	fontName    = "Noto Sans CJK SC"
	clusterFill = "#f6f8fa"
)

func fontSize(s *scene.Scene) float64 {
	if s.FontSize > 0 {
		return s.FontSize
	}
	return 14
}

// quote makes a DOT double-quoted string. Inside one, only `"` needs a
// backslash; a backslash itself is doubled so it cannot form an escape
// such as \N or \G, and newlines (CR LF and a lone CR too) become \n
// (centred line break). Graphviz reads "&name;" as an entity and writes
// "&;" into its SVG as it is, so & is written as &amp;.
func quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range crToLF.Replace(s) {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case 0:
		default:
			if r < 0x20 {
				b.WriteByte(' ')
				continue
			}
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

var crToLF = strings.NewReplacer("\r\n", "\n", "\r", "\n")

func num(f float64) string {
	f = math.Round(f*100) / 100
	if f == 0 {
		f = 0
	}
	return strconv.FormatFloat(f, 'f', -1, 64)
}

func first(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}
