package drawio

import (
	"fmt"
	"html"
	"math"
	"strconv"
	"strings"

	"github.com/archdoc/archdoc/internal/lazyre"
)

// rect is an axis-aligned box in page coordinates.
type rect struct{ x, y, w, h float64 }

func (r rect) area() float64 { return r.w * r.h }

// contains reports whether o lies inside r (with a small tolerance for
// hand-placed shapes that overlap a border by a pixel or two).
func (r rect) contains(o rect) bool {
	const tol = 2
	return o.x >= r.x-tol && o.y >= r.y-tol && o.x+o.w <= r.x+r.w+tol && o.y+o.h <= r.y+r.h+tol
}

func (r rect) containsPoint(x, y float64) bool {
	return x >= r.x && y >= r.y && x <= r.x+r.w && y <= r.y+r.h
}

// gap is the distance between two boxes' borders, 0 if they overlap.
func (r rect) gap(o rect) float64 {
	dx := max(0, max(o.x-(r.x+r.w), r.x-(o.x+o.w)))
	dy := max(0, max(o.y-(r.y+r.h), r.y-(o.y+o.h)))
	return math.Hypot(dx, dy)
}

// inset is how far o lies inside r from r's nearest border.
func (r rect) inset(o rect) float64 {
	return min(o.x-r.x, o.y-r.y, r.x+r.w-(o.x+o.w), r.y+r.h-(o.y+o.h))
}

// point is an edge's loose end (sourcePoint/targetPoint).
type point struct{ x, y float64 }

// cell is one mxCell (possibly wrapped in <object>/<UserObject>).
type cell struct {
	id, parent     string
	value          string
	tooltip        string // <object tooltip="...">: a description
	style          style
	vertex, edge   bool
	source, target string
	geo            rect
	hasGeo         bool
	relative       bool // geometry relative to a parent edge (edge labels)
	srcPt, tgtPt   *point
	order          int     // document order
	line           int     // line in the (page) XML
	c4             *c4Info // a shape of draw.io's C4 library
}

// c4Info is what draw.io's C4 shapes keep in their <object>'s
// attributes; the label only shows them through %c4Name% placeholders.
type c4Info struct {
	typ, name, tech, desc string
}

// style is a parsed draw.io style string: "name;key=value;...".
type style struct {
	names map[string]bool   // bare tokens such as "text", "edgeLabel", "swimlane"
	kv    map[string]string // key=value pairs
}

func parseStyle(s string) style {
	st := style{names: map[string]bool{}, kv: map[string]string{}}
	for _, part := range strings.Split(s, ";") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		if k, v, ok := strings.Cut(part, "="); ok {
			st.kv[k] = v
		} else {
			st.names[part] = true
		}
	}
	return st
}

func (s style) is(name string) bool { return s.names[name] }
func (s style) get(k string) string { return s.kv[k] }

// shape is the cell's shape: the shape= key, else the bare style name.
func (s style) shape() string {
	if v := s.kv["shape"]; v != "" {
		return v
	}
	for _, n := range []string{"text", "edgeLabel", "swimlane", "ellipse", "rhombus", "group", "line", "label", "image", "triangle", "cloud", "cylinder", "umlActor"} {
		if s.names[n] {
			return n
		}
	}
	return ""
}

func (c *cell) isHTML() bool { return c.style.get("html") == "1" }

// label is the cell's text; a C4 shape's is its name (a relationship's
// its description): the rest of its label repeats its type and details.
func (c *cell) label() label {
	switch {
	case c.c4 != nil && c.vertex && c.c4.name != "":
		return label{lines: []string{c.c4.name}, listItem: []bool{false}}
	case c.c4 != nil && c.edge:
		return parseLabel(c.c4.desc, false)
	}
	return parseLabel(c.value, c.isHTML())
}

// c4Description is a C4 element's description and technology.
func c4Description(c *c4Info) string {
	switch {
	case c.tech == "":
		return c.desc
	case c.desc == "":
		return "Technology: " + c.tech
	}
	return c.desc + "\n\nTechnology: " + c.tech
}

// readCells collects the cells of an <mxGraphModel>.
func readCells(gm *xnode) ([]*cell, error) {
	root := gm.child("root")
	if root == nil {
		return nil, fmt.Errorf("line %d: <mxGraphModel> has no <root>", gm.line)
	}
	var cells []*cell
	seen := map[string]bool{}
	for _, n := range root.children {
		c := cellOf(n)
		if c == nil {
			continue
		}
		if c.id == "" {
			return nil, fmt.Errorf("line %d: cell without an id", n.line)
		}
		if seen[c.id] {
			return nil, fmt.Errorf("line %d: duplicate cell id %q", n.line, c.id)
		}
		seen[c.id] = true
		c.order = len(cells)
		cells = append(cells, c)
	}
	return cells, nil
}

// cellOf reads <mxCell> or an <object>/<UserObject> wrapper whose label
// and id sit on the wrapper and the rest on the inner mxCell.
func cellOf(n *xnode) *cell {
	mx, id, value, tooltip := n, n.attr("id"), n.attr("value"), ""
	switch n.name {
	case "mxCell":
	case "object", "UserObject":
		mx = n.child("mxCell")
		if mx == nil {
			return nil
		}
		value, tooltip = n.attr("label"), cleanSpace(n.attr("tooltip"))
		if n.attr("placeholders") == "1" {
			value = substitute(value, n, strings.Contains(mx.attr("style"), "html=1"))
		}
	default:
		return nil
	}
	c := &cell{
		id: id, parent: mx.attr("parent"), value: value, tooltip: tooltip,
		style: parseStyle(mx.attr("style")), line: n.line,
		vertex: mx.attr("vertex") == "1", edge: mx.attr("edge") == "1",
		source: mx.attr("source"), target: mx.attr("target"),
	}
	if t := n.attr("c4Type"); t != "" && n.name != "mxCell" {
		c.c4 = &c4Info{typ: t, name: cleanSpace(n.attr("c4Name")), tech: cleanSpace(n.attr("c4Technology")),
			desc: strings.TrimSpace(n.attr("c4Description"))}
		if c.vertex && c.c4.name != "" {
			c.tooltip = c4Description(c.c4)
		}
	}
	if g := mx.child("mxGeometry"); g != nil {
		c.geo = rect{num(g.attr("x")), num(g.attr("y")), num(g.attr("width")), num(g.attr("height"))}
		c.hasGeo = true
		c.relative = g.attr("relative") == "1"
		for _, p := range g.children {
			if p.name != "mxPoint" {
				continue
			}
			pt := &point{num(p.attr("x")), num(p.attr("y"))}
			switch p.attr("as") {
			case "sourcePoint":
				c.srcPt = pt
			case "targetPoint":
				c.tgtPt = pt
			}
		}
	}
	return c
}

// num parses a coordinate; garbage and non-finite values count as 0 so
// a hostile file cannot poison the geometry with NaN.
func num(s string) float64 {
	f, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil || f != f || f > 1e9 || f < -1e9 {
		return 0
	}
	return f
}

// placeholder is draw.io's %name% in a label with placeholders=1.
var placeholder = lazyre.New(`%([A-Za-z_][A-Za-z0-9_]*)%`)

// substitute fills a label's placeholders from the object's attributes,
// as draw.io does when it draws it; unknown ones become empty, as there.
func substitute(label string, n *xnode, isHTML bool) string {
	return placeholder().ReplaceAllStringFunc(label, func(m string) string {
		v := n.attr(m[1 : len(m)-1])
		if isHTML {
			v = html.EscapeString(v)
		}
		return v
	})
}
