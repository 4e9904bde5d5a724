package mermaid

import (
	"testing"

	"github.com/archdoc/archdoc/internal/golden"
	"github.com/archdoc/archdoc/render/internal/rendertest"
	"github.com/archdoc/archdoc/render/scene"
)

func TestGoldenExamples(t *testing.T) {
	rendertest.EachExampleView(t, func(t *testing.T, example string, s *scene.Scene) {
		golden.Check(t, rendertest.GoldenName(example, s.ID, "mmd"), []byte(render(t, s)))
	})
}
