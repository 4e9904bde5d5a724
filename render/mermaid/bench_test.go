package mermaid

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
			for _, s := range scenes {
				if err := Render(io.Discard, s); err != nil {
					b.Fatal(err)
				}
			}
		}
	}
}
