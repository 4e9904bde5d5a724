package view

import (
	"fmt"

	"github.com/archdoc/archdoc/model"
	"github.com/archdoc/archdoc/model/delta"
)

// BeforeAfter is the business view of two versions of a model with what
// differs marked: before shows what is removed and changed, after what
// is added and changed; everything else is dimmed context. id names the
// pair: the views are id+"-before" and id+"-after".
func BeforeAfter(id string, before, after *model.Model, d *delta.Diff) (*View, *View) {
	marks := d.Marks()
	b, a := Business(before), Business(after)
	b.ID, a.ID = id+"-before", id+"-after"
	b.Marks, a.Marks = map[string]string{}, map[string]string{}
	for elem, m := range marks {
		if m != "added" {
			b.Marks[elem] = m
		}
		if m != "removed" {
			a.Marks[elem] = m
		}
	}
	capLabels(b)
	capLabels(a)
	return b, a
}

// OptionViewID names the before/after pair of option n (0-based) of an
// idea: "idea/<id>-<n+1>".
func OptionViewID(ideaID string, n int) string { return fmt.Sprintf("idea/%s-%d", ideaID, n+1) }

// Options returns the before and after views of every idea option that
// describes changes, in model order.
func Options(m *model.Model) []*View {
	var out []*View
	for i, idea := range m.Ideas {
		for j, o := range idea.Options {
			if o.Changes == nil || idea.ID == "" {
				continue
			}
			toBe := delta.ToBe(m, i, j)
			b, a := BeforeAfter(OptionViewID(idea.ID, j), m, toBe, delta.Compare(m, toBe))
			out = append(out, b, a)
		}
	}
	return out
}
