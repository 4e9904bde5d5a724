package render

import (
	"context"

	"github.com/archdoc/archdoc/model"
	"github.com/archdoc/archdoc/model/delta"
	"github.com/archdoc/archdoc/render/layout"
	"github.com/archdoc/archdoc/render/scene"
	"github.com/archdoc/archdoc/render/view"
)

// OptionScenes lays out the before and after views of every idea option
// that describes changes (see view.Options), in model order.
func OptionScenes(ctx context.Context, m *model.Model, opts ...layout.Option) ([]*scene.Scene, error) {
	var out []*scene.Scene
	for _, v := range view.Options(m) {
		s, err := laidOut(ctx, v, m, opts)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
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
