package svg

import (
	"io"
	"testing"

	"github.com/archdoc/archdoc/render/internal/rendertest"
	"github.com/archdoc/archdoc/render/scene"
)

// BenchmarkRenderExamples draws every view of both examples.
func BenchmarkRenderExamples(b *testing.B) {
	rendertest.BenchmarkViews(b, func(w io.Writer, s *scene.Scene) error {
		return Render(w, s, Options{Href: exampleHref, Standalone: true})
	})
}
