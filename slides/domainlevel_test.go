package slides

import (
	"strings"
	"testing"

	"github.com/archdoc/archdoc/render"
	"github.com/archdoc/archdoc/render/view"
)

// A slide keeps each domain's strongest link and the strongest of the
// rest, no more than there are domains, and always the actors' arrows.
func TestFewerArrowsKeepsEachDomainLinked(t *testing.T) {
	v := &view.View{Kind: view.KindGraph}
	for _, id := range []string{"a", "b", "c", "d"} {
		v.Nodes = append(v.Nodes, view.Node{ID: id, Kind: "domain"})
	}
	v.Nodes = append(v.Nodes, view.Node{ID: "user", Kind: "actor"})
	v.Edges = []view.Edge{
		{ID: "user>a", From: "user", To: "a"},
		{ID: "a>b", From: "a", To: "b", Count: 9},
		{ID: "b>c", From: "b", To: "c", Count: 8},
		{ID: "a>c", From: "a", To: "c", Count: 7},
		{ID: "c>a", From: "c", To: "a", Count: 2},
		{ID: "b>d", From: "b", To: "d", Count: 1}, // d's only link
		{ID: "a>d", From: "a", To: "d", Count: 1}, // as strong: kept too
	}
	got, hidden := render.FewerArrows(v)
	var ids []string
	for _, e := range got.Edges {
		ids = append(ids, e.ID)
	}
	want := "user>a a>b b>c b>d a>d"
	if s := strings.Join(ids, " "); s != want || hidden != 2 {
		t.Errorf("kept %s, %d left out; want %s, 2", s, hidden, want)
	}
}
