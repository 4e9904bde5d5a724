package render

import (
	"context"
	"testing"

	"github.com/archdoc/archdoc/render/view"
)

// TestDomainLevelKeepsDomainOrder: a business view drawn at domain level
// lists its domain boxes from the top in the model's order wherever two
// share a column, as the detail view does with a domain's modules
// (Graphviz alone drew the 1,000-module model's hundred domains bottom to
// top, domain 1 last). A box an arrow leads to is exempt: it stays beside
// the arrow's tail rather than cross other arrows to its place.
func TestDomainLevelKeepsDomainOrder(t *testing.T) {
	for _, n := range []int{1000} {
		m := synthModel(t, n)
		v, err := view.Get(m, "business")
		if err != nil {
			t.Fatal(err)
		}
		s, ok, err := atDomainLevel(context.Background(), v, m, nil, "business", nil, false)
		if err != nil || !ok {
			t.Fatalf("%d modules: the business view was not drawn at domain level: %v", n, err)
		}
		declared := map[string]int{}
		for i, d := range m.Domains {
			declared[d.ID] = i
		}
		headed := map[string]bool{}
		for _, e := range s.Edges {
			headed[e.To] = true
		}
		checked := 0
		for _, a := range s.Nodes {
			for _, b := range s.Nodes {
				ia, okA := declared[a.ID]
				ib, okB := declared[b.ID]
				if !okA || !okB || ia >= ib || headed[a.ID] || headed[b.ID] {
					continue
				}
				if a.Rect.X < b.Rect.X+b.Rect.W && b.Rect.X < a.Rect.X+a.Rect.W {
					checked++
					if a.Rect.Y > b.Rect.Y {
						t.Errorf("%d modules: domain %s is declared before %s but drawn below it", n, a.ID, b.ID)
					}
				}
			}
		}
		if checked == 0 {
			t.Errorf("%d modules: no two domain boxes share a column", n)
		}
	}
}
