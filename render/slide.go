package render

import (
	"context"

	"github.com/archdoc/archdoc/model"
	"github.com/archdoc/archdoc/render/layout"
	"github.com/archdoc/archdoc/render/scene"
	"github.com/archdoc/archdoc/render/view"
)

// LayoutView lays out a view the caller derived from one of m's views
// (a deck re-lays views out for a 16:9 slide) as Scenes lays out m's
// own: at domain level when too large, with neighbours collapsed.
func LayoutView(ctx context.Context, v *view.View, m *model.Model, opts ...layout.Option) (*scene.Scene, error) {
	return laidOut(ctx, v, m, opts)
}

// DomainLevel is v with each top-level domain collapsed into one box
// (the stack: its technologies only) and only its strongest arrows, as a
// too-large view is drawn; false when nothing collapses.
func DomainLevel(v *view.View, m *model.Model) (*view.View, bool) {
	small, ok := domainLevel(v, m)
	if !ok {
		return nil, false
	}
	if kept, _, arrows, _ := strongestArrows(small); arrows > 0 {
		small.Edges = kept
	}
	return small, true
}
