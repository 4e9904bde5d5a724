package png

import (
	"testing"

	"github.com/archdoc/archdoc/render/internal/rendertest"
)

// TestExampleViews draws every view of the Chinese example: the picture
// has the scene's size and every label left glyph pixels in its box.
func TestExampleViews(t *testing.T) {
	requireCJKFont(t)
	for _, s := range rendertest.ExampleScenes(t)["cashback"] {
		t.Run(s.ID, func(t *testing.T) {
			img := decode(t, renderPNG(t, s, Options{}))
			if b := img.Bounds(); b.Dx() != int(s.Width*2+0.999) || b.Dy() != int(s.Height*2+0.999) {
				t.Fatalf("image %dx%d for a %vx%v scene at scale 2", b.Dx(), b.Dy(), s.Width, s.Height)
			}
			checkLabelsInked(t, s, img, DefaultScale)
		})
	}
}

func BenchmarkRenderExampleViews(b *testing.B) {
	requireCJKFont(b)
	scenes := rendertest.ExampleScenes(b)["cashback"]
	b.ResetTimer()
	for b.Loop() {
		for _, s := range scenes {
			renderPNG(b, s, Options{})
		}
	}
}
