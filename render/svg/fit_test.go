package svg

import (
	"strconv"
	"testing"

	"github.com/archdoc/archdoc/render/internal/rendertest"
	"github.com/archdoc/archdoc/render/measure"
	"github.com/archdoc/archdoc/render/scene"
)

// Every line of text the renderer places inside a box (node labels,
// details, edge labels) lies inside that box, measured with the layout's
// own metrics (CJK 1em, Go font advances for Latin).
func TestTextStaysInsideItsBox(t *testing.T) {
	rendertest.EachExampleView(t, func(t *testing.T, example string, s *scene.Scene) {
		ids := byID(parse(t, render(t, s, Options{})))
		for _, n := range s.Nodes {
			if n.Shape == scene.ShapeActor {
				continue // the label hangs under the figure, inside the rect checked below
			}
			checkTexts(t, example+" "+s.ID+" node "+n.ID, ids["n-"+n.ID], n.Rect, s.FontSize)
		}
		for _, e := range s.Edges {
			if len(e.Label) > 0 && e.LabelRect.W > 0 {
				checkTexts(t, example+" "+s.ID+" edge "+e.ID, ids["e-"+e.ID], e.LabelRect, s.FontSize)
			}
		}
	})
}

func checkTexts(t *testing.T, where string, g element, box scene.Rect, fs float64) {
	t.Helper()
	const slack = 0.5
	var walk func(e element, anchor string, size float64)
	walk = func(e element, anchor string, size float64) {
		if a := e.attr("text-anchor"); a != "" {
			anchor = a
		}
		if v := e.attr("font-size"); v != "" && e.XMLName.Local == "text" {
			size, _ = strconv.ParseFloat(v, 64)
		}
		if e.XMLName.Local == "tspan" || (e.XMLName.Local == "text" && e.attr("y") != "" && e.Text != "") {
			x, _ := strconv.ParseFloat(e.attr("x"), 64)
			y, _ := strconv.ParseFloat(e.attr("y"), 64)
			w := measure.Width(e.Text, size)
			left := x
			if anchor == "middle" {
				left = x - w/2
			}
			top, bottom := y-0.88*size, y+0.12*size
			if left < box.X-slack || left+w > box.X+box.W+slack || top < box.Y-slack || bottom > box.Y+box.H+slack {
				t.Errorf("%s: %q at x %.1f..%.1f y %.1f..%.1f leaves its box %+v", where, e.Text, left, left+w, top, bottom, box)
			}
		}
		for _, c := range e.Children {
			if c.attr("class") == "seq" {
				continue // the step number sits on the arrow, not in the label box
			}
			walk(c, anchor, size)
		}
	}
	walk(g, "", fs)
}
