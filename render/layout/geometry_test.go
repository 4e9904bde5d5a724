package layout

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/archdoc/archdoc/internal/synth"
	"github.com/archdoc/archdoc/model"
	"github.com/archdoc/archdoc/render/measure"
	"github.com/archdoc/archdoc/render/scene"
	"github.com/archdoc/archdoc/render/view"
)

// minGap is the visible gap the layout rules promise between sibling
// boxes (domains, layers, modules at one level).
const minGap = 16

// goldenScenes reads every scene golden file of both examples: the
// rules below are checked on exactly what was reviewed.
func goldenScenes(t *testing.T) []*scene.Scene {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join("testdata", "*", "*.golden"))
	if len(files) == 0 {
		t.Fatal("no golden scenes")
	}
	var out []*scene.Scene
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		s := new(scene.Scene)
		if err := json.Unmarshal(b, s); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		s.ID = f + " " + s.ID
		out = append(out, s)
	}
	return out
}

// generatedScenes lays out the business, stack and first domain views
// of a generated model (Chinese and English labels mixed).
func generatedScenes(t *testing.T, n int) []*scene.Scene {
	t.Helper()
	m, err := model.Parse("gen.yaml", synth.Model(n, 7))
	if err != nil {
		t.Fatal(err)
	}
	var out []*scene.Scene
	for _, v := range view.All(m) {
		if v.ID != "business" && v.ID != "stack" && !strings.HasPrefix(v.ID, "domain/") {
			continue
		}
		s, err := Layout(context.Background(), v)
		if err != nil {
			t.Fatal(err)
		}
		s.ID = fmt.Sprintf("generated(%d) %s", n, s.ID)
		out = append(out, s)
	}
	return out
}

func TestLayoutRules(t *testing.T) {
	golden := goldenScenes(t)
	scenes := append(golden, generatedScenes(t, 30)...)
	stacks := 0
	for i, s := range scenes {
		if s.Kind != scene.KindGraph {
			continue
		}
		checkSiblingGaps(t, s)
		checkLabelsClearBorders(t, s)
		checkDeclaredOrder(t, s, i < len(golden))
		checkNoLoneHan(t, s)
		if strings.HasSuffix(s.ID, " stack") {
			stacks++
			checkLayerCake(t, s)
		}
	}
	if want := len(examples) + 1; stacks != want {
		t.Errorf("checked %d stack views, want %d (one per example, one generated)", stacks, want)
	}
}

// checkLayerCake: the stack has no arrows, only layers of technologies;
// the bands come in model order from the top, each as wide as the cake,
// and side layers stand to the right of every band.
func checkLayerCake(t *testing.T, s *scene.Scene) {
	t.Helper()
	if len(s.Edges) > 0 {
		t.Errorf("%s: %d arrows; the layer cake has none", s.ID, len(s.Edges))
	}
	for _, n := range s.Nodes {
		if n.Kind != "tech" || n.Parent == "" {
			t.Errorf("%s: %s (%s) is not a technology in a layer", s.ID, n.ID, n.Kind)
		}
	}
	var bands []scene.Cluster
	rightOfBands := 0.0
	for _, c := range s.Clusters {
		if c.Rect.W > s.Width/3 && c.Rect.X <= margin {
			bands = append(bands, c)
			rightOfBands = math.Max(rightOfBands, c.Rect.X+c.Rect.W)
		}
	}
	if len(bands) == 0 {
		t.Fatalf("%s: no bands", s.ID)
	}
	for i, b := range bands {
		if b.Rect.W != bands[0].Rect.W {
			t.Errorf("%s: band %s is %v wide, %s %v", s.ID, b.ID, b.Rect.W, bands[0].ID, bands[0].Rect.W)
		}
		if i > 0 && b.Rect.Y <= bands[i-1].Rect.Y {
			t.Errorf("%s: band %s is not below %s, declared before it", s.ID, b.ID, bands[i-1].ID)
		}
	}
	for _, c := range s.Clusters {
		if c.Rect.X > margin && c.Rect.X < rightOfBands {
			t.Errorf("%s: side layer %s overlaps the bands", s.ID, c.ID)
		}
	}
}

// gap is the empty distance between two boxes (negative: they overlap).
func gap(a, b scene.Rect) float64 {
	dx := math.Max(b.X-(a.X+a.W), a.X-(b.X+b.W))
	dy := math.Max(b.Y-(a.Y+a.H), a.Y-(b.Y+b.H))
	return math.Max(dx, dy)
}

type box struct {
	id, parent string
	r          scene.Rect
	cluster    bool
}

func siblingsOf(s *scene.Scene) []box {
	var out []box
	for _, c := range s.Clusters {
		out = append(out, box{c.ID, c.Parent, c.Rect, true})
	}
	for _, n := range s.Nodes {
		out = append(out, box{n.ID, n.Parent, n.Rect, false})
	}
	return out
}

// checkSiblingGaps: no two boxes at one level, one of them a domain or
// layer, closer than minGap; two plain boxes never touch either.
func checkSiblingGaps(t *testing.T, s *scene.Scene) {
	t.Helper()
	boxes := siblingsOf(s)
	for i, a := range boxes {
		for _, b := range boxes[i+1:] {
			if a.parent != b.parent {
				continue
			}
			if g := gap(a.r, b.r); g < minGap {
				t.Errorf("%s: %s and %s are %.1fpt apart, want at least %d", s.ID, a.id, b.id, g, minGap)
			}
		}
	}
}

// checkLabelsClearBorders: an arrow's label box lies either inside a
// domain (clear of its title band) or outside it, never across its border,
// and never on another arrow's label.
func checkLabelsClearBorders(t *testing.T, s *scene.Scene) {
	t.Helper()
	for i, e := range s.Edges {
		for _, o := range s.Edges[i+1:] {
			if e.LabelRect.W > 0 && o.LabelRect.W > 0 && gap(e.LabelRect, o.LabelRect) < 0 {
				t.Errorf("%s: labels of %s and %s overlap", s.ID, e.ID, o.ID)
			}
		}
		l := e.LabelRect
		if l.W == 0 {
			continue
		}
		for _, c := range s.Clusters {
			if gap(l, c.Rect) < 0 && !c.Rect.Contains(l) {
				t.Errorf("%s: label %q of %s crosses the border of %s", s.ID, e.Label, e.ID, c.ID)
			}
			title := scene.Rect{X: c.Rect.X, Y: c.Rect.Y, W: c.LabelPos.X - c.Rect.X + measure.MaxWidth(c.Label, s.FontSize),
				H: c.LabelPos.Y - c.Rect.Y + measure.Height(len(c.Label), s.FontSize)}
			if gap(l, title) < 0 {
				t.Errorf("%s: label %q of %s covers the title of %s", s.ID, e.Label, e.ID, c.ID)
			}
		}
	}
}

// checkDeclaredOrder: of two boxes at one level sharing a column, the
// one the model declares first is drawn above the other: two modules of
// a domain, and in a business view two sibling domains drawn as boxes
// (at domain level) or, when containers is set, as containers. (Along a
// row the arrows decide: a flow reads left to right.) Scene order is
// model order for these: the views add modules and domains as declared.
//
// Sibling containers are checked on the examples only: Graphviz places a
// container where it first meets one of its boxes, and in the generated
// model, whose domains all exchange flows, it still draws d0, d2, d1.
func checkDeclaredOrder(t *testing.T, s *scene.Scene, containers bool) {
	t.Helper()
	business := strings.HasSuffix(s.ID, " business")
	type item struct {
		id, kind, parent string
		r                scene.Rect
	}
	var boxes, domains []item
	for _, n := range s.Nodes {
		boxes = append(boxes, item{n.ID, n.Kind, n.Parent, n.Rect})
	}
	for _, c := range s.Clusters {
		if containers {
			domains = append(domains, item{c.ID, c.Kind, c.Parent, c.Rect})
		}
	}
	for _, items := range [][]item{boxes, domains} {
		for i, a := range items {
			if !(a.kind == "module" && a.parent != "") && !(a.kind == "domain" && business) {
				continue
			}
			for _, b := range items[i+1:] {
				if b.kind != a.kind || b.parent != a.parent {
					continue
				}
				sameCol := a.r.X < b.r.X+b.r.W && b.r.X < a.r.X+a.r.W
				if sameCol && a.r.Y > b.r.Y {
					t.Errorf("%s: %s %s is declared before %s but drawn below it", s.ID, a.kind, a.id, b.id)
				}
			}
		}
	}
}

// checkNoLoneHan: a wrapped label never leaves one Han character alone
// on a line.
func checkNoLoneHan(t *testing.T, s *scene.Scene) {
	t.Helper()
	check := func(what string, lines []string) {
		if len(lines) < 2 {
			return
		}
		for _, l := range lines {
			if measure.LoneHan(l) {
				t.Errorf("%s: %s wraps %q with a lone %q", s.ID, what, lines, l)
			}
		}
	}
	for _, n := range s.Nodes {
		check(n.ID, n.Label)
	}
	for _, e := range s.Edges {
		check(e.ID, e.Label)
	}
}
