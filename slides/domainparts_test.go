package slides

import (
	"strings"
	"testing"

	"github.com/archdoc/archdoc/model"
	"github.com/archdoc/archdoc/render/view"
)

// A domain split by its modules draws each arrow on one part only (the
// part of the module it leaves, or reaches from another domain) and the
// other domains as stubs without secondary lines.
func TestModulesPartDrawsEachArrowOnce(t *testing.T) {
	v := &view.View{ID: "domain/d", Kind: view.KindGraph,
		Clusters: []view.Cluster{{ID: "d", Kind: "domain", Label: "D"}, {ID: "e", Kind: "domain", Label: "E"}},
		Nodes: []view.Node{
			{ID: "a", Kind: "module", Label: "A", Parent: "d"},
			{ID: "b", Kind: "module", Label: "B", Parent: "d"},
			{ID: "x", Kind: "module", Label: "X", Parent: "e"},
			{ID: "y", Kind: "module", Label: "Y", Parent: "e"},
		},
		Edges: []view.Edge{
			{ID: "1", Kind: view.EdgeFlow, From: "a", To: "b", Arrow: true},
			{ID: "2", Kind: view.EdgeFlow, From: "a", To: "x", Arrow: true},
			{ID: "3", Kind: view.EdgeFlow, From: "y", To: "b", Arrow: true},
			{ID: "4", Kind: view.EdgeFlow, From: "b", To: "y", Arrow: true},
		},
	}
	m := &model.Model{}
	for _, tt := range []struct{ module, want string }{
		{"a", "a>b a>e"},
		{"b", "b>e e>b"},
	} {
		p := modulesPart(v, []string{tt.module}, m)
		var got []string
		for _, e := range p.Edges {
			got = append(got, e.From+">"+e.To)
		}
		if s := strings.Join(got, " "); s != tt.want {
			t.Errorf("part of %s: arrows %s, want %s", tt.module, s, tt.want)
		}
		for _, n := range p.Nodes {
			if n.Sub != "" || n.Kind == "module" && n.Parent != "d" {
				t.Errorf("part of %s: box %s (sub %q, in %q), want the other domains as stubs without secondary lines", tt.module, n.ID, n.Sub, n.Parent)
			}
		}
	}
}
