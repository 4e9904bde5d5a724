package delta

import "github.com/archdoc/archdoc/model"

// modify applies one modification; given says which fields the YAML wrote.
func (a *applier) modify(mod model.Modification, given func(string) bool) {
	e, ok := a.m.Element(mod.ID)
	if !ok {
		return
	}
	set := func(field string, dst *string, v string) {
		if given(field) {
			*dst = v
		}
	}
	setList := func(field string, dst *[]string, v []string) {
		if given(field) {
			*dst = append([]string(nil), v...)
		}
	}
	switch e.Kind {
	case model.KindActor:
		set("name", &e.Actor.Name, mod.Name)
		set("description", &e.Actor.Description, mod.Description)
	case model.KindDomain:
		set("name", &e.Domain.Name, mod.Name)
		set("description", &e.Domain.Description, mod.Description)
		if given("in") {
			a.moveDomain(mod.ID, mod.In)
		}
	case model.KindModule:
		set("name", &e.Module.Name, mod.Name)
		set("description", &e.Module.Description, mod.Description)
		setList("features", &e.Module.Features, mod.Features)
		setList("tech", &e.Module.Tech, mod.Tech)
		if given("in") {
			a.moveModule(mod.ID, mod.In)
		}
	case model.KindLayer:
		set("name", &e.Layer.Name, mod.Name)
		set("description", &e.Layer.Description, mod.Description)
	case model.KindTech:
		set("name", &e.Tech.Name, mod.Name)
		set("category", &e.Tech.Category, mod.Category)
		set("version", &e.Tech.Version, mod.Version)
		if given("in") {
			a.moveTech(mod.ID, mod.In)
		}
	case model.KindFlow:
		set("label", &e.Flow.Label, mod.Label)
		set("description", &e.Flow.Description, mod.Description)
		set("from", &e.Flow.From, mod.From)
		set("to", &e.Flow.To, mod.To)
		set("protocol", &e.Flow.Protocol, mod.Protocol)
		set("data", &e.Flow.Data, mod.Data)
	}
}

func (a *applier) moveModule(id, to string) {
	var moved *model.Module
	var take func(ds []model.Domain)
	take = func(ds []model.Domain) {
		for i := range ds {
			for j, mo := range ds[i].Modules {
				if mo.ID == id && moved == nil {
					moved = &mo
					ds[i].Modules = append(ds[i].Modules[:j:j], ds[i].Modules[j+1:]...)
					return
				}
			}
			take(ds[i].Domains)
		}
	}
	take(a.m.Domains)
	if d := findDomain(a.m.Domains, to); d != nil && moved != nil {
		d.Modules = append(d.Modules, *moved)
	}
}

func (a *applier) moveDomain(id, to string) {
	var moved *model.Domain
	var take func(ds []model.Domain) []model.Domain
	take = func(ds []model.Domain) []model.Domain {
		for i := range ds {
			if ds[i].ID == id {
				d := ds[i]
				moved = &d
				return append(ds[:i:i], ds[i+1:]...)
			}
			ds[i].Domains = take(ds[i].Domains)
		}
		return ds
	}
	a.m.Domains = take(a.m.Domains)
	if moved == nil {
		return
	}
	if d := findDomain(a.m.Domains, to); d != nil {
		d.Domains = append(d.Domains, *moved)
	} else {
		a.m.Domains = append(a.m.Domains, *moved)
	}
}

func (a *applier) moveTech(id, to string) {
	var moved *model.Technology
	for i := range a.m.Stack.Layers {
		l := &a.m.Stack.Layers[i]
		for j, t := range l.Technologies {
			if t.ID == id {
				moved = &t
				l.Technologies = append(l.Technologies[:j:j], l.Technologies[j+1:]...)
				break
			}
		}
	}
	if l := findLayer(a.m, to); l != nil && moved != nil {
		l.Technologies = append(l.Technologies, *moved)
	}
}
