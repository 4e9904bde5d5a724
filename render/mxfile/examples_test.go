package mxfile

import (
	"path/filepath"
	"testing"

	"github.com/archdoc/archdoc/internal/golden"
	"github.com/archdoc/archdoc/render/internal/rendertest"
)

func TestGoldenExamples(t *testing.T) {
	for name, scenes := range rendertest.ExampleScenes(t) {
		t.Run(name, func(t *testing.T) {
			// One file, one page per view: what `archdoc diagram --format drawio` writes.
			got := render(t, scenes...)
			golden.Check(t, filepath.Join("testdata", name+".drawio.golden"), got)
			pages := mustLoad(t, got)
			if len(pages) != len(scenes) {
				t.Errorf("%d pages for %d views", len(pages), len(scenes))
			}
			for i, s := range scenes {
				if pages[i].Name != s.Title {
					t.Errorf("page %d is named %q, want the view title %q", i, pages[i].Name, s.Title)
				}
				checkEveryElementHasACell(t, pages[i], s)
			}
		})
	}
}
