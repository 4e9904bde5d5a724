package site

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/archdoc/archdoc/model"
)

// The coupon idea's two options are drawn before and after on the ideas
// page, each with a generated summary and a legend; the drawings mark
// what the option adds and changes.
func TestIdeaPageDrawsOptionsBeforeAndAfter(t *testing.T) {
	for _, tc := range []struct {
		path string
		want []string
	}{
		{filepath.Join("..", "architecture.yaml"), []string{
			"改动：新增 卡券归档、按月归档冷数据；修改 卡券模块 (features)",
			"改动：新增 MongoDB、卡券数据（分片）；修改 卡券模块 (tech)",
			`<figcaption>现状</figcaption>`, `<figcaption>采用此方案后</figcaption>`,
			`data-view="idea/voucher-data-volume-2-after"`, `id="n-mongodb" class="node tech shape-box`,
			`diagrams/idea/voucher-data-volume-1-before.svg`,
		}},
		{filepath.Join("..", "examples", "shop", "architecture.yaml"), []string{
			"What changes: adds Search engine, search queries, index products",
			`<span class="chg chg-added">added</span>`, `data-view="idea/search-engine-1-before"`,
		}},
	} {
		m, err := model.Load(tc.path)
		if err != nil {
			t.Fatal(err)
		}
		files, _, err := Render(context.Background(), m)
		if err != nil {
			t.Fatal(err)
		}
		page := string(files["ideas.html"])
		mustContain(t, tc.path+" ideas.html", page, tc.want...)
		if n := strings.Count(page, `class="before-after"`); n != 2 {
			t.Errorf("%s: %d before/after pairs, want 2", tc.path, n)
		}
	}
}
