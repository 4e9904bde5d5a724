package mermaid

import (
	"bufio"
	"sort"
	"strconv"
	"strings"

	"github.com/archdoc/archdoc/render/scene"
)

// palette matches the SVG renderer's light group colours: cluster fill
// and border per group slot.
var palette = [][2]string{
	{"#eef6ff", "#4a90e2"}, {"#effaf1", "#3fa55b"}, {"#fff8e6", "#d49a1a"}, {"#f5f0ff", "#8a63d2"},
	{"#fff0f0", "#d9534f"}, {"#eafaf8", "#21a79a"}, {"#fff3ea", "#e07b2a"}, {"#f3f5f8", "#6c7a89"},
}

// classDefs style nodes by shape; Mermaid's own theme colours the rest.
var classDefs = []struct{ name, style string }{
	{"actor", "fill:#ffffff,stroke:#1f2328,stroke-width:1.5px"},
	{"module", "fill:#ffffff,stroke:#59636e"},
	{"external", "fill:#f6f8fa,stroke:#59636e,stroke-dasharray:4 2"},
	{"note", "fill:#fff8c5,stroke:#d4a72c,color:#1f2328"},
	{"domain", "fill:#eef6ff,stroke:#4a90e2,stroke-width:2px"},
	{"cache", "fill:#ffffff,stroke:#59636e,stroke-dasharray:5 3"},
}

type flowchart struct {
	b        *bufio.Writer
	s        *scene.Scene
	ids      *ids
	clusters map[string]bool
	children map[string][]int // parent cluster -> cluster indexes
	nodes    map[string][]int // parent cluster -> node indexes
}

func writeFlowchart(b *bufio.Writer, s *scene.Scene, ids *ids) {
	f := &flowchart{b: b, s: s, ids: ids, clusters: map[string]bool{},
		children: map[string][]int{}, nodes: map[string][]int{}}
	for _, c := range s.Clusters {
		f.clusters[c.ID] = true
	}
	for i, c := range s.Clusters {
		f.children[f.parent(c.Parent)] = append(f.children[f.parent(c.Parent)], i)
	}
	for i, n := range s.Nodes {
		f.nodes[f.parent(n.Parent)] = append(f.nodes[f.parent(n.Parent)], i)
	}
	dir := "LR"
	if s.Height > s.Width || layerCake(s) {
		dir = "TB"
	}
	b.WriteString("flowchart " + dir + "\n")
	f.level("", "  ")
	for _, e := range s.Edges {
		f.edge(e)
	}
	if layerCake(s) {
		f.stackLayers()
	}
	f.styles()
}

// layerCake reports the stack's layer cake: layers holding technologies
// and no arrows.
func layerCake(s *scene.Scene) bool {
	if len(s.Edges) > 0 || len(s.Clusters) == 0 {
		return false
	}
	for _, c := range s.Clusters {
		if c.Kind != "layer" {
			return false
		}
	}
	return true
}

// stackLayers chains the layers with invisible links, so Mermaid stacks
// them top to bottom in model order (best effort: it has no bands);
// each layer lays its tiles out in a row.
func (f *flowchart) stackLayers() {
	for i := 0; i+1 < len(f.s.Clusters); i++ {
		f.b.WriteString("  " + f.ref(f.s.Clusters[i].ID) + " ~~~ " + f.ref(f.s.Clusters[i+1].ID) + "\n")
	}
}

func (f *flowchart) parent(id string) string {
	if f.clusters[id] {
		return id
	}
	return ""
}

// ref is the Mermaid id of a node or cluster.
func (f *flowchart) ref(id string) string {
	if f.clusters[id] {
		return f.ids.get("c_", id)
	}
	return f.ids.get("n_", id)
}

func (f *flowchart) level(parent, indent string) {
	for _, i := range f.nodes[parent] {
		n := f.s.Nodes[i]
		open, close := shapeBrackets(n.Shape)
		label := nameAndDetails(n)
		if n.Sub != "" {
			label += "<br/>" + escape(n.Sub)
		}
		f.b.WriteString(indent + f.ref(n.ID) + open + `"` + label + `"` + close + "\n")
	}
	for _, i := range f.children[parent] {
		c := f.s.Clusters[i]
		f.b.WriteString(indent + "subgraph " + f.ref(c.ID) + `["` + label(c.Text, c.Label) + `"]` + "\n")
		if c.Kind == "layer" && layerCake(f.s) {
			f.b.WriteString(indent + "  direction LR\n")
		}
		f.level(c.ID, indent+"  ")
		f.b.WriteString(indent + "end\n")
	}
}

// shapeBrackets are Mermaid's classic node shapes, which every Mermaid
// reader knows: each module kind has its own (a cache is a cylinder
// with a dashed outline, see classDefs). A note and a collapsed domain
// are plain boxes told apart by their colours: the flag and the
// hexagon they once were are a queue's and a gateway's.
func shapeBrackets(shape string) (string, string) {
	switch shape {
	case scene.ShapeActor:
		return "([", "])"
	case scene.ShapeExternal:
		return "[[", "]]"
	case scene.ShapeNote, scene.ShapeDomain:
		return "[", "]"
	case scene.ShapeDatabase, scene.ShapeCache:
		return "[(", ")]"
	case scene.ShapeQueue:
		return ">", "]"
	case scene.ShapeGateway:
		return "{{", "}}"
	case scene.ShapeFrontend:
		return "[/", "/]"
	case scene.ShapeJob:
		return "[/", `\]`
	}
	return "(", ")"
}

func (f *flowchart) edge(e scene.Edge) {
	var arrow string
	switch {
	case (e.Dashed || e.Async) && e.Arrow:
		arrow = "-.->"
	case e.Dashed:
		arrow = "-.-"
	case e.Arrow:
		arrow = "-->"
	default:
		arrow = "---"
	}
	text := label(e.Text, e.Label)
	if e.Seq > 0 {
		text = strconv.Itoa(e.Seq) + ". " + text
	}
	if text != "" {
		arrow += `|"` + text + `"|`
	}
	f.b.WriteString("  " + f.ref(e.From) + " " + arrow + " " + f.ref(e.To) + "\n")
}

// styles colours clusters by group and classes nodes by shape.
func (f *flowchart) styles() {
	byClass := map[string][]string{}
	for _, n := range f.s.Nodes {
		c := "module"
		switch n.Shape {
		case scene.ShapeActor, scene.ShapeExternal, scene.ShapeNote, scene.ShapeDomain, scene.ShapeCache:
			c = n.Shape
		}
		byClass[c] = append(byClass[c], f.ref(n.ID))
	}
	for _, d := range classDefs {
		if len(byClass[d.name]) == 0 {
			continue
		}
		f.b.WriteString("  classDef " + d.name + " " + d.style + "\n")
	}
	names := make([]string, 0, len(byClass))
	for k := range byClass {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		f.b.WriteString("  class " + strings.Join(byClass[k], ",") + " " + k + "\n")
	}
	for _, c := range f.s.Clusters {
		slot := f.s.GroupIndex(c.Group) // same colour in every view
		if slot < 0 {
			slot = len(palette) - 1
		}
		p := palette[slot%len(palette)]
		f.b.WriteString("  style " + f.ref(c.ID) + " fill:" + p[0] + ",stroke:" + p[1] + "\n")
	}
}
