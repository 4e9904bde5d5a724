// Package render ties the diagram pipeline together: the model's views
// (render/view), laid out (render/layout) into scenes that the renderers
// under render/ draw.
package render

import (
	"context"
	"sort"

	"github.com/archdoc/archdoc/model"
	"github.com/archdoc/archdoc/render/layout"
	"github.com/archdoc/archdoc/render/scene"
	"github.com/archdoc/archdoc/render/view"
)

// Scenes lays out every view of m and returns the scenes in view.All's
// order. It fails only when ctx ends; a view whose edges had to be
// rerouted, that needed the fallback layout, or that was too large and is
// drawn at domain level (see MaxDetail) says so in its Scene.Warnings.
// Views are laid out in parallel (see Layouts).
func Scenes(ctx context.Context, m *model.Model, opts ...layout.Option) ([]*scene.Scene, error) {
	return NewLayouts().Scenes(ctx, m, opts...)
}

// layoutOrder lists view indexes largest first (boxes plus arrows), so
// the longest layouts start first and no big one is left running alone
// on one core at the end. Layouts do not depend on their order.
func layoutOrder(views []*view.View) []int {
	size := func(i int) int { return len(views[i].Nodes) + len(views[i].Edges) }
	order := make([]int, len(views))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return size(order[a]) > size(order[b]) })
	return order
}

// Scene lays out the one view with the given id ("business",
// "module/user-center" ...) as Scenes would, at domain level when it is
// too large. An unknown id is an error listing the views.
func Scene(ctx context.Context, m *model.Model, viewID string, opts ...layout.Option) (*scene.Scene, error) {
	v, err := view.Get(m, viewID)
	if err != nil {
		return nil, err
	}
	return laidOut(ctx, v, m, opts)
}
