package builder

import (
	"testing"

	"github.com/archdoc/archdoc/render/scene"
)

func TestLayoutSummaryCountsWorkarounds(t *testing.T) {
	scenes := []*scene.Scene{
		{Fallbacks: scene.Fallbacks{StraightEdges: 1}},
		{Fallbacks: scene.Fallbacks{StraightEdges: 2}},
		{Fallbacks: scene.Fallbacks{DomainLevel: true, GridLayout: true, HiddenEdges: 2379}},
		{},
	}
	got := LayoutSummary(scenes)
	want := " (3 arrows redrawn straight, 1 view at domain level, 1 view in the grid layout, 2379 arrows between domains not drawn)"
	if got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if s := LayoutSummary([]*scene.Scene{{}}); s != "" {
		t.Errorf("nothing to report gave %q", s)
	}
}
