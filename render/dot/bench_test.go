package dot

import (
	"testing"

	"github.com/archdoc/archdoc/render/internal/rendertest"
)

// BenchmarkRenderExamples draws every view of both examples.
func BenchmarkRenderExamples(b *testing.B) {
	rendertest.BenchmarkViews(b, Render)
}
