package png

import (
	"path/filepath"
	"testing"

	"github.com/archdoc/archdoc/render/internal/rendertest"
)

// TestGoldenKinds compares the kinds fixture's business view, one
// module of each kind and a service's stores, with testdata/kinds.png:
// open it to see every kind's shape.
func TestGoldenKinds(t *testing.T) {
	for _, s := range rendertest.ExampleScenes(t)["kinds"] {
		if s.ID == "business" {
			checkGoldenPNG(t, filepath.Join("testdata", "kinds.png"), renderPNG(t, s, Options{Scale: 1}))
			return
		}
	}
	t.Fatal("the kinds fixture has no business view")
}
