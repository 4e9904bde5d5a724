package png

import (
	"path/filepath"
	"testing"

	"github.com/archdoc/archdoc/render/scene"
)

// featuresScene is one module with a list of features under its name.
func featuresScene() *scene.Scene {
	return &scene.Scene{ID: "features", Kind: scene.KindGraph, Width: 280, Height: 130, FontSize: 14,
		Nodes: []scene.Node{{ID: "orders", Kind: "module", Shape: scene.ShapeBox, NameLines: 1,
			Label: []string{"Orders", "1. Place an order quickly", "2. Pay"}, Rect: scene.Rect{X: 20, Y: 20, W: 240, H: 90}}}}
}

// TestFeaturesListed: a module's features are a left-aligned list under
// a thin rule, as in the SVG, not centred lines like its name.
func TestFeaturesListed(t *testing.T) {
	data := renderPNG(t, featuresScene(), Options{Scale: 1})
	checkGoldenPNG(t, filepath.Join("testdata", "features.png"), data)
	img := decode(t, data)
	fill := img.At(130, 28)
	differs := func(x, y int) bool { return img.At(x, y) != fill }
	// The rule: a row across the box, under the name.
	rule := false
	for y := 50; y < 62 && !rule; y++ {
		n := 0
		for x := 30; x < 250; x++ {
			if differs(x, y) {
				n++
			}
		}
		rule = n > 200
	}
	if !rule {
		t.Error("no rule between the name and the features")
	}
	// "2. Pay" starts at the text's left padding, not centred.
	left := -1
	for x := 24; x < 256 && left < 0; x++ {
		for y := 78; y < 93; y++ {
			if differs(x, y) {
				left = x
				break
			}
		}
	}
	if left < 0 || left > 40 {
		t.Errorf("the last feature starts at x=%d, want a left-aligned list (x ≤ 40)", left)
	}
}
