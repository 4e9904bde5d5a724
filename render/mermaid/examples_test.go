package mermaid

import (
	"testing"

	"github.com/archdoc/archdoc/internal/golden"
	"github.com/archdoc/archdoc/render/internal/rendertest"
)

func TestGoldenExamples(t *testing.T) {
	for name, scenes := range rendertest.ExampleScenes(t) {
		for _, s := range scenes {
			t.Run(name+"/"+s.ID, func(t *testing.T) {
				got := render(t, s)
				golden.Check(t, rendertest.GoldenName(name, s.ID, "mmd"), []byte(got))
			})
		}
	}
}
