package slides

import (
	"maps"
	"strings"

	"github.com/archdoc/archdoc/model"
	"github.com/archdoc/archdoc/render"
	"github.com/archdoc/archdoc/render/scene"
	"github.com/archdoc/archdoc/render/view"
)

// modulesPart is the part of a domain's view v showing the given
// modules of the domain: each arrow of the domain is on one part only,
// the part of the module it leaves, or of the module it reaches when it
// comes from another domain, so a hub's callers in the domain show it on
// their own parts. Other domains are stubs, one box each with their
// arrows merged, without secondary lines.
func modulesPart(v *view.View, modules []string, m *model.Model) *view.View {
	focus := strings.TrimPrefix(v.ID, "domain/")
	chosen := map[string]bool{}
	for _, id := range modules {
		chosen[id] = true
	}
	inside := map[string]bool{}
	for _, n := range v.Nodes {
		inside[n.ID] = n.Parent == focus
	}
	var edges []view.Edge
	keep := maps.Clone(chosen)
	for _, e := range v.Edges {
		if chosen[e.From] || chosen[e.To] && !inside[e.From] {
			edges = append(edges, e)
			keep[e.From], keep[e.To] = true, true
		}
	}
	part := withBoxes(v, keep, edges)
	if stubs, ok := render.NeighbourStubs(part, m); ok {
		part = stubs
	}
	if small, ok := compact(part); ok {
		part = small
	}
	return part
}

// countStubs tells, as a domain view laid out with its neighbours
// collapsed does, how many other domains each part of a domain's view
// draws one box each: modulesPart collapsed them before the layout saw
// the view.
func countStubs(parts []*scene.Scene) {
	for _, p := range parts {
		focus, ok := strings.CutPrefix(p.ID, "domain/")
		if !ok || p.Fallbacks.CollapsedNeighbours > 0 {
			continue
		}
		focus, _, _ = strings.Cut(focus, ".part")
		for _, n := range p.Nodes {
			if n.Kind == "domain" && n.ID != focus {
				p.Fallbacks.CollapsedNeighbours++
			}
		}
	}
}
