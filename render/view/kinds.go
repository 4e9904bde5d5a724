package view

import (
	"github.com/archdoc/archdoc/model"
	"github.com/archdoc/archdoc/render/scene"
)

// kindShapes is the shape of each module and store kind: the one place
// that decides it, so every renderer draws a kind the same way.
var kindShapes = map[string]string{
	"service":  scene.ShapeBox,
	"database": scene.ShapeDatabase,
	"cache":    scene.ShapeCache,
	"queue":    scene.ShapeQueue,
	"gateway":  scene.ShapeGateway,
	"frontend": scene.ShapeFrontend,
	"job":      scene.ShapeJob,
	"external": scene.ShapeExternal,
}

// kindShape is the shape of a module or store kind; a box for a kind
// the model does not know (validation reports it).
func kindShape(kind string) string {
	if s, ok := kindShapes[kind]; ok {
		return s
	}
	return scene.ShapeBox
}

// storeNode fills in what a store's node shows: its kind's shape, its
// technology's name as the small line, and its module's domain colour.
func (b *builder) storeNode(n *Node, e model.Element) {
	n.Shape, n.Tooltip, n.Group = kindShape(e.Store.StoreKind()), plain(e.Store.Description), b.x.topDomain(e.ID)
	if t, ok := b.x.byID[e.Store.Tech]; ok && t.Kind == model.KindTech {
		n.Sub = t.Name
	}
	if !b.flat {
		n.Parent = b.addDomainChain(b.x.byID[e.Parent].Parent)
	}
}

// addStores adds the stores module id owns.
func (b *builder) addStores(id string) {
	e, ok := b.x.byID[id]
	if !ok || e.Kind != model.KindModule {
		return
	}
	for _, s := range e.Module.Stores {
		b.addElement(s.ID)
	}
}

// addOwnership joins every store of the view to its module, when both
// are shown and no flow already joins them: a plain line that keeps the
// store beside its module (Graphviz puts it in the next column).
func (b *builder) addOwnership() {
	joined := map[[2]string]bool{}
	for _, e := range b.v.Edges {
		joined[[2]string{e.From, e.To}], joined[[2]string{e.To, e.From}] = true, true
	}
	for _, n := range b.v.Nodes {
		e := b.x.byID[n.ID]
		if n.Kind != string(model.KindStore) || e.Kind != model.KindStore || !b.nodes[e.Parent] || joined[[2]string{e.Parent, n.ID}] {
			continue
		}
		b.addEdge(Edge{ID: "owns:" + e.Parent + "->" + n.ID, Kind: EdgeOwns, From: e.Parent, To: n.ID})
	}
}

// isQueue reports whether id is a module or store of kind queue: in an
// async flow's sequence, messages to or from it are asynchronous.
func (x *index) isQueue(id string) bool {
	switch e := x.byID[id]; e.Kind {
	case model.KindModule:
		return e.Module.ModuleKind() == "queue"
	case model.KindStore:
		return e.Store.StoreKind() == "queue"
	}
	return false
}
