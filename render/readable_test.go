package render

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/archdoc/archdoc/model"
	"github.com/archdoc/archdoc/render/scene"
)

// TestUnreadableOnPage: what a page's reader gets decides, the drawing's
// text shrunk to the page's width and arrows through domains not theirs.
func TestUnreadableOnPage(t *testing.T) {
	straight := func(from, to string, x0, x1 float64) scene.Edge {
		return scene.Edge{From: from, To: to, Path: []scene.Point{{X: x0, Y: 50}, {X: x0, Y: 50}, {X: x1, Y: 50}, {X: x1, Y: 50}}}
	}
	row := scene.Scene{ // three domains side by side, one box each
		FontSize: 14, Width: 700, Height: 100,
		Clusters: []scene.Cluster{
			{ID: "a", Rect: scene.Rect{X: 0, Y: 0, W: 200, H: 100}},
			{ID: "b", Rect: scene.Rect{X: 250, Y: 0, W: 200, H: 100}},
			{ID: "c", Rect: scene.Rect{X: 500, Y: 0, W: 200, H: 100}},
		},
		Nodes: []scene.Node{{ID: "x", Parent: "a"}, {ID: "y", Parent: "b"}, {ID: "z", Parent: "c"}},
	}
	through := row
	for range 5 {
		through.Edges = append(through.Edges, straight("x", "z", 100, 600)) // across b
	}
	beside := row
	for range 5 {
		beside.Edges = append(beside.Edges, straight("x", "y", 100, 350))
	}
	wide := row
	wide.Width = 2400
	sub := row
	sub.Width = 1400
	sub.Nodes = append([]scene.Node{{ID: "s", Sub: "3 modules"}}, row.Nodes...)
	tests := []struct {
		name string
		s    scene.Scene
		want string
		why  string
	}{
		{"fits the page", row, "", ""},
		{"arrows beside their domains", beside, "", ""},
		{"arrows through another domain", through, "has 5 of its 5 arrows passing through domains they do not start or end in", scene.WhyThroughDomains},
		{"too wide for its text", wide, "is 2400 points wide: shrunk to the page's 1099 px its smallest text is 6.4 px, less than 11", scene.WhySmallText},
		{"a secondary line is the smallest text", sub, "is 1400 points wide: shrunk to the page's 1099 px its smallest text is 8.8 px, less than 11", scene.WhySmallText},
	}
	for _, tt := range tests {
		got, reason := unreadableOnPage(&tt.s)
		if got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
		if (reason == nil) != (tt.why == "") || reason != nil && reason.Why != tt.why {
			t.Errorf("%s: reason %+v, want %q", tt.name, reason, tt.why)
		}
	}
}

// TestTrainTicketBusinessReadsOnPage: Train Ticket's business view (48
// modules, 150 flows) was 2129×5872 points, 5.8 px text on the home page;
// it is drawn at domain level, fitted to the page at 11 px or more, and
// says why.
func TestTrainTicketBusinessReadsOnPage(t *testing.T) {
	m, err := model.Load(filepath.Join("..", "examples", "trainticket", "architecture.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	s, err := Scene(context.Background(), m, "business")
	if err != nil {
		t.Fatal(err)
	}
	px := s.TextAtWidth(PageWidth)
	if !s.Fallbacks.DomainLevel || s.Fallbacks.Reason == nil || px < MinPagePx {
		t.Errorf("%.0f×%.0f points, %.1f px on the page, domain level %v, reason %+v",
			s.Width, s.Height, px, s.Fallbacks.DomainLevel, s.Fallbacks.Reason)
	}
}
