package pptx

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/archdoc/archdoc/render/scene"
)

var algnRe = regexp.MustCompile(`<a:pPr algn="(\w+)"`)

// TestFeaturesListed: a module's features are a left-aligned list under
// a thin rule, as in the SVG, while its name stays centred above the rule.
func TestFeaturesListed(t *testing.T) {
	s := &scene.Scene{ID: "features", Kind: scene.KindGraph, Width: 280, Height: 130, FontSize: 14,
		Nodes: []scene.Node{{ID: "orders", Kind: "module", Shape: scene.ShapeBox, NameLines: 1,
			Label: []string{"Orders", "1. Place an order", "2. Pay"}, Rect: scene.Rect{X: 20, Y: 20, W: 240, H: 90}}}}
	var buf bytes.Buffer
	p := &Presentation{Title: "Features", Lang: "en", Slides: []Slide{{Layout: LayoutContent, Title: "Orders", Diagram: s}}}
	if err := Write(&buf, p); err != nil {
		t.Fatal(err)
	}
	slide := string(unzip(t, buf.Bytes())["ppt/slides/slide1.xml"])
	box := shapeNamed(slide, "orders")
	var algns []string
	for _, m := range algnRe.FindAllStringSubmatch(box, -1) {
		algns = append(algns, m[1])
	}
	if got := strings.Join(algns, " "); got != "ctr l l" {
		t.Errorf("paragraph alignments %q, want the name centred and the features left-aligned (ctr l l)", got)
	}
	if !strings.Contains(slide, `name="rule orders"`) {
		t.Fatal("no rule between the name and the features")
	}
	_, by, _, bh, _, _ := xfrmOf(t, slide, "orders")
	_, ry, _, rh, _, _ := xfrmOf(t, slide, "rule orders")
	// The name's line is about a third of the text block: the rule sits
	// under it, well inside the box.
	if rh != 0 || ry < by+bh*0.25 || ry > by+bh*0.6 {
		t.Errorf("rule at y=%v height %v, want a horizontal line under the name in the box at y=%v..%v", ry, rh, by, by+bh)
	}
}
