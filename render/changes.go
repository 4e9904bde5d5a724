package render

import (
	"context"
	"slices"

	"github.com/archdoc/archdoc/model"
	"github.com/archdoc/archdoc/model/delta"
	"github.com/archdoc/archdoc/render/layout"
	"github.com/archdoc/archdoc/render/scene"
	"github.com/archdoc/archdoc/render/view"
)

// ScenesWithOptions is Scenes followed by the before and after views of
// every idea option that describes changes (see view.Options), laid out
// in parallel and cached like the others. The site and the deck draw
// those; the per-view commands do not list them.
func (l *Layouts) ScenesWithOptions(ctx context.Context, m *model.Model, opts ...layout.Option) ([]*scene.Scene, error) {
	all, options := l.Views(m)
	return l.scenes(ctx, m, slices.Concat(all, options), opts)
}

// OptionScenes lays out only the before and after views of the ideas'
// options, in model order.
func OptionScenes(ctx context.Context, m *model.Model, opts ...layout.Option) ([]*scene.Scene, error) {
	return NewLayouts().scenes(ctx, m, view.Options(m), opts)
}

// DiffScenes lays out the business view of two versions of a model with
// their differences marked: before, then after (see view.BeforeAfter).
func DiffScenes(ctx context.Context, before, after *model.Model, d *delta.Diff, opts ...layout.Option) (*scene.Scene, *scene.Scene, error) {
	b, a := view.BeforeAfter("diff", before, after, d)
	sb, err := laidOut(ctx, b, before, opts)
	if err != nil {
		return nil, nil, err
	}
	sa, err := laidOut(ctx, a, after, opts)
	if err != nil {
		return nil, nil, err
	}
	return sb, sa, nil
}
