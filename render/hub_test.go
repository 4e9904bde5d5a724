package render

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/archdoc/archdoc/model"
)

// TestHubModuleViewShowsItsNeighbours: Train Ticket's gateway talks to 45
// services; its own view is the gateway, the front end beside it in its
// domain and the other domains one box each, with only the gateway's own
// arrows (it was 1823×6096 points with 144 arrows, 97 not the gateway's).
func TestHubModuleViewShowsItsNeighbours(t *testing.T) {
	m, err := model.Load(filepath.Join("..", "examples", "trainticket", "architecture.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	s, err := Scene(context.Background(), m, "module/ts-gateway-service")
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Nodes) > 20 || s.Fallbacks.CollapsedNeighbours < 5 {
		t.Errorf("%d boxes, %d of them domains: its neighbours are not grouped by domain", len(s.Nodes), s.Fallbacks.CollapsedNeighbours)
	}
	for _, e := range s.Edges {
		if e.Kind == "flow" && e.From != "ts-gateway-service" && e.To != "ts-gateway-service" {
			t.Errorf("an arrow %s -> %s does not touch the gateway", e.From, e.To)
		}
	}
	t.Logf("%.0f×%.0f points, %d boxes, %d arrows", s.Width, s.Height, len(s.Nodes), len(s.Edges))
}
