package slides

import "github.com/archdoc/archdoc/render/view"

// withBoxes is v with only the boxes keep names, the given arrows, and
// the containers those boxes (or keep itself) sit in, with their
// ancestors, so a nested domain keeps its parent.
func withBoxes(v *view.View, keep map[string]bool, edges []view.Edge) *view.View {
	out := *v
	out.Nodes, out.Clusters, out.Edges = nil, nil, edges
	parents := map[string]bool{}
	for _, n := range v.Nodes {
		if keep[n.ID] {
			out.Nodes = append(out.Nodes, n)
			parents[n.Parent] = true
		}
	}
	parentOf := map[string]string{}
	for _, c := range v.Clusters {
		parentOf[c.ID] = c.Parent
	}
	for id := range parents {
		for p := parentOf[id]; p != ""; p = parentOf[p] {
			parents[p] = true
		}
	}
	for _, c := range v.Clusters { // parents first, as in v
		if parents[c.ID] || keep[c.ID] {
			out.Clusters = append(out.Clusters, c)
		}
	}
	return &out
}

// aroundChanges is v cut down to what an idea's option changes and the
// boxes one arrow away from it, in their domains: on a slide the whole
// business view is too small to read, and the change is the point.
func aroundChanges(v *view.View) *view.View {
	if len(v.Marks) == 0 {
		return v
	}
	keep := map[string]bool{}
	for id := range v.Marks {
		keep[id] = true
	}
	for _, e := range v.Edges {
		if v.Marks[e.ID] != "" || v.Marks[e.From] != "" || v.Marks[e.To] != "" {
			keep[e.From], keep[e.To] = true, true
		}
	}
	var edges []view.Edge
	for _, e := range v.Edges {
		if keep[e.From] && keep[e.To] {
			edges = append(edges, e)
		}
	}
	out := withBoxes(v, keep, edges)
	if len(out.Nodes) == 0 {
		return v
	}
	return out
}
