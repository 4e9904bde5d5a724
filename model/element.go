package model

import "sort"

// Kind names what sort of thing an element is.
type Kind string

const (
	KindActor  Kind = "actor"
	KindDomain Kind = "domain"
	KindModule Kind = "module"
	KindStore  Kind = "store"
	KindLayer  Kind = "layer"
	KindTech   Kind = "tech"
	KindFlow   Kind = "flow"
	KindNote   Kind = "note"
	KindIdea   Kind = "idea"
	KindTask   Kind = "task"
	KindDoc    Kind = "doc"
	KindView   Kind = "view"
)

// Element is anything in the model that has an id. Exactly one of the
// pointers matches Kind. Parent is the id of the enclosing domain (for
// modules and sub-domains), module (for stores) or layer (for
// technologies), "" at top level.
type Element struct {
	Kind   Kind
	ID     string
	Name   string
	Parent string
	Path   string // model path, e.g. "domains[0].modules[2]"
	Tags   []string

	Actor  *Actor
	Domain *Domain
	Module *Module
	Store  *Store
	Layer  *Layer
	Tech   *Technology
	Flow   *Flow
	Note   *Note
	Idea   *Idea
	Task   *Task
	Doc    *Doc
	View   *ViewSpec
}

// Value is the element's own value: the one pointer that matches Kind.
func (e Element) Value() any {
	switch e.Kind {
	case KindActor:
		return e.Actor
	case KindDomain:
		return e.Domain
	case KindModule:
		return e.Module
	case KindStore:
		return e.Store
	case KindLayer:
		return e.Layer
	case KindTech:
		return e.Tech
	case KindFlow:
		return e.Flow
	case KindNote:
		return e.Note
	case KindIdea:
		return e.Idea
	case KindTask:
		return e.Task
	case KindDoc:
		return e.Doc
	case KindView:
		return e.View
	}
	return nil
}

// Element looks an element up by id.
func (m *Model) Element(id string) (Element, bool) {
	e, ok := m.index[id]
	return e, ok
}

// Elements returns every element with an id, in model order
// (actors, domains depth first with each module followed by its stores,
// layers and technologies, flows, notes,
// ideas, tasks, docs, views).
func (m *Model) Elements() []Element {
	var out []Element
	add := func(e Element) {
		if e.ID != "" {
			out = append(out, e)
		}
	}
	for i := range m.Actors {
		a := &m.Actors[i]
		add(Element{Kind: KindActor, ID: a.ID, Name: a.Name, Path: pathf("actors[%d]", i), Tags: a.Tags, Actor: a})
	}
	var walk func(ds []Domain, parent, path string)
	walk = func(ds []Domain, parent, path string) {
		for i := range ds {
			d := &ds[i]
			dp := pathf("%s[%d]", path, i)
			add(Element{Kind: KindDomain, ID: d.ID, Name: d.Name, Parent: parent, Path: dp, Tags: d.Tags, Domain: d})
			for j := range d.Modules {
				mo := &d.Modules[j]
				mp := pathf("%s.modules[%d]", dp, j)
				add(Element{Kind: KindModule, ID: mo.ID, Name: mo.Name, Parent: d.ID, Path: mp, Tags: mo.Tags, Module: mo})
				for k := range mo.Stores {
					s := &mo.Stores[k]
					add(Element{Kind: KindStore, ID: s.ID, Name: s.DisplayName(), Parent: mo.ID, Path: pathf("%s.stores[%d]", mp, k), Tags: s.Tags, Store: s})
				}
			}
			walk(d.Domains, d.ID, dp+".domains")
		}
	}
	walk(m.Domains, "", "domains")
	for i := range m.Stack.Layers {
		l := &m.Stack.Layers[i]
		lp := pathf("stack.layers[%d]", i)
		add(Element{Kind: KindLayer, ID: l.ID, Name: l.Name, Path: lp, Layer: l})
		for j := range l.Technologies {
			t := &l.Technologies[j]
			add(Element{Kind: KindTech, ID: t.ID, Name: t.Name, Parent: l.ID, Path: pathf("%s.technologies[%d]", lp, j), Tags: t.Tags, Tech: t})
		}
	}
	for i := range m.Flows {
		f := &m.Flows[i]
		add(Element{Kind: KindFlow, ID: f.ID, Name: f.ScenarioTitle(), Path: pathf("flows[%d]", i), Tags: f.Tags, Flow: f})
	}
	for i := range m.Notes {
		n := &m.Notes[i]
		add(Element{Kind: KindNote, ID: n.ID, Path: pathf("notes[%d]", i), Note: n})
	}
	for i := range m.Ideas {
		x := &m.Ideas[i]
		add(Element{Kind: KindIdea, ID: x.ID, Name: x.Title, Path: pathf("ideas[%d]", i), Tags: x.Tags, Idea: x})
	}
	for i := range m.Tasks {
		t := &m.Tasks[i]
		add(Element{Kind: KindTask, ID: t.ID, Name: t.Title, Path: pathf("tasks[%d]", i), Tags: t.Tags, Task: t})
	}
	for i := range m.Docs {
		d := &m.Docs[i]
		add(Element{Kind: KindDoc, ID: d.ID, Name: d.Title, Path: pathf("docs[%d]", i), Doc: d})
	}
	for i := range m.Views {
		v := &m.Views[i]
		add(Element{Kind: KindView, ID: v.ID, Name: v.Title, Path: pathf("views[%d]", i), View: v})
	}
	return out
}

// BuildIndex (re)builds the id index. Load calls it; code that builds a
// Model by hand (tests, importers) calls it before using Element.
// The first element with a given id wins; duplicates are the validator's job.
func (m *Model) BuildIndex() {
	m.index = make(map[string]Element)
	for _, e := range m.Elements() {
		if _, dup := m.index[e.ID]; !dup {
			m.index[e.ID] = e
		}
	}
}

// TechUsers returns the ids of the modules and stores that use technology
// id, from the modules' tech lists, the stores' tech and the
// technology's used_by, sorted.
func (m *Model) TechUsers(id string) []string {
	set := map[string]bool{}
	for _, e := range m.Elements() {
		switch {
		case e.Kind == KindModule:
			for _, t := range e.Module.Tech {
				if t == id {
					set[e.ID] = true
				}
			}
		case e.Kind == KindStore && e.Store.Tech == id:
			set[e.ID] = true
		case e.Kind == KindTech && e.ID == id:
			for _, u := range e.Tech.UsedBy {
				set[u] = true
			}
		}
	}
	out := make([]string, 0, len(set))
	for k := range set {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
