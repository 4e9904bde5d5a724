package view

import "github.com/archdoc/archdoc/model"

// FlowEnds is the picture of a flow without steps: its two ends, side by
// side, and the flow's arrow between them (laid out by layout.Pair, not
// Graphviz). ok is false when the flow has steps (its view is the
// sequence) or its ends are not two different elements.
func FlowEnds(m *model.Model, id string) (v *View, ok bool) {
	x := newIndex(m)
	f := x.flow(id)
	if f == nil {
		return nil, false
	}
	return flowEnds(x, id, f)
}

// AllFlowEnds is FlowEnds for every flow that has such a picture, by flow
// id, from one index of the model: a site draws one per flow page, and an
// index per page made the site grow with flows × elements.
func AllFlowEnds(m *model.Model) map[string]*View {
	x := newIndex(m)
	out := map[string]*View{}
	seen := map[string]bool{}
	for i := range m.Flows {
		id := flowID(m, i)
		if seen[id] {
			continue // a duplicate id: FlowEnds finds the first one
		}
		seen[id] = true
		if v, ok := flowEnds(x, id, &m.Flows[i]); ok {
			out[id] = v
		}
	}
	return out
}

func flowEnds(x *index, id string, f *model.Flow) (*View, bool) {
	if len(f.Steps) > 0 || f.From == f.To {
		return nil, false
	}
	b := newBuilder(x, "flow/"+id, "", LeftToRight)
	b.flat = true
	b.addElement(f.From)
	b.addElement(f.To)
	if len(b.v.Nodes) != 2 {
		return nil, false
	}
	label := f.Label
	if label == "" {
		label = f.Protocol
	}
	b.addEdge(Edge{ID: id, Kind: EdgeFlow, From: f.From, To: f.To, Label: label, Arrow: true, Async: f.Async})
	return b.v, true
}
