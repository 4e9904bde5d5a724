package delta

import (
	"encoding/json"
	"fmt"
	"reflect"
	"sort"
	"strings"

	"github.com/archdoc/archdoc/model"
)

// Diff is what differs between two models, by element id. Each list is
// in model order (Removed in the old model's, the others in the new one's).
type Diff struct {
	Added   []Change `json:"added"`
	Removed []Change `json:"removed"`
	Changed []Change `json:"changed"`
	Renamed []Change `json:"renamed"`
}

// Change is one element added, removed, changed or renamed.
type Change struct {
	Kind   string  `json:"kind"` // actor, domain, module, layer, tech, flow, idea, task, note, doc, view
	ID     string  `json:"id"`
	Name   string  `json:"name,omitempty"`
	OldID  string  `json:"old_id,omitempty"` // renames: the id it had
	Fields []Field `json:"fields,omitempty"` // changes and renames: what changed
}

// Field is one changed field, values written as YAML would show them.
type Field struct {
	Name string `json:"field"`
	Old  string `json:"old"`
	New  string `json:"new"`
}

// Empty reports whether the models have no differences.
func (d *Diff) Empty() bool {
	return len(d.Added)+len(d.Removed)+len(d.Changed)+len(d.Renamed) == 0
}

// Marks gives each element that differs its change: "added", "removed"
// or "changed" (a renamed element is changed under its new id, removed
// under its old one), as views draw them.
func (d *Diff) Marks() map[string]string {
	out := map[string]string{}
	for _, c := range d.Added {
		out[c.ID] = "added"
	}
	for _, c := range d.Removed {
		out[c.ID] = "removed"
	}
	for _, c := range d.Changed {
		out[c.ID] = "changed"
	}
	for _, c := range d.Renamed {
		out[c.ID], out[c.OldID] = "changed", "removed"
	}
	return out
}

// nested are fields that hold other elements: those compare on their own.
var nested = map[string]bool{"modules": true, "stores": true, "domains": true, "technologies": true}

// Compare lists what differs from old to new. Identity is the id; an id
// that disappears while one of the same kind and name appears is a rename.
func Compare(old, new *model.Model) *Diff {
	d := &Diff{Added: []Change{}, Removed: []Change{}, Changed: []Change{}, Renamed: []Change{}}
	before := fieldsByID(old)
	after := fieldsByID(new)
	var added []model.Element
	for _, e := range new.Elements() {
		b, ok := before[e.ID]
		switch {
		case !ok:
			added = append(added, e)
		case b.kind == e.Kind:
			if same(b.elem, e) {
				continue
			}
			if fs := fieldChanges(fieldsOf(b.elem), fieldsOf(e)); len(fs) > 0 {
				d.Changed = append(d.Changed, Change{Kind: string(e.Kind), ID: e.ID, Name: e.Name, Fields: fs})
			}
		default: // the id now names another kind of thing
			d.Removed = append(d.Removed, Change{Kind: string(b.kind), ID: e.ID, Name: b.name})
			added = append(added, e)
		}
	}
	var removedOrder []model.Element
	for _, e := range old.Elements() {
		if _, ok := after[e.ID]; !ok {
			removedOrder = append(removedOrder, e)
		}
	}
	renamedFrom := map[string]bool{}
	byName := map[string][]model.Element{} // kind and name -> removed, in order
	for _, r := range removedOrder {
		if r.Name != "" {
			k := string(r.Kind) + "\x00" + r.Name
			byName[k] = append(byName[k], r)
		}
	}
	for _, e := range added {
		k := string(e.Kind) + "\x00" + e.Name
		if rs := byName[k]; e.Name != "" && len(rs) > 0 {
			r := rs[0]
			byName[k] = rs[1:]
			renamedFrom[r.ID] = true
			fs := fieldChanges(fieldsOf(r), fieldsOf(e))
			d.Renamed = append(d.Renamed, Change{Kind: string(e.Kind), ID: e.ID, Name: e.Name, OldID: r.ID, Fields: fs})
			continue
		}
		d.Added = append(d.Added, Change{Kind: string(e.Kind), ID: e.ID, Name: e.Name})
	}
	for _, e := range removedOrder {
		if !renamedFrom[e.ID] {
			d.Removed = append(d.Removed, Change{Kind: string(e.Kind), ID: e.ID, Name: e.Name})
		}
	}
	return d
}

type snapshot struct {
	kind model.Kind
	name string
	elem model.Element
}

// fieldsByID indexes the model's elements by id, first one winning.
func fieldsByID(m *model.Model) map[string]snapshot {
	out := map[string]snapshot{}
	for _, e := range m.Elements() {
		if _, dup := out[e.ID]; dup {
			continue
		}
		out[e.ID] = snapshot{kind: e.Kind, name: e.Name, elem: e}
	}
	return out
}

// same is a quick check that an element did not change: most do not,
// and writing out their fields is what takes the time. A container equal
// with all it holds has equal fields too; one whose contents changed is
// compared field by field, which leaves the contents out.
func same(a, b model.Element) bool {
	return a.Parent == b.Parent && reflect.DeepEqual(a.Value(), b.Value())
}

// fieldsOf writes an element's own fields as text, plus "in": the
// domain or layer it sits in.
func fieldsOf(e model.Element) map[string]string {
	data, _ := json.Marshal(e.Value())
	var raw map[string]json.RawMessage
	_ = json.Unmarshal(data, &raw)
	out := map[string]string{}
	for k, val := range raw {
		if nested[k] || k == "id" {
			continue
		}
		flatten(out, k, val)
	}
	if e.Parent != "" {
		out["in"] = e.Parent
	}
	return out
}

// flatten writes a value under path, spelling out objects and lists of
// objects field by field ("options[1].changes.add[0].tech.name") so that
// a change names the field that changed, not a whole list of options.
func flatten(out map[string]string, path string, raw json.RawMessage) {
	if len(raw) > 0 && raw[0] == '{' {
		var obj map[string]json.RawMessage
		if json.Unmarshal(raw, &obj) == nil {
			for k, v := range obj {
				flatten(out, path+"."+k, v)
			}
			return
		}
	}
	if len(raw) > 1 && raw[0] == '[' && raw[1] == '{' {
		var items []json.RawMessage
		if json.Unmarshal(raw, &items) == nil {
			for i, v := range items {
				flatten(out, fmt.Sprintf("%s[%d]", path, i), v)
			}
			return
		}
	}
	out[path] = text(raw)
}

// text shows a JSON value as YAML would: strings bare, lists of strings
// comma-separated, anything else as compact JSON.
func text(raw json.RawMessage) string {
	switch {
	case len(raw) > 0 && raw[0] == '"':
		var s string
		if json.Unmarshal(raw, &s) == nil {
			return s
		}
	case len(raw) > 1 && raw[0] == '[' && raw[1] == '"':
		var list []string
		if json.Unmarshal(raw, &list) == nil {
			return "[" + strings.Join(list, ", ") + "]"
		}
	}
	return string(raw)
}

// fieldChanges lists the fields that differ, sorted by name.
func fieldChanges(old, new map[string]string) []Field {
	names := map[string]bool{}
	for k := range old {
		names[k] = true
	}
	for k := range new {
		names[k] = true
	}
	var out []Field
	for k := range names {
		if old[k] != new[k] {
			out = append(out, Field{Name: k, Old: old[k], New: new[k]})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// label names a change for people: the name with the id, or the id.
func (c Change) label() string {
	if c.Name == "" || c.Name == c.ID {
		return c.ID
	}
	return fmt.Sprintf("%s (%s)", c.Name, c.ID)
}
