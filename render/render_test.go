package render

import (
	"context"
	"sort"
	"strings"
	"testing"

	"github.com/archdoc/archdoc/model"
	"github.com/archdoc/archdoc/render/layout"
	"github.com/archdoc/archdoc/render/scene"
	"github.com/archdoc/archdoc/render/view"
)

var examples = []string{"../architecture.yaml", "../examples/shop/architecture.yaml"}

func load(t testing.TB, path string) *model.Model {
	t.Helper()
	m, err := model.Load(path)
	if err != nil {
		t.Fatalf("load %s: %v", path, err)
	}
	return m
}

func TestScenesOfBothExamples(t *testing.T) {
	for _, path := range examples {
		m := load(t, path)
		scenes, err := Scenes(context.Background(), m)
		if err != nil {
			t.Fatal(err)
		}
		ids := view.IDs(m)
		if len(scenes) != len(ids) {
			t.Fatalf("%s: %d scenes for %d views", path, len(scenes), len(ids))
		}
		for i, s := range scenes {
			if s.ID != ids[i] {
				t.Errorf("%s: scene %d is %s, want %s (view order)", path, i, s.ID, ids[i])
			}
		}
		one, err := Scene(context.Background(), m, ids[len(ids)-1])
		if err != nil || one.ID != ids[len(ids)-1] {
			t.Fatalf("Scene(%s) = %v, %v", ids[len(ids)-1], one, err)
		}
	}
}

func TestSceneUnknownViewListsViews(t *testing.T) {
	_, err := Scene(context.Background(), load(t, examples[0]), "module/nope")
	if err == nil || !strings.Contains(err.Error(), `no view "module/nope"`) || !strings.Contains(err.Error(), "module/user-center") {
		t.Fatalf("err = %v", err)
	}
}

// TestSeedDiagramHasCounterparts reads the seed's hand-drawn business
// diagram and checks that the business view of the example shows each of
// its labelled boxes (as a node, cluster or note carrying the same
// wording) and each of its arrows (with the same label).
func TestSeedDiagramHasCounterparts(t *testing.T) {
	seed, err := readSeed("../testdata/seed/business-model.drawio")
	if err != nil {
		t.Fatal(err)
	}
	e := layout.NewEngine() // a fresh Graphviz: its history changes its output (see layout.Engine)
	defer e.Close()
	s, err := Scene(context.Background(), load(t, examples[0]), "business", layout.WithEngine(e))
	if err != nil {
		t.Fatal(err)
	}
	if len(seed.boxes) < 15 || len(seed.edges) < 7 {
		t.Fatalf("seed parsed to %d boxes and %d edges: reader broken", len(seed.boxes), len(seed.edges))
	}
	counterpart := map[string]string{} // seed cell -> scene id
	ids := make([]string, 0, len(seed.boxes))
	for id := range seed.boxes {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		text := seed.boxes[id]
		best, score := bestMatch(s, text, seed.kinds[id] == "container")
		if score < 0.35 {
			t.Errorf("seed box %q has no counterpart in the business view (best %q, %.2f)", text, best, score)
			continue
		}
		counterpart[id] = best
		t.Logf("%-40q -> %s (%.2f)", firstLine(text), best, score)
	}
	for _, e := range seed.edges {
		from, to := counterpart[e.source], counterpart[e.target]
		if from == "" || to == "" {
			t.Errorf("seed arrow %s joins unmatched boxes %q -> %q", e.id, seed.boxes[e.source], seed.boxes[e.target])
			continue
		}
		if from == to {
			continue // the seed details a box in a second box; the view shows both as one
		}
		found := false
		for _, se := range s.Edges {
			joins := (se.From == from && se.To == to) || (se.Kind == "note" && se.From == to && se.To == from)
			// An arrow the seed leaves unlabelled may carry a label in the model.
			if joins && (e.label == "" || normalize(strings.Join(se.Label, "")) == normalize(e.label)) {
				found = true
			}
		}
		if !found {
			t.Errorf("seed arrow %s -> %s labelled %q has no counterpart edge in the business view", from, to, e.label)
		}
	}
}

// bestMatch finds the scene element whose drawn text covers the most of
// text; among equals, the one with the least other text ("User" is the
// User actor, not "Anonymous User").
func bestMatch(s *scene.Scene, text string, cluster bool) (string, float64) {
	best, score, precision := "", 0.0, 0.0
	try := func(id string, lines []string) {
		drawn := strings.Join(lines, "")
		c, p := coverage(text, drawn), coverage(drawn, text)
		if c > score || (c == score && p > precision) {
			best, score, precision = id, c, p
		}
	}
	for _, c := range s.Clusters {
		try(c.ID, c.Label)
	}
	if !cluster {
		for _, n := range s.Nodes {
			try(n.ID, n.Label)
		}
	}
	return best, score
}

func firstLine(s string) string { l, _, _ := strings.Cut(s, "\n"); return l }

// BenchmarkScenes lays out every view of the example model.
func BenchmarkScenes(b *testing.B) {
	m := load(b, examples[0])
	for b.Loop() {
		if _, err := Scenes(context.Background(), m); err != nil {
			b.Fatal(err)
		}
	}
}

func TestLayoutOrderPutsBigViewsLast(t *testing.T) {
	mk := func(id string, n int) *view.View { return &view.View{ID: id, Nodes: make([]view.Node, n)} }
	views := []*view.View{mk("business", 400), mk("stack", 300), mk("domain/a", 10), mk("view/big", 200), mk("module/b", 5)}
	got := layoutOrder(views)
	want := []int{2, 4, 0, 3, 1}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("order %v, want %v", got, want)
		}
	}
}
