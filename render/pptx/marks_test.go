package pptx

import (
	"bytes"
	"strings"
	"testing"

	"github.com/archdoc/archdoc/render/scene"
)

// A scene with marks (an idea's option applied) draws the added box and
// arrow green and the changed box amber; a scene without stays as it was.
func TestMarkedSceneColours(t *testing.T) {
	s := &scene.Scene{ID: "idea/x-1-after", Width: 300, Height: 100, FontSize: 14,
		Nodes: []scene.Node{
			{ID: "old", Shape: scene.ShapeBox, Label: []string{"Old"}, Rect: scene.Rect{X: 10, Y: 10, W: 80, H: 40}},
			{ID: "new", Shape: scene.ShapeBox, Label: []string{"New"}, Rect: scene.Rect{X: 200, Y: 10, W: 80, H: 40}},
		},
		Edges: []scene.Edge{{ID: "old-new", From: "old", To: "new", Arrow: true,
			Path: []scene.Point{{X: 90, Y: 30}, {X: 120, Y: 30}, {X: 170, Y: 30}, {X: 200, Y: 30}}}},
		Marks: map[string]string{"new": "added", "old-new": "added", "old": "changed"},
	}
	draw := func(s *scene.Scene) string {
		var b bytes.Buffer
		if _, err := drawScene(&b, s, box{0, 0, 3000000, 1000000}, "en"); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	got := draw(s)
	for _, want := range []string{`val="DAFBE1"`, `val="1A7F37"`, `val="FFF8C5"`, `val="BF8700"`} {
		if !strings.Contains(got, want) {
			t.Errorf("marked scene lacks colour %s", want)
		}
	}
	s.Marks = nil
	if got := draw(s); strings.Contains(got, "1A7F37") || strings.Contains(got, "BF8700") {
		t.Error("a scene without marks has change colours")
	}
}
