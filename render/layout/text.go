package layout

import (
	"github.com/archdoc/archdoc/render/scene"
	"github.com/archdoc/archdoc/render/view"
)

// keepText copies each label as the view has it, before wrapping, into
// the scene, for renderers that leave wrapping to their own tool.
func keepText(s *scene.Scene, v *view.View) {
	nodes := map[string]view.Node{}
	for _, n := range v.Nodes {
		nodes[n.ID] = n
	}
	for i := range s.Nodes {
		if n, ok := nodes[s.Nodes[i].ID]; ok {
			s.Nodes[i].Text, s.Nodes[i].Details = n.Label, n.Details
		}
	}
	clusters := map[string]string{}
	for _, c := range v.Clusters {
		clusters[c.ID] = c.Label
	}
	for i := range s.Clusters {
		s.Clusters[i].Text = clusters[s.Clusters[i].ID]
	}
	edges := map[string]string{}
	for _, e := range v.Edges {
		edges[e.ID] = e.Label
	}
	for i := range s.Edges {
		s.Edges[i].Text = edges[s.Edges[i].ID]
	}
}
