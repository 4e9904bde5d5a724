package render

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/archdoc/archdoc/internal/graphviz"

	"github.com/archdoc/archdoc/internal/synth"
	"github.com/archdoc/archdoc/model"
	"github.com/archdoc/archdoc/render/scene"
	"github.com/archdoc/archdoc/render/view"
)

func synthModel(t testing.TB, n int) *model.Model {
	t.Helper()
	m, err := model.Parse("gen.yaml", synth.Model(n, 1))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// domainLevelOfSynthView is the view with the given id of a generated
// 60-module model and its domain-level version; it fails t when the view
// does not collapse.
func domainLevelOfSynthView(t *testing.T, id string) (v, small *view.View) {
	t.Helper()
	m := synthModel(t, 60)
	v, err := view.Get(m, id)
	if err != nil {
		t.Fatal(err)
	}
	small, ok := domainLevel(v, m)
	if !ok {
		t.Fatalf("%s view did not collapse", id)
	}
	return v, small
}

// checkEveryView fails unless every view of m has its scene, in order,
// and every box and arrow of the view is in it. A view drawn at domain
// level must say so, be an overview or over MaxDetail, and keep every
// domain (the stack: every technology).
func checkEveryView(t *testing.T, m *model.Model, scenes []*scene.Scene) {
	t.Helper()
	views := view.All(m)
	if len(scenes) != len(views) {
		t.Fatalf("%d scenes for %d views", len(scenes), len(views))
	}
	for i, v := range views {
		s := scenes[i]
		if s == nil || s.ID != v.ID {
			t.Fatalf("scene %d is %v, want view %s", i, s, v.ID)
		}
		if detail(v) > MaxDetail && !s.Fallbacks.DomainLevel && !s.Fallbacks.GridLayout {
			t.Errorf("%s: %d boxes and arrows but drawn neither at domain level nor on the grid", v.ID, detail(v))
		}
		if s.Fallbacks.DomainLevel {
			checkDomainLevel(t, v, s)
			continue
		}
		if small, ok := neighboursCollapsed(v, m); ok {
			v = small // its many neighbouring domains drawn one box each
		}
		ids := map[string]bool{}
		for _, n := range s.Nodes {
			ids[n.ID] = true
		}
		for _, n := range v.Nodes {
			if !ids[n.ID] {
				t.Errorf("%s: node %s missing from the scene", v.ID, n.ID)
			}
		}
		if len(s.Edges) != len(v.Edges) {
			t.Errorf("%s: %d edges in the scene for %d in the view", v.ID, len(s.Edges), len(v.Edges))
		}
		for _, e := range s.Edges {
			if len(e.Path) < 4 {
				t.Errorf("%s: edge %s has no route", v.ID, e.ID)
			}
		}
	}
}

func checkDomainLevel(t *testing.T, v *view.View, s *scene.Scene) {
	t.Helper()
	if len(s.Warnings) == 0 || !strings.Contains(s.Warnings[0], "drawn at domain level") {
		t.Errorf("%s: drawn at domain level without saying so first: %q", v.ID, s.Warnings)
	}
	if detail(v) <= MaxDetail && !overview(v) {
		t.Errorf("%s: a detail view of %d boxes and arrows drawn at domain level", v.ID, detail(v))
	}
	shown := map[string]bool{}
	for _, n := range s.Nodes {
		shown[n.ID] = true
	}
	for _, c := range v.Clusters {
		if c.Kind == "domain" && c.Parent == "" && v.ID != "stack" && !shown[c.ID] {
			t.Errorf("%s: domain %s missing at domain level", v.ID, c.ID)
		}
	}
	for _, n := range v.Nodes {
		if n.Kind == "tech" && !shown[n.ID] {
			t.Errorf("%s: technology %s missing at domain level", v.ID, n.ID)
		}
	}
}

// TestLargeModelsLayOut lays out every view of a 300-module model (and of
// a 1000-module one when ARCHDOC_TEST_LARGE=1, as CI sets: it takes
// about a minute on two cores).
func TestLargeModelsLayOut(t *testing.T) {
	sizes := []int{300}
	if os.Getenv("ARCHDOC_TEST_LARGE") == "1" {
		sizes = append(sizes, 1000)
	}
	for _, n := range sizes {
		m := synthModel(t, n)
		scenes, err := Scenes(context.Background(), m)
		if err != nil {
			t.Fatal(err)
		}
		checkEveryView(t, m, scenes)
	}
}

// TestParallelLayoutIsDeterministic: every view laid out in this process
// one at a time, in two worker processes and in four gives the same
// scenes: a layout does not depend on what was laid out before it or
// beside it.
func TestParallelLayoutIsDeterministic(t *testing.T) {
	m := synthModel(t, 100)
	var runs [][]*scene.Scene
	for _, workers := range []int{0, 2, 4} {
		graphviz.UseSelfAsWorkers(workers)
		scenes, err := NewLayouts().Scenes(context.Background(), m)
		graphviz.UseWorkers(nil, 0)
		graphviz.Close()
		if err != nil {
			t.Fatal(err)
		}
		runs = append(runs, scenes)
	}
	for r := 1; r < len(runs); r++ {
		for i, s := range runs[r] {
			a, _ := json.Marshal(runs[0][i])
			b, _ := json.Marshal(s)
			if !bytes.Equal(a, b) {
				t.Errorf("run %d: view %s differs from run 0 (warnings %q, then %q)", r, s.ID, runs[0][i].Warnings, s.Warnings)
			}
		}
	}
}

// TestLayoutsRelayOnlyEditedViews: after a one-line edit (a module's
// description), only the views showing that module are laid out again,
// and they come out as a fresh layout would.
func TestLayoutsRelayOnlyEditedViews(t *testing.T) {
	src, err := os.ReadFile("../examples/shop/architecture.yaml")
	if err != nil {
		t.Fatal(err)
	}
	l := NewLayouts()
	var calls []int
	l.Progress = func(done, total int) { calls = append(calls, done) }
	m, err := model.Parse("architecture.yaml", src)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := l.Scenes(context.Background(), m); err != nil {
		t.Fatal(err)
	}
	first := l.LastStats()
	if first.Cached != 0 || first.Laid != first.Views || calls[len(calls)-1] != first.Views {
		t.Fatalf("first run: %+v, progress %v", first, calls)
	}
	edited := bytes.Replace(src, []byte("name: Packing"), []byte("name: Packing and shipping"), 1)
	if bytes.Equal(edited, src) {
		t.Fatal("the example no longer has a module named Packing; update the test")
	}
	m2, err := model.Parse("architecture.yaml", edited)
	if err != nil {
		t.Fatal(err)
	}
	scenes, err := l.Scenes(context.Background(), m2)
	if err != nil {
		t.Fatal(err)
	}
	second := l.LastStats()
	touched := 0
	for _, v := range view.All(m2) {
		if v.Node("packing") != nil {
			touched++
		}
	}
	if second.Laid != touched || second.Cached != second.Views-touched || touched == 0 {
		t.Errorf("after editing one module shown in %d views: %+v", touched, second)
	}
	fresh, err := Scenes(context.Background(), m2)
	if err != nil {
		t.Fatal(err)
	}
	a, _ := json.Marshal(scenes)
	b, _ := json.Marshal(fresh)
	if !bytes.Equal(a, b) {
		t.Error("cached scenes differ from a fresh layout of the edited model")
	}
}

// TestDomainLevelKeepsEveryDomainAndFlow collapses the business view of
// a generated model: every domain is one box linking to its page, and
// the merged arrows' counts add up to every arrow between domains.
func TestDomainLevelKeepsEveryDomainAndFlow(t *testing.T) {
	v, small := domainLevelOfSynthView(t, "business")
	owner, _ := collapse(v)
	own := func(id string) string {
		if d, ok := owner[id]; ok {
			return d
		}
		return id
	}
	for _, c := range v.Clusters {
		if c.Kind != "domain" || c.Parent != "" {
			continue
		}
		n := small.Node(c.ID)
		if n == nil || n.Link != c.Link || n.Shape != scene.ShapeDomain || n.Label != c.Label {
			t.Errorf("domain %s: collapsed box %+v", c.ID, n)
		}
	}
	for _, n := range small.Nodes {
		if n.Kind == "module" {
			t.Errorf("module %s was not collapsed into its domain", n.ID)
		}
	}
	between := 0
	for _, e := range v.Edges {
		if own(e.From) != own(e.To) && small.Node(own(e.From)) != nil && small.Node(own(e.To)) != nil {
			between++
		}
	}
	counted := 0
	for _, e := range small.Edges {
		if small.Node(e.From) == nil || small.Node(e.To) == nil {
			t.Errorf("merged edge %s ends outside the view", e.ID)
		}
		var k int
		if _, err := fmt.Sscan(e.Label, &k); err == nil && strings.HasSuffix(e.Label, "条流") {
			counted += k
		} else {
			counted++
		}
	}
	if counted != between || between == 0 {
		t.Errorf("merged arrows stand for %d flows, want %d", counted, between)
	}
	if detail(small) >= detail(v) {
		t.Errorf("domain level has %d boxes and arrows, the detail view %d", detail(small), detail(v))
	}
}

// TestStackOfALargeModelIsTechnologiesOnly: the stack view of a large
// model is its layers and technologies, no module, and each technology
// says how many modules use it.
func TestStackOfALargeModelIsTechnologiesOnly(t *testing.T) {
	m := synthModel(t, 300)
	v := mustView(t, m, "stack")
	techs := 0
	for _, n := range v.Nodes {
		if n.Kind != "tech" {
			t.Errorf("%s %s in the stack view", n.Kind, n.ID)
			continue
		}
		techs++
		if n.Parent == "" || v.Cluster(n.Parent) == nil {
			t.Errorf("tech %s lost its layer", n.ID)
		}
		users := 0
		for _, u := range m.TechUsers(n.ID) {
			if strings.HasPrefix(u, "m") {
				users++
			}
		}
		if want := fmt.Sprintf("%d 个模块使用", users); !strings.HasSuffix(n.Sub, want) || users == 0 {
			t.Errorf("tech %s: sub-label %q, want it to end in %q", n.ID, n.Sub, want)
		}
	}
	if techs == 0 || len(v.Clusters) == 0 || len(v.Edges) > 0 {
		t.Errorf("stack has %d techs, %d layers and %d arrows", techs, len(v.Clusters), len(v.Edges))
	}
}

// TestLayoutsViewComesFromTheCache: a view laid out by Scenes is not laid
// out again by View with the same settings (a slide's first try), and a
// different view is laid out and kept.
func TestLayoutsViewComesFromTheCache(t *testing.T) {
	m := load(t, examples[1])
	l := NewLayouts()
	scenes, err := l.Scenes(context.Background(), m)
	if err != nil {
		t.Fatal(err)
	}
	v, err := view.Get(m, scenes[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	s, err := l.View(context.Background(), v, m)
	if err != nil || s != scenes[0] {
		t.Fatalf("View of %s: %v, cached scene returned: %v", v.ID, err, s == scenes[0])
	}
	other := *v
	other.Direction = view.TopToBottom
	if other.Direction == v.Direction {
		other.Direction = view.LeftToRight
	}
	s2, err := l.View(context.Background(), &other, m)
	if err != nil || s2 == scenes[0] {
		t.Fatalf("another direction: %v, same scene: %v", err, s2 == scenes[0])
	}
	if s3, _ := l.View(context.Background(), &other, m); s3 != s2 {
		t.Error("the second layout of the same view was not kept")
	}
}
