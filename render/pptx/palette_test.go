package pptx

import (
	"testing"

	"github.com/archdoc/archdoc/render/scene"
)

// A domain keeps its colour slot from the model's group order (as in the
// SVG and the site) even on a slide where it is the only one shown.
func TestPaletteFollowsTheModel(t *testing.T) {
	s := &scene.Scene{Groups: []string{"frontend", "backoffice", "data"},
		Clusters: []scene.Cluster{{ID: "data", Group: "data"}},
		Nodes:    []scene.Node{{ID: "ops", Group: "backoffice"}}}
	got := palette(s)
	if got["data"] != 2 || got["backoffice"] != 1 {
		t.Errorf("slots = %v, want data 2 and backoffice 1 (their places in Scene.Groups)", got)
	}
}
