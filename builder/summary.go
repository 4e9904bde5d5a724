package builder

import (
	"fmt"
	"strings"

	"github.com/archdoc/archdoc/render/scene"
)

// LayoutSummary counts what the layout had to work around, for the
// build summary: arrows Graphviz dropped and that were redrawn straight,
// views drawn at domain level or with the fallback grid layout, arrows
// left out of a domain-level grid. Each case is also a warning line; the
// count makes sure a long list of them is not missed.
func LayoutSummary(scenes []*scene.Scene) string {
	var sum scene.Fallbacks
	var domain, grid int
	for _, s := range scenes {
		f := s.Fallbacks
		sum.StraightEdges += f.StraightEdges
		sum.HiddenEdges += f.HiddenEdges
		if f.DomainLevel {
			domain++
		}
		if f.GridLayout {
			grid++
		}
	}
	var parts []string
	if sum.StraightEdges > 0 {
		parts = append(parts, plural(sum.StraightEdges, "arrow")+" redrawn straight")
	}
	if domain > 0 {
		parts = append(parts, plural(domain, "view")+" at domain level")
	}
	if grid > 0 {
		parts = append(parts, plural(grid, "view")+" in the grid layout")
	}
	if sum.HiddenEdges > 0 {
		parts = append(parts, plural(sum.HiddenEdges, "arrow")+" between domains not drawn")
	}
	if len(parts) == 0 {
		return ""
	}
	return " (" + strings.Join(parts, ", ") + ")"
}

// plural is "1 view", "2 views".
func plural(n int, noun string) string {
	if n != 1 {
		noun += "s"
	}
	return fmt.Sprintf("%d %s", n, noun)
}
