package drawio

import (
	"io"
	"testing"

	"github.com/archdoc/archdoc/render/internal/rendertest"
)

// BenchmarkRenderExamples draws every view of both examples (layout is
// done once, before timing).
func BenchmarkRenderExamples(b *testing.B) {
	all := rendertest.ExampleScenes(b)
	b.ResetTimer()
	for b.Loop() {
		for _, scenes := range all {
			if err := Render(io.Discard, scenes...); err != nil { // one file, one page per view
				b.Fatal(err)
			}
		}
	}
}
