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

// bigView is the size (boxes plus arrows) from which a view is laid out
// after the small ones.
const bigView = 150

// layoutOrder lists view indexes small views first, then the business
// view, then the other big ones by size. Graphviz's WebAssembly module
// can be left corrupted by a very large graph, after which every view
// falls back to the simple layout; this order makes that cost the fewest
// and least important views.
func layoutOrder(views []*view.View) []int {
	size := func(i int) int { return len(views[i].Nodes) + len(views[i].Edges) }
	rank := func(i int) int {
		switch {
		case size(i) < bigView:
			return 0
		case views[i].ID == "business":
			return 1
		}
		return 2
	}
	order := make([]int, len(views))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		ia, ib := order[a], order[b]
		if rank(ia) != rank(ib) {
			return rank(ia) < rank(ib)
		}
		return rank(ia) == 2 && size(ia) < size(ib)
	})
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
