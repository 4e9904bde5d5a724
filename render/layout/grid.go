package layout

import (
	"fmt"

	"github.com/archdoc/archdoc/render/scene"
)

// WithGridLayout draws the view with the simple grid layout (see
// fallback.go) without asking Graphviz at all: for graphs known to be
// beyond what Graphviz lays out in reasonable time (render uses it for a
// domain-level view that still has thousands of arrows). The scene says
// so in its Warnings.
func WithGridLayout() Option {
	return func(c *config) { c.gridOnly = true }
}

func (g *graph) gridOnly() *scene.Scene {
	s := g.fallback()
	s.Fallbacks.GridLayout = true
	s.Warnings = append(s.Warnings, fmt.Sprintf("drawn with the simple grid layout (%d boxes, %d arrows)",
		len(g.v.Nodes), len(g.v.Edges)))
	return s
}
