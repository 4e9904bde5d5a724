package mxfile

import (
	"io"
	"testing"

	"github.com/archdoc/archdoc/render/internal/rendertest"
	"github.com/archdoc/archdoc/render/scene"
)

// BenchmarkRenderExamples draws each example as one file, one page per view.
func BenchmarkRenderExamples(b *testing.B) {
	rendertest.BenchmarkExamples(b, func(w io.Writer, views []*scene.Scene) error {
		return Render(w, views...)
	})
}
