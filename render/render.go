// Package render ties the diagram pipeline together: the model's views
// (render/view), laid out (render/layout) into scenes that the renderers
// under render/ draw.
package render

import (
	"context"

	"github.com/archdoc/archdoc/model"
	"github.com/archdoc/archdoc/render/layout"
	"github.com/archdoc/archdoc/render/scene"
	"github.com/archdoc/archdoc/render/view"
)

// Scenes lays out every view of m, in view.All's order. It stops at the
// first view that cannot be laid out; a view whose edges had to be
// rerouted still succeeds and says so in its Scene.Warnings.
func Scenes(ctx context.Context, m *model.Model, opts ...layout.Option) ([]*scene.Scene, error) {
	views := view.All(m)
	out := make([]*scene.Scene, 0, len(views))
	for _, v := range views {
		s, err := layout.Layout(ctx, v, opts...)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
}

// Scene lays out the one view with the given id ("business",
// "module/user-center" ...). An unknown id is an error listing the views.
func Scene(ctx context.Context, m *model.Model, viewID string, opts ...layout.Option) (*scene.Scene, error) {
	v, err := view.Get(m, viewID)
	if err != nil {
		return nil, err
	}
	return layout.Layout(ctx, v, opts...)
}
