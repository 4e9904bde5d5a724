package mxfile

import (
	"encoding/xml"
	"fmt"
	"strconv"
)

// This file is a small diagrams.net-style reader used by the tests: it
// loads an uncompressed .drawio file the way mxGraph's codec does (cells in
// document order, <object>/<UserObject> wrapping an mxCell) and checks the
// rules diagrams.net relies on.

type xmlNode struct {
	XMLName  xml.Name
	Attrs    []xml.Attr `xml:",any,attr"`
	Children []xmlNode  `xml:",any"`
}

func (n xmlNode) attr(name string) string {
	for _, a := range n.Attrs {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

func (n xmlNode) child(name string) (xmlNode, bool) {
	for _, c := range n.Children {
		if c.XMLName.Local == name {
			return c, true
		}
	}
	return xmlNode{}, false
}

// cell is one mxCell as diagrams.net sees it.
type cell struct {
	ID, Parent, Value, Style, Source, Target, Tooltip string
	Vertex, Edge                                      bool
	Geo                                               *geometry
}

type geometry struct {
	X, Y, W, H float64
	Relative   bool
	Points     int
}

type drawioPage struct {
	ID, Name      string
	Width, Height float64
	Cells         []cell
}

// readDrawio parses a .drawio file into pages of cells.
func readDrawio(data []byte) ([]drawioPage, error) {
	var f xmlNode
	if err := xml.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf("not XML: %v", err)
	}
	if f.XMLName.Local != "mxfile" {
		return nil, fmt.Errorf("root element is <%s>, want <mxfile>", f.XMLName.Local)
	}
	var pages []drawioPage
	for _, d := range f.Children {
		if d.XMLName.Local != "diagram" {
			return nil, fmt.Errorf("unexpected <%s> in <mxfile>", d.XMLName.Local)
		}
		m, ok := d.child("mxGraphModel")
		if !ok {
			return nil, fmt.Errorf("diagram %q: no uncompressed <mxGraphModel>", d.attr("name"))
		}
		root, ok := m.child("root")
		if !ok {
			return nil, fmt.Errorf("diagram %q: no <root>", d.attr("name"))
		}
		p := drawioPage{ID: d.attr("id"), Name: d.attr("name"), Width: atof(m.attr("pageWidth")), Height: atof(m.attr("pageHeight"))}
		for _, c := range root.Children {
			cl, err := readCell(c)
			if err != nil {
				return nil, fmt.Errorf("diagram %q: %v", p.Name, err)
			}
			p.Cells = append(p.Cells, cl)
		}
		pages = append(pages, p)
	}
	return pages, nil
}

func readCell(n xmlNode) (cell, error) {
	c := cell{ID: n.attr("id")}
	mx := n
	switch n.XMLName.Local {
	case "mxCell":
		c.Value = n.attr("value")
	case "object", "UserObject":
		inner, ok := n.child("mxCell")
		if !ok {
			return c, fmt.Errorf("<%s id=%q> without mxCell", n.XMLName.Local, c.ID)
		}
		mx = inner
		c.Value, c.Tooltip = n.attr("label"), n.attr("tooltip")
	default:
		return c, fmt.Errorf("unexpected <%s> in <root>", n.XMLName.Local)
	}
	c.Parent, c.Style = mx.attr("parent"), mx.attr("style")
	c.Source, c.Target = mx.attr("source"), mx.attr("target")
	c.Vertex, c.Edge = mx.attr("vertex") == "1", mx.attr("edge") == "1"
	if g, ok := mx.child("mxGeometry"); ok {
		c.Geo = &geometry{X: atof(g.attr("x")), Y: atof(g.attr("y")), W: atof(g.attr("width")), H: atof(g.attr("height")),
			Relative: g.attr("relative") == "1"}
		if a, ok := g.child("Array"); ok {
			c.Geo.Points = len(a.Children)
		}
	}
	return c, nil
}

func atof(s string) float64 {
	f, _ := strconv.ParseFloat(s, 64)
	return f
}

// checkPage returns every rule of diagrams.net's model the page breaks:
// cells 0 and 1, unique ids, parents before children, vertices inside the
// page (absolute position through their containers), edge ends naming cells.
func checkPage(p drawioPage) []string {
	var errs []string
	bad := func(format string, a ...any) { errs = append(errs, p.Name+": "+fmt.Sprintf(format, a...)) }
	if len(p.Cells) < 2 || p.Cells[0].ID != "0" || p.Cells[0].Parent != "" || p.Cells[1].ID != "1" || p.Cells[1].Parent != "0" {
		bad("cells 0 and 1 (root and default layer) must come first")
	}
	seen := map[string]cell{}
	abs := map[string][2]float64{} // vertex id -> absolute top-left
	for _, c := range p.Cells {
		if c.ID == "" {
			bad("cell without id")
		}
		if _, dup := seen[c.ID]; dup {
			bad("duplicate id %q", c.ID)
		}
		if c.ID != "0" {
			if _, ok := seen[c.Parent]; !ok {
				bad("cell %q: parent %q does not come before it", c.ID, c.Parent)
			}
		}
		seen[c.ID] = c
		if c.Vertex && c.Geo != nil && !c.Geo.Relative {
			ox, oy := 0.0, 0.0
			if o, ok := abs[c.Parent]; ok {
				ox, oy = o[0], o[1]
			}
			x, y := ox+c.Geo.X, oy+c.Geo.Y
			abs[c.ID] = [2]float64{x, y}
			if x < 0 || y < 0 || x+c.Geo.W > p.Width+0.01 || y+c.Geo.H > p.Height+0.01 {
				bad("vertex %q at (%g,%g %gx%g) lies outside the %gx%g page", c.ID, x, y, c.Geo.W, c.Geo.H, p.Width, p.Height)
			}
		}
	}
	for _, c := range p.Cells {
		if !c.Edge {
			continue
		}
		for _, end := range []string{c.Source, c.Target} {
			if end == "" {
				continue
			}
			if t, ok := seen[end]; !ok || t.ID == "0" || t.ID == "1" {
				bad("edge %q names missing cell %q", c.ID, end)
			}
		}
	}
	return errs
}

func cellByID(p drawioPage, id string) (cell, bool) {
	for _, c := range p.Cells {
		if c.ID == id {
			return c, true
		}
	}
	return cell{}, false
}
