package site

import (
	"context"
	"testing"
)

// BenchmarkRenderExample renders the showcase site in memory without
// diagrams: templates, Markdown and the search index.
func BenchmarkRenderExample(b *testing.B) {
	m := exampleForBench(b)
	for b.Loop() {
		if _, _, err := Render(context.Background(), m, noScenes); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBuildExample is the whole `archdoc build`: layout of every
// view, SVG, pages and the safe write.
func BenchmarkBuildExample(b *testing.B) {
	m := exampleForBench(b)
	out := b.TempDir() + "/public"
	for b.Loop() {
		if _, err := Build(context.Background(), m, out); err != nil {
			b.Fatal(err)
		}
	}
}

func exampleForBench(b *testing.B) *testingModel {
	b.Helper()
	exampleOnce.Do(loadExampleOnce)
	if exampleErr != nil {
		b.Fatal(exampleErr)
	}
	return exampleModel
}
