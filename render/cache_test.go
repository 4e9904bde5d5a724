package render

import (
	"context"
	"os"
	"testing"

	"github.com/archdoc/archdoc/model"
	"github.com/archdoc/archdoc/render/layout"
	"github.com/archdoc/archdoc/render/view"
)

// A deck's slide layouts (View) survive the next Scenes call, as serve's
// next rebuild needs them, and go once a whole rebuild passes without
// them.
func TestLayoutsKeepSlideLayoutsForTheNextRebuild(t *testing.T) {
	src, err := os.ReadFile("../examples/shop/architecture.yaml")
	if err != nil {
		t.Fatal(err)
	}
	m, err := model.Parse("architecture.yaml", src)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	grid := layout.WithGridLayout()
	l := NewLayouts()
	slide := func() (laid bool) {
		t.Helper()
		v := view.Business(m)
		before := len(l.saved)
		if _, err := l.View(ctx, v, m, grid, layout.WithFontSize(20)); err != nil {
			t.Fatal(err)
		}
		return len(l.saved) > before
	}
	rebuild := func() {
		t.Helper()
		if _, err := l.Scenes(ctx, m, grid); err != nil {
			t.Fatal(err)
		}
	}
	rebuild()
	if !slide() {
		t.Fatal("the first slide layout came from the cache")
	}
	rebuild()
	if slide() {
		t.Error("the next rebuild laid the slide out again")
	}
	rebuild()
	rebuild()
	if !slide() {
		t.Error("a slide layout no rebuild used was kept")
	}
}
