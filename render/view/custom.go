package view

import (
	"strings"

	"github.com/archdoc/archdoc/model"
)

// Custom builds a view declared in the model's `views:`. Include and
// exclude name element ids, "tag:NAME" or "*" (everything). Including a
// domain or a layer includes what it contains; including a flow includes
// its two ends. Flows and "uses" links are drawn between what is shown.
func Custom(m *model.Model, id string) *View { return custom(newIndex(m), id) }

func custom(x *index, id string) *View {
	m := x.m
	spec := x.viewSpec(id)
	t := spec.Title
	if t == "" {
		t = id
	}
	b := newBuilder(x, "view/"+id, t, LeftToRight)
	b.v.Description = plain(spec.Description)
	b.v.Level = level(spec.Level)
	b.features = true
	excluded := x.selectIDs(spec.Exclude)
	included := x.selectIDs(spec.Include)
	isExcluded := func(id string) bool {
		if excluded[id] {
			return true
		}
		for _, a := range x.ancestors(id) {
			if excluded[a] {
				return true
			}
		}
		return false
	}
	shown := func(e model.Element) bool {
		if isExcluded(e.ID) {
			return false
		}
		if included[e.ID] {
			return true
		}
		for _, a := range x.ancestors(e.ID) {
			if included[a] {
				return true
			}
		}
		return false
	}
	for _, e := range x.elems {
		switch e.Kind {
		case model.KindActor, model.KindModule, model.KindStore, model.KindTech:
			if shown(e) {
				b.addElement(e.ID)
			}
		}
	}
	for _, e := range x.elems {
		switch {
		case e.Kind == model.KindDomain && shown(e):
			b.addElement(e.ID)
		case e.Kind == model.KindFlow && included[e.ID] && !excluded[e.ID]:
			for _, end := range []string{e.Flow.From, e.Flow.To} {
				if !isExcluded(end) {
					b.addElement(end)
				}
			}
		}
	}
	for i := range m.Flows {
		if !excluded[flowID(m, i)] {
			b.addFlow(i)
		}
	}
	for _, e := range x.elems {
		if e.Kind == model.KindTech {
			for _, u := range x.techUsers[e.ID] {
				b.addUses(u, e.ID)
			}
		}
	}
	b.addOwnership()
	b.noteOn = func(on string) bool { e, ok := x.byID[on]; return ok && shown(e) }
	b.addNotes()
	return b.v
}

// selectIDs resolves view selectors (ids, tag:NAME, *) to element ids.
func (x *index) selectIDs(selectors []string) map[string]bool {
	set := map[string]bool{}
	for _, s := range selectors {
		s = strings.TrimSpace(s)
		tag, isTag := strings.CutPrefix(s, "tag:")
		for _, e := range x.elems {
			switch {
			case s == "*" && e.Kind != model.KindView:
				set[e.ID] = true
			case isTag && hasTag(e.Tags, tag):
				set[e.ID] = true
			case e.ID == s:
				set[e.ID] = true
			}
		}
	}
	return set
}

func hasTag(tags []string, tag string) bool {
	for _, t := range tags {
		if t == tag {
			return true
		}
	}
	return false
}
