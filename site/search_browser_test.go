package site

import (
	"context"
	"path/filepath"
	"slices"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/archdoc/archdoc/model"
)

// searchFor types q into a fresh home page's search box and returns the
// results' links and kind labels.
func searchFor(t *testing.T, ctx context.Context, dir, q string) (hrefs, kinds []string) {
	t.Helper()
	do(t, ctx,
		chromedp.Navigate(fileURL(dir, "index.html")),
		chromedp.SendKeys(chromedp.CSS(`#search`), q),
		chromedp.WaitVisible(chromedp.CSS(`#search-results li`)),
	)
	hrefs = eval[[]string](t, ctx, `Array.from(document.querySelectorAll("#search-results a")).map(a => a.getAttribute("href"))`)
	kinds = eval[[]string](t, ctx, `Array.from(document.querySelectorAll("#search-results a .r-kind")).map(s => s.textContent)`)
	return hrefs, kinds
}

func TestBrowserSearchPinyinAndIDs(t *testing.T) {
	dir := exampleSite(t)
	ctx := newTab(t)
	for _, tc := range []struct{ q, want string }{
		{"hongbao", "module/red-packets.html"},  // 红包模块, full pinyin
		{"hb", "module/red-packets.html"},       // initials
		{"kaquan", "module/vouchers.html"},      // 卡券模块
		{"withdraw", "module/withdrawals.html"}, // an English word only in the id of 提现模块
	} {
		hrefs, _ := searchFor(t, ctx, dir, tc.q)
		if !slices.Contains(hrefs, tc.want) {
			t.Errorf("searching %q gave %v, want %s among them", tc.q, hrefs, tc.want)
		}
	}
}

func TestBrowserSearchTechnologyHasKindLabel(t *testing.T) {
	dir := exampleSite(t)
	ctx := newTab(t)
	hrefs, kinds := searchFor(t, ctx, dir, "supervisor")
	if len(hrefs) == 0 || hrefs[0] != "tech/supervisor.html" || kinds[0] != "技术" {
		t.Errorf("searching supervisor: first result %v with kind %q, want tech/supervisor.html labelled 技术", hrefs, kinds)
	}
}

// TestBrowserSearchExactBeforePinyin: a page that has the typed letters in
// its text ranks above one whose title only sounds like them.
func TestBrowserSearchExactBeforePinyin(t *testing.T) {
	m := shopModel()
	m.Language = "zh-CN"
	m.Domains[0].Modules = append(m.Domains[0].Modules,
		model.Module{ID: "packets", Name: "红包"},
		model.Module{ID: "spelling", Name: "Spelling", Description: "hongbao is how the word is spelt."})
	m.BuildIndex()
	dir := filepath.Join(t.TempDir(), "public")
	if _, err := Build(context.Background(), m, dir, noScenes); err != nil {
		t.Fatal(err)
	}
	ctx := newTab(t)
	hrefs, _ := searchFor(t, ctx, dir, "hongbao")
	if len(hrefs) < 2 || hrefs[0] != "module/spelling.html" || hrefs[1] != "module/packets.html" {
		t.Errorf("searching hongbao gave %v, want the exact hit module/spelling.html, then module/packets.html", hrefs)
	}
}
