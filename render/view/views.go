package view

import (
	"fmt"
	"strings"

	"github.com/archdoc/archdoc/internal/uilang"
	"github.com/archdoc/archdoc/model"
)

// Business is the business model diagram: actors, domains holding their
// modules (with features), flows between them and notes.
func Business(m *model.Model) *View { return business(newIndex(m)) }

func business(x *index) *View {
	m := x.m
	b := newBuilder(x, "business", title(m, "业务模型", "Business model"), LeftToRight)
	b.features = true
	if m.Business != nil {
		b.v.Level = level(m.Business.Level)
	}
	b.v.DomainsInOrder = true
	for _, e := range b.x.elems {
		switch e.Kind {
		case model.KindActor, model.KindModule, model.KindStore:
			b.addElement(e.ID)
		}
	}
	for _, e := range b.x.elems {
		if e.Kind == model.KindDomain {
			b.addElement(e.ID) // domains without modules become nodes
		}
	}
	for _, f := range m.Flows {
		b.addElement(f.From) // technologies or stray ends flows mention
		b.addElement(f.To)
	}
	b.addFlowsBetweenShown()
	b.addOwnership()
	b.addNotes()
	return b.v
}

// Stack is the layer cake: each layer a band of its technologies, in
// model order (first on top), side layers beside them. Which modules use
// a technology is a count on its tile, not an arrow: 37 arrows converging
// on PHP and MySQL told nobody anything (the stack page has the matrix).
func Stack(m *model.Model) *View { return stack(newIndex(m)) }

func stack(x *index) *View {
	m := x.m
	b := newBuilder(x, "stack", title(m, "技术栈", "Technology stack"), TopToBottom)
	b.v.Layout = LayoutLayers
	zh := title(m, "zh", "") != ""
	for _, e := range b.x.elems {
		if e.Kind != model.KindTech {
			continue
		}
		b.addElement(e.ID)
		n := &b.v.Nodes[len(b.v.Nodes)-1]
		if n.ID != e.ID {
			continue
		}
		modules, stores := 0, 0
		for _, u := range x.techUsers[e.ID] {
			switch x.kind(u) {
			case model.KindModule:
				modules++
			case model.KindStore:
				stores++
			}
		}
		if used := usedBy(modules, stores, zh); used != "" {
			n.Sub = strings.TrimPrefix(n.Sub+" · "+used, " · ")
		}
	}
	for i := range b.v.Clusters {
		if l := x.byID[b.v.Clusters[i].ID]; l.Kind == model.KindLayer {
			b.v.Clusters[i].Side = l.Layer.Position == "side"
		}
	}
	return b.v
}

// usedBy says how many modules (and stores, when any) use a technology;
// nothing when none does: "used by 0 modules" on Linux or a test tool
// reads as a mistake, and the stack page's table says who uses what.
func usedBy(modules, stores int, zh bool) string {
	switch {
	case modules == 0 && stores == 0:
		return ""
	case zh && stores > 0 && modules > 0:
		return fmt.Sprintf("%d 个模块、%d 个存储使用", modules, stores)
	case zh && stores > 0:
		return fmt.Sprintf("%d 个存储使用", stores)
	case zh:
		return fmt.Sprintf("%d 个模块使用", modules)
	case stores > 0 && modules > 0:
		return fmt.Sprintf("used by %s, %s", plural(modules, "module"), plural(stores, "store"))
	case stores > 0:
		return "used by " + plural(stores, "store")
	}
	return "used by " + plural(modules, "module")
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// Domain shows one domain with its modules and every element that
// exchanges flows with it.
func Domain(m *model.Model, id string) *View { return domain(newIndex(m), id) }

func domain(x *index, id string) *View {
	m := x.m
	b := newBuilder(x, "domain/"+id, x.byID[id].Name, LeftToRight)
	b.v.Description = plain(x.byID[id].Domain.Description)
	b.features = true
	b.noteOn = func(on string) bool { return x.within(on, id) }
	for _, e := range x.elems {
		if (e.Kind == model.KindModule || e.Kind == model.KindStore) && x.within(e.ID, id) {
			b.addElement(e.ID)
		}
	}
	b.addElement(id) // a domain without modules
	var touching []int
	for _, i := range x.flowsTouching(id) {
		if f := m.Flows[i]; x.within(f.From, id) || x.within(f.To, id) {
			touching = append(touching, i)
		}
	}
	b.addFlowEnds(touching)
	for _, i := range touching {
		b.addFlow(i)
	}
	b.addOwnership()
	b.addNotes()
	return b.v
}

// Module shows one module in context: the flows touching it (or its
// domains), the elements at their other ends, and the technologies the
// module uses. Flows among its neighbours are theirs: with them a hub's
// view (a gateway's) was the whole system again.
func Module(m *model.Model, id string) *View { return module(newIndex(m), id) }

func module(x *index, id string) *View {
	m := x.m
	e := x.byID[id]
	b := newBuilder(x, "module/"+id, e.Name, LeftToRight)
	b.v.Description = plain(e.Module.Description)
	b.features = true
	b.noteOn = func(on string) bool { return on == id }
	b.addElement(id)
	b.addStores(id)
	var touching []int
	for _, i := range x.flowsTouching(id) {
		f := m.Flows[i]
		// Flows to the module's stores are the module's too.
		if x.within(f.From, id) || x.within(f.To, id) || (x.within(id, f.From) != x.within(id, f.To)) {
			touching = append(touching, i)
		}
	}
	b.addFlowEnds(touching)
	for _, i := range touching {
		b.addFlow(i)
	}
	b.addOwnership()
	b.flat = true
	for _, t := range e.Module.Tech {
		b.addElement(t)
	}
	for _, t := range x.elems {
		if t.Kind == model.KindTech {
			for _, u := range x.techUsers[t.ID] {
				if u == id {
					b.addElement(t.ID)
				}
			}
		}
	}
	for _, t := range x.elems {
		if t.Kind == model.KindTech {
			b.addUses(id, t.ID)
		}
	}
	b.addNotes()
	return b.v
}

// addFlowEnds adds both ends of the given flows: modules first (so their
// domains become clusters), then the rest (a domain becomes a node only
// when it is not already a cluster).
func (b *builder) addFlowEnds(flows []int) {
	m := b.x.m
	for _, i := range flows {
		for _, end := range []string{m.Flows[i].From, m.Flows[i].To} {
			if b.x.kind(end) != model.KindDomain {
				b.addElement(end)
			}
		}
	}
	for _, i := range flows {
		b.addElement(m.Flows[i].From)
		b.addElement(m.Flows[i].To)
	}
}

// Flow is the sequence diagram of a flow's steps.
func Flow(m *model.Model, id string) *View { return flow(newIndex(m), id) }

func flow(x *index, id string) *View {
	f := x.flow(id)
	t := f.ScenarioTitle()
	if t == "" {
		t = id
	}
	b := newBuilder(x, "flow/"+id, t, TopToBottom)
	b.v.Kind, b.v.Description, b.flat = KindSequence, plain(f.Description), true
	for _, s := range f.Steps {
		b.addParticipant(s.From)
		b.addParticipant(s.To)
	}
	for i, s := range f.Steps {
		b.v.Edges = append(b.v.Edges, Edge{
			ID: fmt.Sprintf("%s#%d", id, i+1), Kind: EdgeStep, From: s.From, To: s.To,
			Label: plain(s.Label), Arrow: true, Seq: i + 1, Note: plain(s.Note),
			Async: f.Async && (x.isQueue(s.From) || x.isQueue(s.To)),
		})
	}
	return b.v
}

// addParticipant adds a sequence participant; a domain or an id the model
// does not know still gets a box so no step is lost.
func (b *builder) addParticipant(id string) {
	if b.has(id) {
		return
	}
	b.addElement(id)
	if !b.has(id) {
		b.nodes[id] = true
		b.v.Nodes = append(b.v.Nodes, Node{ID: id, Kind: string(b.x.kind(id)), Shape: "box", Label: id})
	}
}

// title picks the Chinese or English default title from the model language.
func title(m *model.Model, zh, en string) string {
	if uilang.IsChinese(m.Language) {
		return zh
	}
	return en
}
