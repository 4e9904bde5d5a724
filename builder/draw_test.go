package builder

import (
	"bytes"
	"strings"
	"testing"

	"github.com/archdoc/archdoc/render/scene"
)

// Each format draws a scene; drawio takes several, the others one.
func TestDraw(t *testing.T) {
	s := &scene.Scene{ID: "v", Kind: scene.KindGraph, Width: 100, Height: 60, FontSize: 14,
		Nodes: []scene.Node{{ID: "a", Label: []string{"A"}, Shape: scene.ShapeBox, Rect: scene.Rect{X: 10, Y: 10, W: 40, H: 20}}}}
	for format, want := range map[string]string{"svg": "<svg", "png": "\x89PNG", "dot": "digraph", "mermaid": "flowchart", "drawio": "<mxfile"} {
		var b bytes.Buffer
		if err := Draw(&b, format, []*scene.Scene{s}, DrawOptions{}); err != nil {
			t.Errorf("%s: %v", format, err)
			continue
		}
		if !strings.Contains(b.String(), want) {
			t.Errorf("%s: output lacks %q: %.60q", format, want, b.String())
		}
	}
	if err := Draw(&bytes.Buffer{}, "svg", []*scene.Scene{s, s}, DrawOptions{}); err == nil {
		t.Error("svg of two views must fail")
	}
	if err := Draw(&bytes.Buffer{}, "pdf", []*scene.Scene{s}, DrawOptions{}); err == nil {
		t.Error("an unknown format must fail")
	}
}
