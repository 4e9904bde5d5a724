package render

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/archdoc/archdoc/model"
	"github.com/archdoc/archdoc/render/layout"
	"github.com/archdoc/archdoc/render/scene"
	"github.com/archdoc/archdoc/render/view"
)

func TestUnreadable(t *testing.T) {
	box := func(id, parent string, x, y float64) scene.Node {
		return scene.Node{ID: id, Parent: parent, Rect: scene.Rect{X: x, Y: y, W: 50, H: 20}}
	}
	cluster := func(id string, x, y, w, h float64) scene.Cluster {
		return scene.Cluster{ID: id, Rect: scene.Rect{X: x, Y: y, W: w, H: h}}
	}
	edges := make([]scene.Edge, 40)
	tests := []struct {
		name string
		s    scene.Scene
		want string
	}{
		{"clean", scene.Scene{
			Clusters: []scene.Cluster{cluster("a", 0, 0, 100, 100), cluster("b", 120, 0, 100, 100)},
			Nodes:    []scene.Node{box("x", "a", 10, 10), box("y", "b", 130, 10)},
			Edges:    edges, Fallbacks: scene.Fallbacks{StraightEdges: 2}}, ""},
		{"negative height", scene.Scene{Clusters: []scene.Cluster{cluster("a", 0, 100, 100, -80)}},
			"came out of Graphviz with overlapping domains"},
		{"box outside its cluster", scene.Scene{
			Clusters: []scene.Cluster{cluster("a", 0, 0, 100, 100)},
			Nodes:    []scene.Node{box("x", "a", 90, 10)}},
			"came out of Graphviz with overlapping domains"},
		{"clusters overlap", scene.Scene{
			Clusters: []scene.Cluster{cluster("a", 0, 0, 100, 100), cluster("b", 50, 50, 100, 100)}},
			"came out of Graphviz with overlapping domains"},
		{"touching clusters are fine", scene.Scene{
			Clusters: []scene.Cluster{cluster("a", 0, 0, 100, 100), cluster("b", 100, 0, 100, 100)}}, ""},
		{"many straight arrows", scene.Scene{Edges: edges, Fallbacks: scene.Fallbacks{StraightEdges: 3}},
			"has 3 of its 40 arrows not routed by Graphviz"},
		{"grid layout", scene.Scene{Fallbacks: scene.Fallbacks{GridLayout: true}},
			"could not be laid out by Graphviz"},
		{"grid layout after the budget", scene.Scene{Fallbacks: scene.Fallbacks{GridLayout: true},
			Warnings: []string{"Graphviz did not finish within its time budget (20s); it is drawn with the simple grid layout instead"}},
			"could not be laid out by Graphviz within its time budget"},
		{"a long column", scene.Scene{Width: 367, Height: 18307, Nodes: make([]scene.Node, 300)},
			"came out of Graphviz 367 by 18307 points, too long to read"},
		{"a long pipeline of a few boxes", scene.Scene{Width: 3000, Height: 60, Nodes: make([]scene.Node, 10)}, ""},
		{"tall but readable", scene.Scene{Width: 407, Height: 1065}, ""},
	}
	for _, tt := range tests {
		if got := unreadable(&tt.s); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestStrongestArrows(t *testing.T) {
	v := &view.View{Nodes: []view.Node{{ID: "customer", Kind: "actor"}}}
	for _, id := range []string{"a", "b", "c"} {
		v.Nodes = append(v.Nodes, view.Node{ID: id, Kind: "domain"})
	}
	arrow := func(from, to string, n int) view.Edge { return view.Edge{ID: from + to, From: from, To: to, Count: n} }
	// minArrows arrows of one flow each, plus three heavier ones and
	// the customer's: the one-flow arrows go, all together.
	for range minArrows {
		v.Edges = append(v.Edges, arrow("a", "b", 1))
	}
	v.Edges = append(v.Edges, arrow("a", "c", 5), arrow("c", "b", 2), arrow("b", "c", 2), arrow("customer", "a", 1))
	kept, least, arrows, flows := strongestArrows(v)
	if least != 2 || arrows != minArrows || flows != minArrows {
		t.Errorf("least %d, left out %d arrows, %d flows; want 2, %d, %d", least, arrows, flows, minArrows, minArrows)
	}
	var ids []string
	for _, e := range kept {
		ids = append(ids, e.ID)
	}
	if got := strings.Join(ids, " "); got != "ac cb bc customera" {
		t.Errorf("kept %q", got)
	}
	// A hundred domains may keep 3 arrows each, but no more than maxArrows.
	many := &view.View{}
	for i := range 100 {
		many.Nodes = append(many.Nodes, view.Node{ID: fmt.Sprintf("d%02d", i), Kind: "domain"})
	}
	for i := range 100 {
		for j := 1; j <= 3; j++ {
			many.Edges = append(many.Edges, arrow(fmt.Sprintf("d%02d", i), fmt.Sprintf("d%02d", (i+j)%100), 1+i%3))
		}
	}
	if kept, least, _, _ := strongestArrows(many); len(kept) > maxArrows || least != 3 {
		t.Errorf("100 domains kept %d arrows (at least %d flows); want at most %d, those of 3 flows", len(kept), least, maxArrows)
	}
	few := &view.View{Nodes: v.Nodes, Edges: v.Edges[minArrows-3:]}
	if kept, _, arrows, _ := strongestArrows(few); arrows != 0 || len(kept) != len(few.Edges) {
		t.Errorf("a small view lost %d arrows", arrows)
	}
}

// TestTangledOverviewGoesToDomainLevel: the business view of a generated
// 50-module model, whose random flows between domains Graphviz cannot
// rank, is drawn at domain level and says why; the example's is not.
func TestTangledOverviewGoesToDomainLevel(t *testing.T) {
	m := synthModel(t, 50)
	s, err := Scene(context.Background(), m, "business")
	if err != nil {
		t.Fatal(err)
	}
	if !s.Fallbacks.DomainLevel || len(s.Warnings) == 0 ||
		!strings.Contains(s.Warnings[0], "Graphviz") || !strings.Contains(s.Warnings[0], "drawn at domain level") {
		t.Fatalf("fallbacks %+v, warnings %q", s.Fallbacks, s.Warnings)
	}
	if why := unreadable(s); why != "" {
		t.Errorf("the domain-level view is unreadable too: %s", why)
	}
	ex, err := Scene(context.Background(), load(t, "../architecture.yaml"), "business")
	if err != nil {
		t.Fatal(err)
	}
	if ex.Fallbacks != (scene.Fallbacks{}) || len(ex.Warnings) > 0 {
		t.Errorf("the example's business view: %+v %q", ex.Fallbacks, ex.Warnings)
	}
}

// TestDomainViewCollapsesManyNeighbours: a domain of a large model keeps
// its own modules and draws each of its many neighbouring domains as
// one box, whose arrows still count every flow; the example's domains,
// with few neighbours, are drawn box by box.
func TestDomainViewCollapsesManyNeighbours(t *testing.T) {
	m := synthModel(t, 100)
	v := mustView(t, m, "domain/d3")
	small, ok := neighboursCollapsed(v, m)
	if !ok {
		t.Fatal("domain/d3 of a 100-module model kept every neighbour module")
	}
	mine, others := 0, 0
	for _, n := range small.Nodes {
		switch {
		case n.Kind == "module" && n.Parent == "d3":
			mine++
		case n.Kind == "module":
			t.Errorf("module %s of another domain was not collapsed", n.ID)
		case n.Kind == "domain":
			others++
			var some, all int
			if _, err := fmt.Sscanf(n.Sub, "%d/%d 个模块", &some, &all); err != nil || all != 10 || some < 1 || some >= all {
				t.Errorf("neighbour %s says %q; want how many of its 10 modules take part", n.ID, n.Sub)
			}
		}
	}
	if mine != 10 || others <= maxNeighbourDomains {
		t.Errorf("%d own modules and %d domain boxes", mine, others)
	}
	s, err := Scene(context.Background(), m, "domain/d3")
	if err != nil {
		t.Fatal(err)
	}
	if s.Fallbacks.CollapsedNeighbours != others {
		t.Errorf("the scene says %d neighbours were collapsed, want %d", s.Fallbacks.CollapsedNeighbours, others)
	}
	flows := 0
	for _, e := range small.Edges {
		flows += max(1, e.Count)
	}
	if flows != len(v.Edges) {
		t.Errorf("the collapsed view's arrows stand for %d flows, the view has %d", flows, len(v.Edges))
	}
	example := load(t, "../architecture.yaml")
	for _, id := range []string{"domain/frontend", "domain/data", "domain/backoffice"} {
		if _, ok := neighboursCollapsed(mustView(t, example, id), example); ok {
			t.Errorf("the example's %s was collapsed", id)
		}
	}
}

// TestOneHugeDomainKeepsItsModules: a domain of 800 modules has a view
// over MaxDetail; it is drawn with every module on the grid, not as one
// box for the domain linking to its own page.
func TestOneHugeDomainKeepsItsModules(t *testing.T) {
	const n = 800
	var b strings.Builder
	b.WriteString("name: One\ndomains:\n  - id: big\n    name: Big\n    modules:\n")
	for i := range n {
		fmt.Fprintf(&b, "      - id: m%d\n        name: M %d\n", i, i)
	}
	b.WriteString("flows:\n")
	for i := range n {
		fmt.Fprintf(&b, "  - from: m%d\n    to: m%d\n    label: calls\n", i, (i*7+1)%n)
	}
	m, err := model.Parse("one.yaml", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	s, err := Scene(context.Background(), m, "domain/big")
	if err != nil {
		t.Fatal(err)
	}
	if !s.Fallbacks.GridLayout || s.Fallbacks.DomainLevel || len(s.Nodes) != n || len(s.Edges) != n {
		t.Errorf("fallbacks %+v, %d boxes and %d arrows", s.Fallbacks, len(s.Nodes), len(s.Edges))
	}
}

// TestSubDomainSiblingsCollapseInsideTheirParent: in a sub-domain's view,
// a sibling sub-domain becomes one box inside the parent domain, which
// stays a container; other top-level domains become boxes of their own;
// the sub-domain keeps its modules, and a note on one of them stays.
func TestSubDomainSiblingsCollapseInsideTheirParent(t *testing.T) {
	var b strings.Builder
	b.WriteString(`name: Nested
domains:
  - id: top
    name: Top
    domains:
      - id: a
        name: A
        modules:
          - {id: a1, name: A1, notes: [Keep me.]}
          - {id: a2, name: A2}
      - id: b
        name: B
        modules:
          - {id: b1, name: B1}
          - {id: b2, name: B2}
`)
	for i := range 5 {
		fmt.Fprintf(&b, "  - id: o%d\n    name: O%d\n    modules:\n      - {id: o%dm, name: O%dM}\n", i, i, i, i)
	}
	b.WriteString("flows:\n  - {from: a1, to: b1, label: x}\n  - {from: a2, to: b2, label: y}\n")
	for i := range 5 {
		fmt.Fprintf(&b, "  - {from: a1, to: o%dm, label: z}\n", i)
	}
	m, err := model.Parse("nested.yaml", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	small, ok := neighboursCollapsed(mustView(t, m, "domain/a"), m)
	if !ok {
		t.Fatal("six neighbouring domains were not collapsed")
	}
	if n := small.Node("b"); n == nil || n.Kind != "domain" || n.Parent != "top" || n.Sub != "2 个模块" && n.Sub != "2 modules" {
		t.Errorf("sibling b: %+v", n)
	}
	if n := small.Node("o3"); n == nil || n.Kind != "domain" || n.Parent != "" {
		t.Errorf("top-level o3: %+v", n)
	}
	for _, id := range []string{"a1", "a2"} {
		if n := small.Node(id); n == nil || n.Parent != "a" {
			t.Errorf("module %s of the focus: %+v", id, n)
		}
	}
	if small.Cluster("top") == nil || small.Cluster("a") == nil || small.Cluster("b") != nil {
		t.Errorf("clusters %+v", small.Clusters)
	}
	notes := 0
	for _, n := range small.Nodes {
		if n.Kind == "note" {
			notes++
		}
	}
	if notes != 1 {
		t.Errorf("%d notes; the note on a1 should stay", notes)
	}
}

// TestParentDomainGoesToSubDomainLevel: the view of a domain with six
// sub-domains whose modules exchange random flows comes out of Graphviz
// broken; it is drawn with each sub-domain as one box inside it, says
// why, and reads clean.
func TestParentDomainGoesToSubDomainLevel(t *testing.T) {
	m := synthModel(t, 300)
	var tops []model.Domain
	for i := range 5 {
		tops = append(tops, model.Domain{ID: fmt.Sprintf("top%d", i), Name: fmt.Sprintf("顶层域%d", i),
			Domains: m.Domains[i*6 : i*6+6]})
	}
	m.Domains = tops
	m.BuildIndex()
	collapsed := 0
	for _, id := range []string{"top0", "top1", "top2", "top3", "top4"} {
		s, err := Scene(context.Background(), m, "domain/"+id)
		if err != nil {
			t.Fatal(err)
		}
		if why := unreadable(s); why != "" {
			t.Errorf("%s is still unreadable: %s", id, why)
		}
		if s.Fallbacks.DomainLevel {
			collapsed++
			if !strings.Contains(s.Warnings[0], "its sub-domains are drawn one box each") {
				t.Errorf("%s: %q", id, s.Warnings)
			}
		}
	}
	if collapsed == 0 {
		t.Error("no parent domain went to sub-domain level: the case this test is about is gone")
	}
	small, ok := subDomainsCollapsed(mustView(t, m, "domain/top2"), m)
	if !ok {
		t.Fatal("top2's sub-domains did not collapse")
	}
	sub := map[string]bool{}
	for _, d := range m.Domains[2].Domains {
		sub[d.ID] = true
	}
	inside := 0
	for _, n := range small.Nodes {
		if n.Kind == "domain" && n.Parent == "top2" && sub[n.ID] {
			inside++
		}
		if n.Kind == "module" && sub[n.Parent] {
			t.Errorf("module %s of top2's sub-domain %s was not collapsed", n.ID, n.Parent)
		}
	}
	if inside != 6 {
		t.Errorf("%d sub-domain boxes inside top2, want 6", inside)
	}
}

func mustView(t *testing.T, m *model.Model, id string) *view.View {
	t.Helper()
	v, err := view.Get(m, id)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// TestOverviewNeedsThreeDomains: the business view is redrawn at domain
// level only with three domains or more (two boxes say nothing); the
// stack needs none; other views never.
func TestOverviewNeedsThreeDomains(t *testing.T) {
	withDomains := func(id string, n int) *view.View {
		v := &view.View{ID: id}
		for i := range n {
			d := fmt.Sprintf("d%d", i)
			v.Clusters = append(v.Clusters, view.Cluster{ID: d, Kind: "domain"})
			v.Nodes = append(v.Nodes, view.Node{ID: d + "m", Kind: "module", Parent: d})
		}
		return v
	}
	for _, tt := range []struct {
		v    *view.View
		want bool
	}{
		{withDomains("business", 2), false},
		{withDomains("business", 3), true},
		{withDomains("stack", 0), true},
		{withDomains("view/custom", 5), false},
		{withDomains("module/m", 5), false},
	} {
		if got := overview(tt.v); got != tt.want {
			t.Errorf("overview(%s with %d domains) = %v, want %v", tt.v.ID, len(tt.v.Clusters), got, tt.want)
		}
	}
}

// TestDoomedBusinessViewsAreThoseTheCheckRejects: the business views
// sent to domain level without a try are exactly those whose detailed
// layout the check rejects, on generated models of 50, 100 and 300
// modules (and 1000 with ARCHDOC_TEST_LARGE=1), while the examples'
// are tried and pass.
func TestDoomedBusinessViewsAreThoseTheCheckRejects(t *testing.T) {
	sizes := []int{50, 100, 300}
	if os.Getenv("ARCHDOC_TEST_LARGE") == "1" {
		sizes = append(sizes, 1000)
	}
	models := map[string]*model.Model{}
	for _, n := range sizes {
		models[fmt.Sprintf("N=%d", n)] = synthModel(t, n)
	}
	for _, path := range examples {
		models[path] = load(t, path)
	}
	for name, m := range models {
		v, err := view.Get(m, "business")
		if err != nil {
			t.Fatal(err)
		}
		predicted := doomed(v) != ""
		if detail(v) > MaxDetail {
			if !predicted {
				t.Errorf("%s: over MaxDetail but not predicted", name)
			}
			continue // the check never sees it
		}
		s, err := layout.Layout(context.Background(), v)
		if err != nil {
			t.Fatal(err)
		}
		if rejected := unreadable(s) != ""; rejected != predicted {
			t.Errorf("%s: predicted %v, the check rejects %v (%q)", name, predicted, rejected, unreadable(s))
		}
	}
}
