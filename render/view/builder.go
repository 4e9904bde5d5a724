package view

import (
	"fmt"
	"strings"

	"github.com/archdoc/archdoc/internal/lazyre"
	"github.com/archdoc/archdoc/model"
	"github.com/archdoc/archdoc/render/icon"
	"github.com/archdoc/archdoc/render/scene"
)

// builder collects a view's nodes, clusters and edges without duplicates.
// Clusters are created only to hold a node, so no cluster is ever empty
// (Graphviz does not draw empty clusters).
type builder struct {
	x        *index
	v        *View
	nodes    map[string]bool
	clusters map[string]bool
	edges    map[string]bool
	// features shows a module's features as lines under its name, as the
	// seed's business diagram does.
	features bool
	// flat places modules and technologies without their containers.
	flat bool
	// noteOn decides which elements' notes the view shows (nil: all);
	// focus views leave out notes on the context around the focus.
	noteOn func(id string) bool
}

func newBuilder(x *index, id, title, dir string) *builder {
	return &builder{
		x:        x,
		v:        &View{ID: id, Title: title, Kind: KindGraph, Direction: dir, Groups: x.groupIDs},
		nodes:    map[string]bool{},
		clusters: map[string]bool{},
		edges:    map[string]bool{},
	}
}

// has reports whether id is a node or a cluster of the view.
func (b *builder) has(id string) bool { return b.nodes[id] || b.clusters[id] }

// addElement adds an actor, module or technology as a node (inside its
// domain or layer clusters unless the builder is flat), or a domain as a
// collapsed domain node when it has no cluster yet. Other kinds are ignored.
func (b *builder) addElement(id string) {
	if b.has(id) {
		return
	}
	e, ok := b.x.byID[id]
	if !ok {
		return
	}
	n := Node{ID: id, Kind: string(e.Kind), Shape: scene.ShapeBox, Label: e.Name, Link: id}
	switch e.Kind {
	case model.KindActor:
		n.Shape, n.Tooltip = scene.ShapeActor, plain(e.Actor.Description)
		if e.Actor.Kind == "external" {
			n.Shape = scene.ShapeExternal
		}
	case model.KindModule:
		n.Shape, n.Tooltip, n.Group = kindShape(e.Module.ModuleKind()), plain(e.Module.Description), b.x.topDomain(id)
		if b.features {
			for i, f := range e.Module.Features {
				n.Details = append(n.Details, fmt.Sprintf("%d. %s", i+1, plain(f)))
			}
		}
		if !b.flat {
			n.Parent = b.addDomainChain(e.Parent)
		}
	case model.KindStore:
		b.storeNode(&n, e)
	case model.KindTech:
		n.Tooltip, n.Sub, n.Group = plain(e.Tech.What), e.Tech.Category, e.Parent
		n.Icon, _ = icon.For(e.Tech)
		if !b.flat {
			n.Parent = b.addLayer(e.Parent)
		}
	case model.KindDomain:
		n.Shape, n.Tooltip, n.Group = scene.ShapeDomain, plain(e.Domain.Description), b.x.topDomain(id)
		n.Parent = b.nearestCluster(id)
	default:
		return
	}
	b.nodes[id] = true
	b.v.Nodes = append(b.v.Nodes, n)
}

// addDomainChain makes sure domain id and its enclosing domains are
// clusters, outermost first, and returns id ("" for id "").
func (b *builder) addDomainChain(id string) string {
	if id == "" || b.clusters[id] {
		return id
	}
	e, ok := b.x.byID[id]
	if !ok || e.Kind != model.KindDomain || b.nodes[id] {
		return ""
	}
	parent := b.addDomainChain(e.Parent)
	b.clusters[id] = true
	b.v.Clusters = append(b.v.Clusters, Cluster{
		ID: id, Kind: string(model.KindDomain), Label: e.Name, Tooltip: plain(e.Domain.Description),
		Link: id, Group: b.x.topDomain(id), Parent: parent,
	})
	return id
}

func (b *builder) addLayer(id string) string {
	if id == "" || b.clusters[id] {
		return id
	}
	e, ok := b.x.byID[id]
	if !ok || e.Kind != model.KindLayer {
		return ""
	}
	b.clusters[id] = true
	b.v.Clusters = append(b.v.Clusters, Cluster{
		ID: id, Kind: string(model.KindLayer), Label: e.Name, Tooltip: plain(e.Layer.Description), Link: id, Group: id,
	})
	return id
}

// nearestCluster is the closest enclosing domain of id that is already a
// cluster of the view.
func (b *builder) nearestCluster(id string) string {
	anc := b.x.ancestors(id)
	for i := len(anc) - 1; i >= 0; i-- {
		if b.clusters[anc[i]] {
			return anc[i]
		}
	}
	return ""
}

// addFlow adds flow i when both its ends are in the view, unless it would
// join a node to a domain that contains it (no drawable arrow).
func (b *builder) addFlow(i int) bool {
	f := &b.x.m.Flows[i]
	id := flowID(b.x.m, i)
	if b.edges[id] || !b.has(f.From) || !b.has(f.To) || f.From == f.To {
		return false
	}
	if b.x.inDomain(f.From, f.To) || b.x.inDomain(f.To, f.From) {
		return false
	}
	label := f.Label
	if label == "" {
		label = f.Protocol
	}
	b.addEdge(Edge{ID: id, Kind: EdgeFlow, From: f.From, To: f.To, Label: label, Arrow: true, Async: f.Async, Link: id})
	return true
}

// addFlowsBetweenShown adds every flow whose two ends are in the view.
func (b *builder) addFlowsBetweenShown() {
	for i := range b.x.m.Flows {
		b.addFlow(i)
	}
}

func (b *builder) addEdge(e Edge) {
	if b.edges[e.ID] {
		return
	}
	b.edges[e.ID] = true
	b.v.Edges = append(b.v.Edges, e)
}

// addUses links a module to a technology it uses.
func (b *builder) addUses(module, tech string) {
	if b.nodes[module] && b.nodes[tech] {
		b.addEdge(Edge{ID: "uses:" + module + "->" + tech, Kind: EdgeUses, From: module, To: tech, Arrow: true, Dashed: true})
	}
}

// addNotes adds every note (model notes and a module's own notes) whose
// element is in the view, with a dashed line to it.
func (b *builder) addNotes() {
	m := b.x.m
	for i := range m.Notes {
		b.addNote(noteID(m, i), m.Notes[i].On, m.Notes[i].Text)
	}
	for _, e := range b.x.elems {
		if e.Kind == model.KindModule {
			for i, text := range e.Module.Notes {
				b.addNote(fmt.Sprintf("%s-note-%d", e.ID, i+1), e.ID, text)
			}
		}
	}
}

func (b *builder) addNote(id, on, text string) {
	if !b.has(on) || b.has(id) || (b.noteOn != nil && !b.noteOn(on)) {
		return
	}
	parent := ""
	if n := b.v.Node(on); n != nil {
		parent = n.Parent
	} else if c := b.v.Cluster(on); c != nil {
		parent = c.Parent
	}
	b.nodes[id] = true
	// A note links to the element it is on: notes have no page of their own.
	b.v.Nodes = append(b.v.Nodes, Node{ID: id, Kind: string(model.KindNote), Shape: scene.ShapeNote, Label: plain(text), Parent: parent, Link: on})
	b.addEdge(Edge{ID: "note:" + id + "->" + on, Kind: EdgeNote, From: id, To: on, Dashed: true, Link: on})
}

var (
	mdLink     = lazyre.New(`\[([^\]]*)\]\([^)]*\)`)
	mdEmphasis = strings.NewReplacer("**", "", "__", "", "`", "")
	spaces     = lazyre.New(`[ \t]+`)
)

// plain turns a little Markdown into plain text for labels and tooltips:
// links keep their text, emphasis marks go, lines are joined (CJK lines
// without a space, as Chinese is written).
func plain(md string) string {
	s := mdEmphasis.Replace(mdLink().ReplaceAllString(md, "$1"))
	lines := strings.Split(strings.TrimSpace(s), "\n")
	out := ""
	for _, l := range lines {
		l = strings.TrimSpace(l)
		switch {
		case l == "":
			continue
		case out == "":
			out = l
		case isWideEnd(out) || isWideStart(l):
			out += l
		default:
			out += " " + l
		}
	}
	return spaces().ReplaceAllString(out, " ")
}

func isWideEnd(s string) bool {
	r := []rune(s)
	return len(r) > 0 && r[len(r)-1] >= 0x2e80
}

func isWideStart(s string) bool {
	r := []rune(s)
	return len(r) > 0 && r[0] >= 0x2e80
}

// groups lists the model's domains (sub-domains included) and then its
// layers, in model order: the colour groups every view shares.
func (x *index) groups() []string {
	var out []string
	for _, kind := range []model.Kind{model.KindDomain, model.KindLayer} {
		for _, e := range x.elems {
			if e.Kind == kind {
				out = append(out, e.ID)
			}
		}
	}
	return out
}
