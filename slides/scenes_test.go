package slides

import (
	"context"
	"testing"

	"github.com/archdoc/archdoc/render"
)

// A deck's layout reports each of its views once, in order, as it is
// fitted to its slides (the CLI's progress line shows it).
func TestScenesWithReportsSlideProgress(t *testing.T) {
	var got []int
	total := 0
	report := func(done, all int) { got, total = append(got, done), all }
	if _, err := ScenesWith(context.Background(), render.NewLayouts(), shopModel(), report); err != nil {
		t.Fatal(err)
	}
	if total == 0 || len(got) != total {
		t.Fatalf("%d reports for %d views", len(got), total)
	}
	for i, done := range got {
		if done != i+1 {
			t.Fatalf("reports %v, want 1..%d", got, total)
		}
	}
}
