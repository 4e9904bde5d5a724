package drawio

import (
	"fmt"
	"sort"
	"strings"
)

// role is what a vertex is in the diagram's vocabulary.
type role int

const (
	roleNone      role = iota // layers, groups, decoration: not an element
	roleActor                 // shape=umlActor
	roleText                  // free text: a note, or the name of a box
	roleBox                   // anything else with a border: domain or module
	roleEdgeLabel             // text that belongs to an edge
)

// shape is a vertex under analysis.
type shape struct {
	c         *cell
	role      role
	abs       rect // page coordinates
	lb        label
	container *shape   // innermost enclosing box
	children  []*shape // shapes whose container this is
	holds     bool     // a container: holds boxes or actors, or says so in its style
	nameFrom  *shape   // text shape that names this unlabelled box
	namedBox  *shape   // for a text consumed as a box's name: that box
	placeName bool     // name is a placeholder
	used      bool     // consumed by another element (name, features, note)
}

// analysis is one page's cells, classified and nested.
type analysis struct {
	cells  map[string]*cell
	shapes map[string]*shape
	order  []*shape // vertices in document order
	edges  []*cell
	labels map[string][]*shape // edge id -> its label vertices
	layers map[string]bool     // cells draw.io treats as layers
	// skipped are shapes no drawing shows: "draw.io <id>: why".
	skipped []string
}

func analyse(cells []*cell, lim Limits) (*analysis, error) {
	a := &analysis{cells: map[string]*cell{}, shapes: map[string]*shape{}, labels: map[string][]*shape{}, layers: map[string]bool{}}
	for _, c := range cells {
		a.cells[c.id] = c
	}
	// draw.io draws the children of the root cell as layers, whatever
	// they say: LikeC4's export gives its layer a size and a style.
	for _, c := range cells {
		if p := a.cells[c.parent]; p != nil && p.parent == "" {
			a.layers[c.id] = true
		}
	}
	vertices := 0
	for _, c := range cells {
		switch {
		case c.edge:
			a.edges = append(a.edges, c)
		case c.vertex:
			vertices++
			s := &shape{c: c, lb: c.label()}
			a.shapes[c.id] = s
			a.order = append(a.order, s)
		}
	}
	if vertices > lim.MaxShapes {
		return nil, fmt.Errorf("page has %d shapes; the importer handles at most %d", vertices, lim.MaxShapes)
	}
	for _, s := range a.order {
		s.role = a.roleOf(s)
		if s.role != roleNone && s.role != roleEdgeLabel {
			if why := a.unreachable(s.c); why != "" {
				s.role = roleNone
				a.skipped = append(a.skipped, fmt.Sprintf("draw.io %s: %s", s.c.id, why))
			}
		}
		s.abs = a.absolute(s.c)
		if s.role == roleEdgeLabel {
			a.labels[s.c.parent] = append(a.labels[s.c.parent], s)
		}
	}
	a.nest()
	a.markContainers()
	a.nameBoxes()
	return a, nil
}

func (a *analysis) roleOf(s *shape) role {
	c := s.c
	if p := a.cells[c.parent]; p != nil && p.edge {
		return roleEdgeLabel
	}
	if c.parent == "" || a.layers[c.id] {
		return roleNone // a layer, or a vertex outside every layer: never drawn as a shape
	}
	if c.c4 != nil && c.c4.typ == "Person" || personShapes[c.style.shape()] || strings.HasPrefix(c.style.shape(), "mxgraph.c4.person") {
		return roleActor
	}
	switch sh := c.style.shape(); sh {
	case "umlActor", "actor":
		return roleActor
	case "text", "edgeLabel", "note":
		return roleText
	case "group", "line", "image":
		if s.lb.empty() {
			return roleNone
		}
	}
	if c.style.get("strokeColor") == "none" && (c.style.get("fillColor") == "none" || c.style.get("fillColor") == "") && !s.lb.empty() {
		return roleText // a borderless label is text, whatever its shape
	}
	return roleBox
}

// personShapes are the stencils of people in draw.io's libraries.
var personShapes = map[string]bool{"mxgraph.aws4.user": true, "mxgraph.aws4.users": true,
	"mxgraph.azure.user": true, "mxgraph.basic.person": true, "mxgraph.gcp2.user": true}

// unreachable says why draw.io would not draw c: its parents loop or
// one is missing, so it hangs under no layer ("" if it is drawn).
func (a *analysis) unreachable(c *cell) string {
	seen := map[string]bool{}
	for p := c; p != nil; p = a.cells[p.parent] {
		if p.parent == "" {
			return ""
		}
		if seen[p.id] {
			return "its parents form a cycle (" + p.id + "), so draw.io does not draw it"
		}
		seen[p.id] = true
		if a.cells[p.parent] == nil {
			return fmt.Sprintf("its parent %q does not exist, so draw.io does not draw it", p.parent)
		}
	}
	return ""
}

// absolute returns c's box in page coordinates: draw.io stores children
// of vertices (groups, containers) relative to their parent.
func (a *analysis) absolute(c *cell) rect {
	r := c.geo
	seen := map[string]bool{c.id: true}
	for p := a.cells[c.parent]; p != nil && p.vertex && !seen[p.id] && !a.layers[p.id]; p = a.cells[p.parent] {
		seen[p.id] = true
		r.x += p.geo.x
		r.y += p.geo.y
	}
	return r
}

// nest finds each shape's container: the nearest box among its explicit
// parents, else the smallest box that geometrically holds it.
func (a *analysis) nest() {
	var boxes []*shape
	for _, s := range a.order {
		if s.role == roleBox {
			boxes = append(boxes, s)
		}
	}
	for _, s := range a.order {
		if s.role == roleNone || s.role == roleEdgeLabel {
			continue
		}
		s.container = a.explicitContainer(s)
		if s.container == nil {
			s.container = smallestHolder(boxes, s)
		}
		if s.container != nil {
			s.container.children = append(s.container.children, s)
		}
	}
}

func (a *analysis) explicitContainer(s *shape) *shape {
	seen := map[string]bool{s.c.id: true}
	for p := a.cells[s.c.parent]; p != nil && p.vertex && !seen[p.id]; p = a.cells[p.parent] {
		seen[p.id] = true
		if ps := a.shapes[p.id]; ps != nil && ps.role == roleBox {
			return ps
		}
	}
	return nil
}

func smallestHolder(boxes []*shape, s *shape) *shape {
	var best *shape
	for _, b := range boxes {
		if b == s || b.abs.area() <= s.abs.area() || !b.abs.contains(s.abs) {
			continue
		}
		if best == nil || b.abs.area() < best.abs.area() {
			best = b
		}
	}
	// A box nested in s would make a cycle; geometry rules that out
	// because containers are strictly larger, explicit parents do not.
	for p := best; p != nil; p = p.container {
		if p == s {
			return nil
		}
	}
	return best
}

func (a *analysis) markContainers() {
	for _, s := range a.order {
		if s.role != roleBox {
			continue
		}
		st := s.c.style
		s.holds = st.get("container") == "1" || st.shape() == "swimlane" ||
			s.c.c4 != nil && strings.HasSuffix(s.c.c4.typ, "Boundary") // C4 system and container boundaries
		for _, ch := range s.children {
			if ch.role == roleBox || ch.role == roleActor {
				s.holds = true
			}
		}
	}
}

// nameBoxes gives unlabelled boxes the text of their first text child
// (top to bottom, left to right), the way people label a box by
// dropping a text shape into its corner.
func (a *analysis) nameBoxes() {
	for _, s := range a.order {
		if s.role != roleBox || !s.lb.empty() {
			continue
		}
		var texts []*shape
		for _, ch := range s.children {
			if ch.role == roleText && !ch.lb.empty() && !ch.used {
				texts = append(texts, ch)
			}
		}
		if len(texts) == 0 {
			continue
		}
		sortByPosition(texts)
		t := texts[0]
		t.used, t.namedBox, s.nameFrom = true, s, t
	}
	for _, s := range a.order {
		if s.role == roleBox && s.lb.empty() && s.nameFrom == nil {
			if t := a.caption(s); t != nil {
				t.used, t.namedBox, s.nameFrom = true, s, t
			}
		}
	}
}

// captionGap is how far a caption may sit from its icon.
const captionGap = 24

// caption is the free text right below or beside an unlabelled shape
// (an icon with its name in a text cell under it), or nil.
func (a *analysis) caption(s *shape) *shape {
	var best *shape
	bestD := 0.0
	for _, t := range a.order {
		if t.role != roleText || t.used || t.lb.empty() || t.container != s.container || t.lb.prose() {
			continue
		}
		below := t.abs.y >= s.abs.y+s.abs.h-captionGap/2 && overlaps(t.abs.x, t.abs.w, s.abs.x, s.abs.w)
		beside := overlaps(t.abs.y, t.abs.h, s.abs.y, s.abs.h) && (t.abs.x >= s.abs.x+s.abs.w-2 || t.abs.x+t.abs.w <= s.abs.x+2)
		d := s.abs.gap(t.abs)
		if (below || beside) && d <= captionGap && (best == nil || d < bestD) {
			best, bestD = t, d
		}
	}
	return best
}

// overlaps reports whether [a, a+aw] and [b, b+bw] share some length.
func overlaps(a, aw, b, bw float64) bool { return a < b+bw && b < a+aw }

// shapeName names an unlabelled icon from its draw.io shape:
// mxgraph.aws4.lambda_function → "Lambda Function"; "" when the shape
// says nothing (a plain rectangle).
func shapeName(st style) string {
	sh := st.get("resIcon")
	if sh == "" {
		sh = st.shape()
	}
	if !strings.HasPrefix(sh, "mxgraph.") {
		return ""
	}
	last := sh[strings.LastIndex(sh, ".")+1:]
	words := strings.FieldsFunc(last, func(r rune) bool { return r == '_' || r == '-' })
	for i, w := range words {
		if acronyms[strings.ToLower(w)] {
			words[i] = strings.ToUpper(w)
		} else {
			words[i] = strings.ToUpper(w[:1]) + w[1:]
		}
	}
	return strings.Join(words, " ")
}

// acronyms are written in capitals in the names shapeName makes.
var acronyms = map[string]bool{"api": true, "cdn": true, "dns": true, "ec2": true, "efs": true, "elb": true,
	"iam": true, "rds": true, "s3": true, "sns": true, "sqs": true, "vpc": true, "vm": true, "sql": true}

// sortByPosition orders shapes top to bottom, then left to right, with
// rows 10 units tall so that hand-aligned boxes read as one row.
func sortByPosition(ss []*shape) {
	sort.SliceStable(ss, func(i, j int) bool {
		a, b := ss[i].abs, ss[j].abs
		ra, rb := int(a.y/10), int(b.y/10)
		if ra != rb {
			return ra < rb
		}
		if a.x != b.x {
			return a.x < b.x
		}
		return ss[i].c.order < ss[j].c.order
	})
}

// nameLabel is the label that names s: its own or its naming text's.
func (s *shape) nameLabel() label {
	if s.nameFrom != nil {
		return s.nameFrom.lb
	}
	return s.lb
}

// resolve maps an edge end to the shape it stands for.
func (a *analysis) resolve(id string, pt *point) *shape {
	if s := a.shapes[id]; s != nil {
		if s.namedBox != nil {
			return s.namedBox
		}
		if s.role == roleActor || s.role == roleBox || s.role == roleText {
			return s
		}
		return nil
	}
	if id != "" || pt == nil {
		return nil
	}
	// A loose end dropped on a shape without snapping to it.
	var best *shape
	for _, s := range a.order {
		if (s.role == roleBox || s.role == roleActor) && s.abs.containsPoint(pt.x, pt.y) {
			if best == nil || s.abs.area() < best.abs.area() {
				best = s
			}
		}
	}
	return best
}

// edgeLabel is an edge's text: its value and its label vertices.
func (a *analysis) edgeLabel(e *cell) string {
	var parts []string
	if t := e.label().oneLine(); t != "" {
		parts = append(parts, t)
	}
	for _, l := range a.labels[e.id] {
		if t := l.lb.oneLine(); t != "" {
			parts = append(parts, t)
		}
	}
	out := ""
	for i, p := range parts {
		if i > 0 {
			out += " / "
		}
		out += p
	}
	return out
}
