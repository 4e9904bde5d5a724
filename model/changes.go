package model

import (
	"fmt"
	"sort"
	"strings"
)

// Changes is what an idea's option would do to the architecture. The
// to-be model is the as-is one with Remove, then Add, then Modify applied
// (see package model/delta).
type Changes struct {
	Add    []Addition     `yaml:"add,omitempty" json:"add,omitempty" doc:"Elements the option adds."`
	Remove []string       `yaml:"remove,omitempty" json:"remove,omitempty" doc:"Ids of the actors, domains, modules, layers, technologies or flows the option retires."`
	Modify []Modification `yaml:"modify,omitempty" json:"modify,omitempty" doc:"Changes to existing elements."`
}

// Addition is one added element; exactly one of the pointers is set.
type Addition struct {
	Actor  *Actor      `yaml:"actor,omitempty" json:"actor,omitempty"`
	Domain *Domain     `yaml:"domain,omitempty" json:"domain,omitempty"`
	Module *Module     `yaml:"module,omitempty" json:"module,omitempty"`
	Tech   *Technology `yaml:"tech,omitempty" json:"tech,omitempty"`
	Flow   *Flow       `yaml:"flow,omitempty" json:"flow,omitempty" single:"true"`
	In     string      `yaml:"in,omitempty" json:"in,omitempty" doc:"Id of the domain a module (or sub-domain) goes in, or of the layer a technology goes in."`
}

// Modification changes fields of an existing element. Only the fields
// written are changed; a list replaces the old list.
type Modification struct {
	ID          string   `yaml:"id" json:"id" doc:"Id of the element to change."`
	Name        string   `yaml:"name,omitempty" json:"name,omitempty"`
	Description string   `yaml:"description,omitempty" json:"description,omitempty"`
	Features    []string `yaml:"features,omitempty" json:"features,omitempty" doc:"Modules: the new feature list."`
	Tech        []string `yaml:"tech,omitempty" json:"tech,omitempty" doc:"Modules: the new list of technology ids."`
	In          string   `yaml:"in,omitempty" json:"in,omitempty" doc:"Modules and domains: move to this domain; technologies: move to this layer."`
	Category    string   `yaml:"category,omitempty" json:"category,omitempty" doc:"Technologies."`
	Version     string   `yaml:"version,omitempty" json:"version,omitempty" doc:"Technologies."`
	From        string   `yaml:"from,omitempty" json:"from,omitempty" doc:"Flows."`
	To          string   `yaml:"to,omitempty" json:"to,omitempty" doc:"Flows."`
	Label       string   `yaml:"label,omitempty" json:"label,omitempty" doc:"Flows."`
	Protocol    string   `yaml:"protocol,omitempty" json:"protocol,omitempty" doc:"Flows."`
	Data        string   `yaml:"data,omitempty" json:"data,omitempty" doc:"Flows."`
}

// Kind is the kind of element the addition adds ("" when none is given).
func (a Addition) Kind() Kind {
	switch {
	case a.Actor != nil:
		return KindActor
	case a.Domain != nil:
		return KindDomain
	case a.Module != nil:
		return KindModule
	case a.Tech != nil:
		return KindTech
	case a.Flow != nil:
		return KindFlow
	}
	return ""
}

// ID is the id of the added element (a flow's may be empty: derived).
func (a Addition) ID() string {
	switch a.Kind() {
	case KindActor:
		return a.Actor.ID
	case KindDomain:
		return a.Domain.ID
	case KindModule:
		return a.Module.ID
	case KindTech:
		return a.Tech.ID
	case KindFlow:
		return a.Flow.ID
	}
	return ""
}

// Given reports whether the YAML wrote field (yaml name) of the
// modification at path, even as an empty value: `tech: []` clears a list.
func (m *Model) Given(path, field string) bool {
	_, ok := m.pos[path+"."+field]
	return ok
}

// changeable are the kinds an option may add, remove or modify.
var changeable = []Kind{KindActor, KindDomain, KindModule, KindLayer, KindTech, KindFlow}

// modifiable says which kinds each field of a Modification applies to
// (name and description apply to every kind).
var modifiable = map[string][]Kind{
	"features": {KindModule}, "tech": {KindModule},
	"in":       {KindModule, KindDomain, KindTech},
	"category": {KindTech}, "version": {KindTech},
	"from": {KindFlow}, "to": {KindFlow}, "label": {KindFlow}, "protocol": {KindFlow}, "data": {KindFlow},
}

// toBe answers "which element would id be after the option?" while one
// option's changes are checked.
type toBe struct {
	v       *validator
	removed map[string]bool
	added   map[string]Kind
}

func (t *toBe) kind(id string) Kind {
	if k, ok := t.added[id]; ok {
		return k
	}
	if e, ok := t.v.m.Element(id); ok && !t.removed[id] {
		return e.Kind
	}
	return ""
}

// ref checks a reference from inside the changes against the to-be model.
func (t *toBe) ref(path, id string, kinds ...Kind) {
	if id == "" {
		return
	}
	k := t.kind(id)
	switch {
	case k != "" && hasKind(kinds, k):
	case k != "":
		t.v.errorf(path, "%q is %s, expected %s", id, article(kindName(k)), kindList(kinds))
	case t.removed[id]:
		t.v.errorf(path, "%q is removed by this option", id)
	case t.v.m.fanoutProblem(id) != "":
		t.v.errorf(path, "%s", t.v.m.fanoutProblem(id))
	default:
		var ids []string
		for _, c := range t.v.idsOf(kinds) {
			if !t.removed[c] {
				ids = append(ids, c)
			}
		}
		for a, ak := range t.added {
			if hasKind(kinds, ak) {
				ids = append(ids, a)
			}
		}
		sort.Strings(ids)
		what := "element"
		if len(kinds) == 1 {
			what = kindName(kinds[0])
		}
		t.v.errorf(path, "unknown %s %q%s", what, id, didYouMean(id, ids))
	}
}

// checkChanges checks every option's changes: what is removed or
// modified exists, what is added is new, and every reference holds in
// the to-be model.
func (v *validator) checkChanges() {
	for i, idea := range v.m.Ideas {
		for j, o := range idea.Options {
			if o.Changes != nil {
				v.checkOptionChanges(fmt.Sprintf("ideas[%d].options[%d].changes", i, j), o.Changes)
			}
		}
	}
}

func (v *validator) checkOptionChanges(base string, c *Changes) {
	t := &toBe{v: v, removed: map[string]bool{}, added: map[string]Kind{}}
	for k, id := range c.Remove {
		path := fmt.Sprintf("%s.remove[%d]", base, k)
		if id == "" {
			continue
		}
		if t.removed[id] {
			v.errorf(path, "%q is removed twice", id)
			continue
		}
		if msg := v.refProblem(id, changeable); msg != "" {
			v.errorf(path, "%s", msg)
			continue
		}
		t.removed[id] = true
	}
	v.checkAdditions(base, c.Add, t)
	v.checkModifications(base, c.Modify, t)
}

// checkAdditions checks each addition names one element with a new id,
// then (once every added id is known) its references.
func (v *validator) checkAdditions(base string, adds []Addition, t *toBe) {
	for k, a := range adds {
		path := fmt.Sprintf("%s.add[%d]", base, k)
		var given []string
		for _, name := range []string{"actor", "domain", "module", "tech", "flow"} {
			if v.m.Given(path, name) {
				given = append(given, name)
			}
		}
		switch {
		case len(given) == 0:
			v.errorf(path, "say what is added: one of actor, domain, module, tech or flow")
			continue
		case len(given) > 1:
			v.errorf(path, "adds one element per item: found %s", strings.Join(given, " and "))
			continue
		}
		id, kind := a.ID(), a.Kind()
		if kind == "" || id == "" {
			continue // a null value; flows derive their id
		}
		idPath := path + "." + given[0] + ".id"
		v.checkSlug(idPath, id)
		if e, ok := v.m.Element(id); ok && !t.removed[id] {
			v.errorf(idPath, "%q already exists (%s at %s); change it with modify", id, kindName(e.Kind), v.m.Pos(e.Path+".id"))
			continue
		}
		if _, dup := t.added[id]; dup {
			v.errorf(idPath, "%q is added twice", id)
			continue
		}
		t.added[id] = kind
	}
	for k, a := range adds {
		path := fmt.Sprintf("%s.add[%d]", base, k)
		switch a.Kind() {
		case KindModule:
			v.needIn(path, a.In, "a module goes in a domain")
			t.ref(path+".in", a.In, KindDomain)
			t.refs(path+".module.tech", a.Module.Tech, KindTech)
		case KindDomain:
			t.ref(path+".in", a.In, KindDomain)
		case KindTech:
			v.needIn(path, a.In, "a technology goes in a layer")
			t.ref(path+".in", a.In, KindLayer)
			t.refs(path+".tech.used_by", a.Tech.UsedBy, KindModule)
		case KindActor, KindFlow:
			if a.In != "" {
				v.errorf(path+".in", "only modules, domains and technologies go in something")
			}
			if a.Flow != nil {
				t.ref(path+".flow.from", a.Flow.From, flowEnds...)
				t.ref(path+".flow.to", a.Flow.To, flowEnds...)
			}
		}
	}
}

func (v *validator) needIn(path, in, why string) {
	if in == "" {
		v.errorf(path, "missing field \"in\": %s", why)
	}
}

func (t *toBe) refs(path string, ids []string, kinds ...Kind) {
	for i, id := range ids {
		t.ref(fmt.Sprintf("%s[%d]", path, i), id, kinds...)
	}
}

// checkModifications checks each modified id exists and survives the
// option, and that each field written applies to its kind.
func (v *validator) checkModifications(base string, mods []Modification, t *toBe) {
	seen := map[string]bool{}
	for k, mod := range mods {
		path := fmt.Sprintf("%s.modify[%d]", base, k)
		if mod.ID == "" {
			continue
		}
		if t.removed[mod.ID] {
			v.errorf(path+".id", "%q is both removed and modified", mod.ID)
			continue
		}
		if _, added := t.added[mod.ID]; added {
			v.errorf(path+".id", "%q is added by this option: write its fields in add", mod.ID)
			continue
		}
		if msg := v.refProblem(mod.ID, changeable); msg != "" {
			v.errorf(path+".id", "%s", msg)
			continue
		}
		if seen[mod.ID] {
			v.errorf(path+".id", "%q is modified twice: write its changes in one item", mod.ID)
			continue
		}
		seen[mod.ID] = true
		e, _ := v.m.Element(mod.ID)
		v.checkModFields(path, e.Kind, mod, t)
	}
}

func (v *validator) checkModFields(path string, kind Kind, mod Modification, t *toBe) {
	fields := 0
	for _, f := range structInfoOf(typeOf[Modification]()).fields {
		if f.name == "id" || !v.m.Given(path, f.name) {
			continue
		}
		fields++
		if kinds, ok := modifiable[f.name]; ok && !hasKind(kinds, kind) {
			v.errorf(path+"."+f.name, "%s does not apply to %s: it applies to %s", f.name, article(kindName(kind)), kindList(kinds))
		}
	}
	if fields == 0 {
		v.errorf(path, "modifies nothing: give the fields that change")
	}
	switch kind {
	case KindModule:
		t.refs(path+".tech", mod.Tech, KindTech)
		t.ref(path+".in", mod.In, KindDomain)
	case KindDomain:
		t.ref(path+".in", mod.In, KindDomain)
		if mod.In == mod.ID && mod.In != "" {
			v.errorf(path+".in", "a domain cannot go in itself")
		}
	case KindTech:
		t.ref(path+".in", mod.In, KindLayer)
	case KindFlow:
		t.ref(path+".from", mod.From, flowEnds...)
		t.ref(path+".to", mod.To, flowEnds...)
	}
}
