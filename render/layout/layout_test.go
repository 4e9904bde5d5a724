package layout

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/archdoc/archdoc/internal/graphviz"
	"github.com/archdoc/archdoc/internal/synth"
	"github.com/archdoc/archdoc/model"
	"github.com/archdoc/archdoc/render/measure"
	"github.com/archdoc/archdoc/render/scene"
	"github.com/archdoc/archdoc/render/view"
)

var update = flag.Bool("update", false, "rewrite golden files")

// examples are the two models the project ships, and the fixture with
// every module kind and owned stores; every view of each must lay out.
var examples = map[string]string{
	"cashback": "../../architecture.yaml",
	"shop":     "../../examples/shop/architecture.yaml",
	"kinds":    "../testdata/kinds/architecture.yaml",
}

func loadExample(t testing.TB, name string) *model.Model {
	t.Helper()
	m, err := model.Load(examples[name])
	if err != nil {
		t.Fatalf("load %s: %v", examples[name], err)
	}
	return m
}

// exampleView is the view with the given id of an example model.
func exampleView(t testing.TB, example, id string) *view.View {
	t.Helper()
	v, err := view.Get(loadExample(t, example), id)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// bigBusinessView is the business view of a generated 100-module model:
// more than Graphviz can lay out within a tiny time budget.
func bigBusinessView(t testing.TB) *view.View {
	t.Helper()
	m, err := model.Parse("gen.yaml", synth.Model(100, 1))
	if err != nil {
		t.Fatal(err)
	}
	v, err := view.Get(m, "business")
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// layoutAll lays out every view of an example.
func layoutAll(t testing.TB, m *model.Model) []*scene.Scene {
	t.Helper()
	var out []*scene.Scene
	for _, v := range view.All(m) {
		s, err := Layout(context.Background(), v)
		if err != nil {
			t.Fatalf("layout %s: %v", v.ID, err)
		}
		out = append(out, s)
	}
	return out
}

func TestEveryViewLaysOutWithEverything(t *testing.T) {
	for name := range examples {
		t.Run(name, func(t *testing.T) {
			m := loadExample(t, name)
			views := view.All(m)
			scenes := layoutAll(t, m)
			for i, s := range scenes {
				v := views[i]
				if len(s.Warnings) > 0 {
					t.Errorf("%s: warnings %q", s.ID, s.Warnings)
				}
				if s.Width <= 0 || s.Height <= 0 || s.FontSize != DefaultFontSize {
					t.Errorf("%s: size %vx%v font %v", s.ID, s.Width, s.Height, s.FontSize)
				}
				if len(s.Nodes) < len(v.Nodes) || len(s.Clusters) != len(v.Clusters) || len(s.Edges) != len(v.Edges) {
					t.Errorf("%s: scene has %d nodes %d clusters %d edges, view %d %d %d", s.ID,
						len(s.Nodes), len(s.Clusters), len(s.Edges), len(v.Nodes), len(v.Clusters), len(v.Edges))
				}
				for _, e := range s.Edges {
					if len(e.Path) < 4 || (len(e.Path)-1)%3 != 0 {
						t.Errorf("%s: edge %s has a path of %d points, not a cubic Bézier", s.ID, e.ID, len(e.Path))
					}
				}
			}
		})
	}
}

// TestLabelsFit proves that every label, measured with the same metrics
// and the scene's font size, fits the box the renderers draw it in, and
// that every box lies inside the scene and inside its cluster.
func TestLabelsFit(t *testing.T) {
	for name := range examples {
		t.Run(name, func(t *testing.T) {
			for _, s := range layoutAll(t, loadExample(t, name)) {
				checkFits(t, s)
			}
		})
	}
}

func checkFits(t *testing.T, s *scene.Scene) {
	t.Helper()
	fs := s.FontSize
	page := scene.Rect{W: s.Width, H: s.Height}
	clusters := map[string]scene.Rect{}
	for _, c := range s.Clusters {
		clusters[c.ID] = c.Rect
		if !page.Contains(c.Rect) {
			t.Errorf("%s: cluster %s %v outside the scene %v", s.ID, c.ID, c.Rect, page)
		}
		if p, ok := clusters[c.Parent]; c.Parent != "" && (!ok || !p.Contains(c.Rect)) {
			t.Errorf("%s: cluster %s not inside its parent %s (or parent listed after it)", s.ID, c.ID, c.Parent)
		}
		label := scene.Rect{X: c.LabelPos.X, Y: c.LabelPos.Y, W: measure.MaxWidth(c.Label, fs), H: measure.Height(len(c.Label), fs)}
		if !c.Rect.Contains(label) {
			t.Errorf("%s: cluster %s label %q (%v) does not fit in %v", s.ID, c.ID, c.Label, label, c.Rect)
		}
	}
	for _, n := range s.Nodes {
		if !page.Contains(n.Rect) {
			t.Errorf("%s: node %s %v outside the scene", s.ID, n.ID, n.Rect)
		}
		if p, ok := clusters[n.Parent]; n.Parent != "" && (!ok || !p.Contains(n.Rect)) {
			t.Errorf("%s: node %s %v not inside its cluster %s", s.ID, n.ID, n.Rect, n.Parent)
		}
		w := measure.MaxWidth(n.Label, fs)
		h := measure.Height(len(n.Label), fs)
		if n.Sub != "" {
			w = max(w, measure.Width(n.Sub, fs*subScale))
			h += measure.LineHeight(fs) * subScale
		}
		if n.Shape == scene.ShapeActor {
			h += actorFigure * fs
		}
		for _, line := range n.Label {
			if n.Icon != nil && measure.Width(line, fs) > n.TextRect().W-2*padX+0.5 {
				t.Errorf("%s: node %s line %q does not fit beside its icon (%v)", s.ID, n.ID, line, n.TextRect())
			}
			if measure.Width(line, fs) > n.Rect.W-2 {
				t.Errorf("%s: node %s line %q is %.1fpt wide, box %.1fpt", s.ID, n.ID, line, measure.Width(line, fs), n.Rect.W)
			}
		}
		if w > n.Rect.W || h > n.Rect.H {
			t.Errorf("%s: node %s text %.1fx%.1f does not fit box %.1fx%.1f", s.ID, n.ID, w, h, n.Rect.W, n.Rect.H)
		}
	}
	for _, e := range s.Edges {
		if len(e.Label) == 0 {
			continue
		}
		for _, line := range e.Label {
			if measure.Width(line, fs) > e.LabelRect.W {
				t.Errorf("%s: edge %s label line %q is %.1fpt wide, label box %.1fpt", s.ID, e.ID, line, measure.Width(line, fs), e.LabelRect.W)
			}
		}
		if measure.Height(len(e.Label), fs) > e.LabelRect.H {
			t.Errorf("%s: edge %s label %q taller than its box", s.ID, e.ID, e.Label)
		}
		if !page.Contains(e.LabelRect) {
			t.Errorf("%s: edge %s label box %v outside the scene", s.ID, e.ID, e.LabelRect)
		}
	}
}

// TestLongLabelsWrap: a long Chinese label is wrapped at a readable
// width, and the box grows to hold it.
func TestLongLabelsWrap(t *testing.T) {
	long := "在后台查找当前页面的数据是否有返利，点击激活模拟用户出站种下cookie"
	v := &view.View{ID: "t", Kind: view.KindGraph, Nodes: []view.Node{{ID: "a", Label: long}, {ID: "b", Label: "B"}},
		Edges: []view.Edge{{ID: "a->b", From: "a", To: "b", Label: long, Arrow: true}}}
	s, err := Layout(context.Background(), v)
	if err != nil {
		t.Fatal(err)
	}
	n := s.Nodes[0]
	if len(n.Label) < 3 {
		t.Fatalf("label not wrapped: %q", n.Label)
	}
	if strings.Join(n.Label, "") != long {
		t.Fatalf("wrapping lost text: %q", n.Label)
	}
	if n.Rect.W > 12*DefaultFontSize+2*padX+1 {
		t.Fatalf("box %v wider than the wrap width", n.Rect)
	}
	if len(s.Edges[0].Label) < 2 {
		t.Fatalf("edge label not wrapped: %q", s.Edges[0].Label)
	}
	checkFits(t, s)
}

// TestClusterEdgesEndAtTheCluster: a flow between domains starts and
// ends at the domains' boxes (Graphviz ltail/lhead), not at a module, and
// its head does not point at one of the domain's modules.
func TestClusterEdgesEndAtTheCluster(t *testing.T) {
	v := exampleView(t, "cashback", "business")
	s, err := Layout(context.Background(), v)
	if err != nil {
		t.Fatal(err)
	}
	var data, frontend scene.Rect
	for _, c := range s.Clusters {
		switch c.ID {
		case "data":
			data = c.Rect
		case "frontend":
			frontend = c.Rect
		}
	}
	for _, e := range s.Edges {
		if e.ID != "frontend-to-data" {
			continue
		}
		start, end := e.Path[0], e.Path[len(e.Path)-1]
		onBorder := func(v, edge float64) bool { return v > edge-2 && v < edge+2 }
		on := func(p scene.Point, r scene.Rect) bool {
			return near(p, r) && (onBorder(p.X, r.X) || onBorder(p.X, r.X+r.W) || onBorder(p.Y, r.Y) || onBorder(p.Y, r.Y+r.H))
		}
		if !on(end, data) {
			t.Errorf("frontend-to-data ends at %v, not on the data cluster's border %v", end, data)
		}
		// Not level with one of data's modules either: that read as an
		// arrow to 卡券模块 (see aimBetweenBoxes).
		for _, n := range s.Nodes {
			if n.Parent == "data" && end.Y >= n.Rect.Y && end.Y <= n.Rect.Y+n.Rect.H {
				t.Errorf("frontend-to-data ends at %v, level with %s %v", end, n.ID, n.Rect)
			}
		}
		if !on(start, frontend) {
			t.Errorf("frontend-to-data starts at %v, not on the frontend cluster's border %v", start, frontend)
		}
		return
	}
	t.Fatal("no frontend-to-data edge in the business scene")
}

// TestUnroutedEdgeIsDrawnAndReported feeds the scene reader a Graphviz
// result that lacks an edge's route (as Graphviz does on large graphs):
// the edge must still be drawn, straight, with a warning.
func TestUnroutedEdgeIsDrawnAndReported(t *testing.T) {
	s := sceneFromEditedGraphviz(t, func(raw map[string]any) {
		delete(raw, "edges") // route and label place both lost
	})
	if len(s.Edges) != 1 || len(s.Edges[0].Path) != 4 {
		t.Fatalf("edge not redrawn as one straight line: %+v", s.Edges)
	}
	if want := "1 arrow was not routed by Graphviz and is drawn straight: a -> b"; len(s.Warnings) != 1 || s.Warnings[0] != want {
		t.Fatalf("warnings = %q, want %q", s.Warnings, want)
	}
	if s.Fallbacks.StraightEdges != 1 {
		t.Fatalf("Fallbacks = %+v, want 1 straight edge", s.Fallbacks)
	}
	p := s.Edges[0].Path
	if !near(p[0], s.Nodes[0].Rect) || !near(p[3], s.Nodes[1].Rect) {
		t.Fatalf("straight edge %v does not join %v and %v", p, s.Nodes[0].Rect, s.Nodes[1].Rect)
	}
	checkFits(t, s)
}

// sceneFromEditedGraphviz lays out two nodes joined by a labelled arrow
// with Graphviz, lets edit change Graphviz's JSON result, and reads the
// scene from what is left.
func sceneFromEditedGraphviz(t *testing.T, edit func(raw map[string]any)) *scene.Scene {
	t.Helper()
	v := &view.View{ID: "t", Kind: view.KindGraph,
		Nodes: []view.Node{{ID: "a", Label: "甲"}, {ID: "b", Label: "乙"}},
		Edges: []view.Edge{{ID: "a->b", Kind: "flow", From: "a", To: "b", Label: "调用", Arrow: true}}}
	g := newGraph(v, newConfig(nil))
	res, err := graphviz.Layout(context.Background(), g.dot(), DefaultTimeout)
	if err != nil {
		t.Fatal(err)
	}
	var raw map[string]any
	if err := json.Unmarshal(res.JSON, &raw); err != nil {
		t.Fatal(err)
	}
	edit(raw)
	out, _ := json.Marshal(raw)
	s, err := g.scene(out)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func near(p scene.Point, r scene.Rect) bool {
	return p.X >= r.X-1 && p.X <= r.X+r.W+1 && p.Y >= r.Y-1 && p.Y <= r.Y+r.H+1
}

func TestSequence(t *testing.T) {
	v := exampleView(t, "cashback", "flow/plugin-click-out")
	s, err := Layout(context.Background(), v)
	if err != nil {
		t.Fatal(err)
	}
	if s.Kind != scene.KindSequence || len(s.Lifelines) != len(v.Nodes) {
		t.Fatalf("kind %s, %d lifelines for %d participants", s.Kind, len(s.Lifelines), len(v.Nodes))
	}
	lifeline := map[string]scene.Lifeline{}
	for _, l := range s.Lifelines {
		lifeline[l.Node] = l
	}
	lastY := 0.0
	for i, e := range s.Edges {
		if e.Seq != i+1 {
			t.Errorf("message %d has Seq %d", i, e.Seq)
		}
		start, end := e.Path[0], e.Path[len(e.Path)-1]
		if start.Y <= lastY {
			t.Errorf("message %d at y=%v is not below the previous one (%v)", e.Seq, start.Y, lastY)
		}
		lastY = start.Y
		if start.X != lifeline[e.From].X || end.X != lifeline[e.To].X {
			t.Errorf("message %d runs %v -> %v, lifelines at %v and %v", e.Seq, start.X, end.X, lifeline[e.From].X, lifeline[e.To].X)
		}
		if ll := lifeline[e.From]; start.Y < ll.Y1 || start.Y > ll.Y2 {
			t.Errorf("message %d outside its lifeline", e.Seq)
		}
	}
	notes := 0
	for _, n := range s.Nodes {
		if n.Shape == scene.ShapeNote {
			notes++
		}
	}
	if notes != 2 {
		t.Errorf("%d notes, want the 2 step notes", notes)
	}
	checkFits(t, s)
}

func TestDeterministic(t *testing.T) {
	m := loadExample(t, "cashback")
	a, _ := json.Marshal(layoutAll(t, m))
	b, _ := json.Marshal(layoutAll(t, loadExample(t, "cashback")))
	if !bytes.Equal(a, b) {
		t.Fatal("two layouts of the same model differ")
	}
}

// TestGolden keeps the scene of every view of both examples as JSON:
// review the diff after -update.
func TestGolden(t *testing.T) {
	for name := range examples {
		for _, s := range layoutAll(t, loadExample(t, name)) {
			got, err := json.MarshalIndent(s, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			file := filepath.Join("testdata", name, strings.ReplaceAll(s.ID, "/", "_")+".golden")
			if *update {
				if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(file, got, 0o644); err != nil {
					t.Fatal(err)
				}
				continue
			}
			want, err := os.ReadFile(file)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s: scene differs from %s (run go test -update and review the diff)", s.ID, file)
			}
		}
	}
}

func TestOptions(t *testing.T) {
	v := &view.View{ID: "t", Kind: view.KindGraph, Nodes: []view.Node{{ID: "a", Label: "用户中心模块用户中心模块"}}}
	small, err := Layout(context.Background(), v, WithFontSize(10), WithLabelWidth(60))
	if err != nil {
		t.Fatal(err)
	}
	if small.FontSize != 10 || len(small.Nodes[0].Label) != 2 {
		t.Fatalf("font %v, lines %q", small.FontSize, small.Nodes[0].Label)
	}
	checkFits(t, small)
}

func TestCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Layout(ctx, &view.View{ID: "t"}); err == nil {
		t.Fatal("a cancelled context must stop the layout")
	}
}

func BenchmarkLayoutBusiness(b *testing.B) {
	v := exampleView(b, "cashback", "business")
	for b.Loop() {
		if _, err := Layout(context.Background(), v); err != nil {
			b.Fatal(err)
		}
	}
}

// TestUnroutedEdgeGoesThroughItsLabel: when Graphviz placed the label
// but lost the route, the fallback bends through the label's place.
func TestUnroutedEdgeGoesThroughItsLabel(t *testing.T) {
	s := sceneFromEditedGraphviz(t, func(raw map[string]any) {
		for _, e := range raw["edges"].([]any) {
			delete(e.(map[string]any), "pos") // the route lost, the label place kept
		}
	})
	e := s.Edges[0]
	if len(e.Path) != 7 || len(s.Warnings) != 1 {
		t.Fatalf("path %v warnings %q", e.Path, s.Warnings)
	}
	if mid := e.Path[3]; mid != e.LabelRect.Center() {
		t.Fatalf("bend %v is not the label centre %v", mid, e.LabelRect.Center())
	}
	checkFits(t, s)
}

// TestFallbackLayout: the grid layout used when Graphviz fails keeps
// every box, container and arrow, with labels that fit.
func TestFallbackLayout(t *testing.T) {
	for name := range examples {
		for _, v := range view.All(loadExample(t, name)) {
			if v.Kind != view.KindGraph {
				continue
			}
			g := newGraph(v, newConfig(nil))
			s := g.fallback()
			if len(s.Nodes) != len(v.Nodes) || len(s.Clusters) != len(v.Clusters) || len(s.Edges) != len(v.Edges) {
				t.Errorf("%s: fallback has %d/%d/%d nodes/clusters/edges, view %d/%d/%d", v.ID,
					len(s.Nodes), len(s.Clusters), len(s.Edges), len(v.Nodes), len(v.Clusters), len(v.Edges))
			}
			checkFits(t, s)
			for i, a := range s.Nodes {
				for _, b := range s.Nodes[i+1:] {
					if overlap(a.Rect, b.Rect) {
						t.Errorf("%s: fallback boxes %s and %s overlap", v.ID, a.ID, b.ID)
					}
				}
			}
		}
	}
}

func overlap(a, b scene.Rect) bool {
	return a.X < b.X+b.W && b.X < a.X+a.W && a.Y < b.Y+b.H && b.Y < a.Y+a.H
}

// TestOverBudgetFallsBack: a view Graphviz cannot finish within the time
// budget is drawn with the fallback layout and reported, not lost.
func TestOverBudgetFallsBack(t *testing.T) {
	v := bigBusinessView(t)
	s, err := Layout(context.Background(), v, WithTimeout(time.Nanosecond))
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Warnings) != 1 || !strings.Contains(s.Warnings[0], "simple grid layout") {
		t.Fatalf("warnings = %q", s.Warnings)
	}
	if len(s.Nodes) != len(v.Nodes) || len(s.Edges) != len(v.Edges) {
		t.Fatalf("fallback lost elements")
	}
	checkFits(t, s)
}

// TestManyLooseBoxesFillASquare: a hundred boxes without arrows between
// them (domains at domain level) fill rows instead of one tall column.
func TestManyLooseBoxesFillASquare(t *testing.T) {
	v := &view.View{ID: "t", Kind: view.KindGraph}
	for i := range 100 {
		v.Nodes = append(v.Nodes, view.Node{ID: fmt.Sprintf("d%d", i), Label: fmt.Sprintf("领域 %d", i)})
	}
	s, err := Layout(context.Background(), v)
	if err != nil {
		t.Fatal(err)
	}
	if r := s.Height / s.Width; r > 3 || r < 1.0/3 {
		t.Errorf("a %v x %v drawing for 100 boxes; want roughly square", s.Width, s.Height)
	}
	checkFits(t, s)
}

// TestStraightEdgesAreReported: a layout that needed straight arrows
// (Graphviz looped in its edge router) says so and counts them.
func TestStraightEdgesAreReported(t *testing.T) {
	v := &view.View{ID: "t", Kind: view.KindGraph,
		Nodes: []view.Node{{ID: "a", Label: "甲"}, {ID: "b", Label: "乙"}},
		Edges: []view.Edge{{ID: "a->b", Kind: "flow", From: "a", To: "b", Label: "调用", Arrow: true}}}
	g := newGraph(v, newConfig(nil))
	src := bytes.Replace(g.dot(), []byte("graph [rankdir"), []byte("graph [splines=line rankdir"), 1)
	res, err := graphviz.Layout(context.Background(), src, DefaultTimeout)
	if err != nil {
		t.Fatal(err)
	}
	s, err := g.scene(res.JSON)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Warnings) != 1 || !strings.Contains(s.Warnings[0], "straight lines") {
		t.Fatalf("warnings %q", s.Warnings)
	}
	if s.Fallbacks.StraightEdges != len(s.Edges) {
		t.Errorf("Fallbacks %+v: every arrow of the view is straight, so all %d count", s.Fallbacks, len(s.Edges))
	}
	checkFits(t, s)
}

// TestPairPutsTheLabelBetweenTheBoxes: two boxes in a row, the arrow
// from one border to the other, its label above it and clear of both.
func TestPairPutsTheLabelBetweenTheBoxes(t *testing.T) {
	v := &view.View{ID: "flow/x", Kind: view.KindGraph,
		Nodes: []view.Node{{ID: "a", Label: "订单服务"}, {ID: "b", Label: "Payment provider"}},
		Edges: []view.Edge{{ID: "x", Kind: "flow", From: "b", To: "a", Label: "支付结果回调 (webhook)", Arrow: true}}}
	s, err := Pair(v)
	if err != nil {
		t.Fatal(err)
	}
	a, b, e := s.Nodes[0].Rect, s.Nodes[1].Rect, s.Edges[0]
	if overlap(a, b) || b.X <= a.X+a.W {
		t.Fatalf("boxes %v and %v", a, b)
	}
	if l := e.LabelRect; l.X < a.X+a.W || l.X+l.W > b.X || l.Y+l.H > e.Path[0].Y {
		t.Errorf("label %v not between %v and %v above the arrow at y=%v", l, a, b, e.Path[0].Y)
	}
	if e.Path[0].X != b.X || e.Path[3].X != a.X+a.W {
		t.Errorf("arrow %v does not run from b's border to a's", e.Path)
	}
	checkFits(t, s)
	if _, err := Pair(&view.View{Nodes: v.Nodes[:1]}); err == nil {
		t.Error("one box is not a pair")
	}
}
