// Package delta derives the to-be model an idea's option describes (its
// changes applied to a copy of the as-is model) and compares two models
// element by element.
package delta

import (
	"encoding/json"
	"fmt"

	"github.com/archdoc/archdoc/model"
)

// ToBe returns the model as it would be with option opt of idea idea
// applied; m is not changed. The option's changes are assumed valid
// (model.Load checked them); what cannot be applied is skipped.
//
// Removing a domain removes what it holds, removing a layer its
// technologies; flows and notes whose element is removed go too, and
// removed technologies leave the modules' tech lists.
func ToBe(m *model.Model, idea, opt int) *model.Model {
	out := clone(m)
	c := m.Ideas[idea].Options[opt].Changes
	if c == nil {
		return out
	}
	base := fmt.Sprintf("ideas[%d].options[%d].changes", idea, opt)
	a := &applier{m: out}
	a.remove(c.Remove)
	for _, add := range c.Add {
		a.add(add)
	}
	model.ApplyDefaults(out) // a module added to a domain gets its defaults
	out.BuildIndex()
	for k, mod := range c.Modify {
		path := fmt.Sprintf("%s.modify[%d]", base, k)
		a.modify(mod, func(field string) bool { return m.Given(path, field) })
		out.BuildIndex()
	}
	return out
}

// clone deep-copies a model through JSON: every field the YAML can set
// has a JSON name.
func clone(m *model.Model) *model.Model {
	data, err := json.Marshal(m)
	if err != nil {
		panic(fmt.Sprintf("delta: cannot copy the model: %v", err)) // only plain data: cannot happen
	}
	out := &model.Model{}
	if err := json.Unmarshal(data, out); err != nil {
		panic(fmt.Sprintf("delta: cannot copy the model: %v", err))
	}
	out.File, out.Dir = m.File, m.Dir
	out.BuildIndex()
	return out
}

type applier struct{ m *model.Model }

func (a *applier) remove(ids []string) {
	gone := map[string]bool{}
	for _, id := range ids {
		gone[id] = true
	}
	m := a.m
	m.Actors = keep(m.Actors, func(x model.Actor) bool { return !gone[x.ID] })
	m.Domains = pruneDomains(m.Domains, gone)
	m.Stack.Layers = keep(m.Stack.Layers, func(l model.Layer) bool {
		if gone[l.ID] {
			for _, t := range l.Technologies {
				gone[t.ID] = true
			}
		}
		return !gone[l.ID]
	})
	for i := range m.Stack.Layers {
		l := &m.Stack.Layers[i]
		l.Technologies = keep(l.Technologies, func(t model.Technology) bool { return !gone[t.ID] })
		for j := range l.Technologies {
			t := &l.Technologies[j]
			t.UsedBy = keep(t.UsedBy, func(id string) bool { return !gone[id] })
		}
	}
	eachModule(m.Domains, func(mo *model.Module) {
		mo.Tech = keep(mo.Tech, func(id string) bool { return !gone[id] })
	})
	m.Flows = keep(m.Flows, func(f model.Flow) bool { return !gone[f.ID] && !gone[f.From] && !gone[f.To] })
	m.Notes = keep(m.Notes, func(n model.Note) bool { return !gone[n.On] && !gone[n.ID] })
}

// pruneDomains drops removed domains (and everything in them) and
// removed modules, marking what went with a domain as gone too.
func pruneDomains(ds []model.Domain, gone map[string]bool) []model.Domain {
	var out []model.Domain
	for _, d := range ds {
		if gone[d.ID] {
			markGone([]model.Domain{d}, gone)
			continue
		}
		d.Modules = keep(d.Modules, func(mo model.Module) bool { return !gone[mo.ID] })
		d.Domains = pruneDomains(d.Domains, gone)
		out = append(out, d)
	}
	return out
}

func markGone(ds []model.Domain, gone map[string]bool) {
	for _, d := range ds {
		gone[d.ID] = true
		for _, mo := range d.Modules {
			gone[mo.ID] = true
		}
		markGone(d.Domains, gone)
	}
}

func (a *applier) add(x model.Addition) {
	m := a.m
	switch {
	case x.Actor != nil:
		m.Actors = append(m.Actors, *x.Actor)
	case x.Domain != nil:
		if d := findDomain(m.Domains, x.In); d != nil {
			d.Domains = append(d.Domains, *x.Domain)
		} else {
			m.Domains = append(m.Domains, *x.Domain)
		}
	case x.Module != nil:
		if d := findDomain(m.Domains, x.In); d != nil {
			d.Modules = append(d.Modules, *x.Module)
		}
	case x.Tech != nil:
		if l := findLayer(m, x.In); l != nil {
			l.Technologies = append(l.Technologies, *x.Tech)
		}
	case x.Flow != nil:
		f := *x.Flow
		if f.ID == "" {
			f.ID = a.unusedID(f.From + "-" + f.To)
		}
		m.Flows = append(m.Flows, f)
	}
	m.BuildIndex()
}

// unusedID is base, or base-2, base-3 ... as the loader derives flow ids.
func (a *applier) unusedID(base string) string {
	id := base
	for n := 2; ; n++ {
		if _, taken := a.m.Element(id); !taken {
			return id
		}
		id = fmt.Sprintf("%s-%d", base, n)
	}
}

func keep[T any](xs []T, ok func(T) bool) []T {
	var out []T
	for _, x := range xs {
		if ok(x) {
			out = append(out, x)
		}
	}
	return out
}

func eachModule(ds []model.Domain, f func(*model.Module)) {
	for i := range ds {
		for j := range ds[i].Modules {
			f(&ds[i].Modules[j])
		}
		eachModule(ds[i].Domains, f)
	}
}

func findDomain(ds []model.Domain, id string) *model.Domain {
	if id == "" {
		return nil
	}
	for i := range ds {
		if ds[i].ID == id {
			return &ds[i]
		}
		if d := findDomain(ds[i].Domains, id); d != nil {
			return d
		}
	}
	return nil
}

func findLayer(m *model.Model, id string) *model.Layer {
	for i := range m.Stack.Layers {
		if m.Stack.Layers[i].ID == id {
			return &m.Stack.Layers[i]
		}
	}
	return nil
}
