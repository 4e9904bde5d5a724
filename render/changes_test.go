package render

import (
	"bytes"
	"context"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/archdoc/archdoc/internal/golden"
	"github.com/archdoc/archdoc/model"
	"github.com/archdoc/archdoc/render/svg"
)

var addedClass = regexp.MustCompile(`class="[^"]*chg-added`)

// TestOptionScenesGolden draws the before and after of each option of the
// examples' ideas: the highlighted SVGs are goldens, and each carries the
// marks a reader sees (added green on after only, removed red on before
// only, changed amber on both).
func TestOptionScenesGolden(t *testing.T) {
	for _, tc := range []struct {
		path  string
		marks map[string][]string // scene id -> classes it must hold for ids
	}{
		{"../architecture.yaml", map[string][]string{
			"idea/voucher-data-volume-1-before": {`data-id="vouchers"`, "chg-changed"},
			"idea/voucher-data-volume-1-after":  {`id="n-voucher-archive" class="node module shape-box g-data pal-2 chg-added"`, "chg-changed"},
			"idea/voucher-data-volume-2-after":  {`id="n-mongodb" class="node tech shape-box g-storage pal-`, "chg-added", `class="edge flow chg-added"`},
		}},
		{"../examples/shop/architecture.yaml", map[string][]string{
			"idea/search-engine-2-after": {`id="n-search"`, "chg-added"},
		}},
	} {
		m, err := model.Load(tc.path)
		if err != nil {
			t.Fatal(err)
		}
		scenes, err := OptionScenes(context.Background(), m)
		if err != nil {
			t.Fatal(err)
		}
		if len(scenes) != 4 {
			t.Fatalf("%s: %d scenes, want 4 (two options, before and after)", tc.path, len(scenes))
		}
		example := filepath.Base(filepath.Dir(tc.path))
		if example == ".." {
			example = "cashback"
		}
		for _, s := range scenes {
			var b bytes.Buffer
			if err := svg.Render(&b, s, svg.Options{Standalone: true}); err != nil {
				t.Fatal(err)
			}
			got := b.String()
			for _, want := range tc.marks[s.ID] {
				if !strings.Contains(got, want) {
					t.Errorf("%s %s: lacks %q", example, s.ID, want)
				}
			}
			if strings.HasSuffix(s.ID, "-before") && addedClass.MatchString(got) {
				t.Errorf("%s %s: marks something added before the change", example, s.ID)
			}
			golden.Check(t, filepath.Join("testdata", "changes", example, strings.ReplaceAll(s.ID, "/", "_")+".svg"), b.Bytes())
		}
	}
}
