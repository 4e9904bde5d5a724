package site

import (
	"context"
	"encoding/json"
	"fmt"
	"html"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/archdoc/archdoc/model"
	"github.com/archdoc/archdoc/render/scene"
)

var (
	headingRe = regexp.MustCompile(`(?s)<h([1-4])[^>]*>(.*?)</h[1-4]>`)
	tagRe     = regexp.MustCompile(`<[^>]*>`)
	hrefRe    = regexp.MustCompile(`\shref="([^"]*)"`)
	idRe      = regexp.MustCompile(`\sid="([^"]*)"`)
	titleRe   = regexp.MustCompile(`<title>(.*?)</title>`)
)

// outline is a page's skeleton: title, headings and distinct links. It is
// what a reader navigates by, without the wording of every paragraph.
func outline(files map[string][]byte) string {
	var names []string
	for n := range files {
		if strings.HasSuffix(n, ".html") {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	var b strings.Builder
	for _, n := range names {
		page := string(files[n])
		fmt.Fprintf(&b, "== %s\n", n)
		if m := titleRe.FindStringSubmatch(page); m != nil {
			fmt.Fprintf(&b, "title: %s\n", html.UnescapeString(m[1]))
		}
		for _, m := range headingRe.FindAllStringSubmatch(page, -1) {
			text := strings.Join(strings.Fields(html.UnescapeString(tagRe.ReplaceAllString(m[2], ""))), " ")
			fmt.Fprintf(&b, "%sh%s %s\n", strings.Repeat("  ", int(m[1][0]-'1')), m[1], text)
		}
		seen := map[string]bool{}
		var links []string
		for _, m := range hrefRe.FindAllStringSubmatch(page, -1) {
			if !seen[m[1]] {
				seen[m[1]] = true
				links = append(links, m[1])
			}
		}
		fmt.Fprintf(&b, "links: %s\n", strings.Join(links, " "))
	}
	return b.String()
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	p := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(p)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs from the golden file; run go test ./site -update and review the diff", name)
	}
}

func TestPageOutlinesShop(t *testing.T) {
	files, _ := renderSite(t, shopModel())
	golden(t, "outline-shop.golden", outline(files))
}

func TestPageOutlinesExample(t *testing.T) {
	files, _, err := Render(t.Context(), loadExample(t))
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "outline-example.golden", outline(files))
	checkLinks(t, files)
	if _, ok := files["diagrams/module/user-center.svg"]; !ok {
		t.Error("no standalone diagram for the user center")
	}
}

// checkLinks follows every relative link of every page: the file must
// exist and the #fragment must be an id on it.
func checkLinks(t *testing.T, files map[string][]byte) {
	t.Helper()
	ids := map[string]map[string]bool{}
	for n, data := range files {
		if strings.HasSuffix(n, ".html") {
			ids[n] = map[string]bool{}
			for _, m := range idRe.FindAllStringSubmatch(string(data), -1) {
				ids[n][html.UnescapeString(m[1])] = true
			}
		}
	}
	for n, data := range files {
		if !strings.HasSuffix(n, ".html") && !strings.HasSuffix(n, ".svg") {
			continue
		}
		for _, m := range hrefRe.FindAllStringSubmatch(string(data), -1) {
			href := html.UnescapeString(m[1])
			if strings.Contains(href, "://") || strings.HasPrefix(href, "mailto:") || href == "#" {
				continue
			}
			u, err := url.Parse(href)
			if err != nil {
				t.Errorf("%s: bad link %q", n, href)
				continue
			}
			target := n
			if u.Path != "" {
				target = path.Join(path.Dir(n), u.Path)
			}
			if _, ok := files[target]; !ok {
				t.Errorf("%s: broken link %q (no %s)", n, href, target)
				continue
			}
			if u.Fragment != "" && strings.HasSuffix(target, ".html") && !ids[target][u.Fragment] {
				t.Errorf("%s: link %q: no id %q on %s", n, href, u.Fragment, target)
			}
		}
	}
}

func TestLinksResolveShop(t *testing.T) {
	files, _ := renderSite(t, shopModel())
	checkLinks(t, files)
}

func TestPagesContent(t *testing.T) {
	files, rep := renderSite(t, shopModel())
	if rep.Pages != len(pagesOf(files)) {
		t.Errorf("report says %d pages, site has %d", rep.Pages, len(pagesOf(files)))
	}
	mod := string(files["module/cart.html"])
	mustContain(t, "module page", mod,
		`<html lang="en">`, "<strong>items</strong>", "<code>checkout</code>", // Markdown in description and features
		`href="../tech/redis.html"><svg class="tech-icon"`, `</svg>Redis</a>`, // technologies, with their icon
		`href="../flow/checkout.html">checkout</a>`, `class="out"`, `class="in"`, // flows out and in
		"Carts expire after 7 days.", // notes
		`href="../tasks.html#cache"`, // related task
		`href="../domain/sales.html">Sales</a>`)
	tech := string(files["tech/redis.html"])
	mustContain(t, "tech page", tech, "An in-memory store.", "Fast.", "Cart contents.", "Memory is finite.",
		`href="https://redis.io">Home</a>`, `href="../module/cart.html">Cart</a>`)
	home := string(files["index.html"])
	mustContain(t, "home", home, `href="module/cart.html">the cart</a>`, `id="reading-path"`, `id="customer"`)
	// The reading path walks home → domains → stack → flows → ideas → tasks → glossary.
	mustContain(t, "domain page", string(files["domain/sales.html"]), `rel="prev" href="../index.html"`, `rel="next" href="../stack.html"`)
	mustContain(t, "glossary", string(files["glossary.html"]), `rel="prev" href="tasks.html"`, `id="term-cart"`)
}

func pagesOf(files map[string][]byte) []string {
	var out []string
	for n := range files {
		if strings.HasSuffix(n, ".html") {
			out = append(out, n)
		}
	}
	return out
}

func TestChineseUI(t *testing.T) {
	m := shopModel()
	m.Language = "zh-CN"
	files, _ := renderSite(t, m)
	mustContain(t, "home", string(files["index.html"]), `<html lang="zh-CN">`, "阅读路线", "搜索")
	mustContain(t, "tech page", string(files["tech/redis.html"]), "为什么选它", "踩过的坑")
	// Tags are case-insensitive, and zh-TW is Chinese too.
	for _, lang := range []string{"ZH-CN", "zh-TW"} {
		m.Language = lang
		files, _ = renderSite(t, m)
		mustContain(t, lang+" tech page", string(files["tech/redis.html"]), "为什么选它", "踩过的坑")
	}
}

func TestSearchIndex(t *testing.T) {
	files, _, err := Render(t.Context(), loadExample(t), noScenes)
	if err != nil {
		t.Fatal(err)
	}
	idx := string(files["assets/search-index.js"])
	if !strings.HasPrefix(idx, "window.ARCHDOC_INDEX=[") {
		t.Fatalf("index starts %q", idx[:40])
	}
	mustContain(t, "search index", idx,
		`"t":"用户中心模块","u":"module/user-center.html"`, // a module, by name
		"多台 Web 服务器共享",                               // its description, as plain text
		`"u":"docs/onboarding.html#第-1-天看懂业务"`,       // a doc section
		`"u":"glossary.html#term-`)
	mustNotContain(t, "search index", idx, "**", "](module:")
}

func TestHostileTextIsEscaped(t *testing.T) {
	m := hostileModel()
	files, _ := renderSite(t, m)
	for n, data := range files {
		if !strings.HasSuffix(n, ".html") {
			continue
		}
		s := string(data)
		mustNotContain(t, n, s, "<script>window", "<img src=x", "<svg onload", "<div onmouse", `href="javascript:`, `href="  JAVASCRIPT`, `onmouseover="window`)
		if c := strings.Count(s, "<script"); c != 3 {
			t.Errorf("%s has %d script tags, want the site's own 3", n, c)
		}
	}
	idx := string(files["assets/search-index.js"])
	mustNotContain(t, "search index", idx, "</script", "<script")
}

func TestMinimalModel(t *testing.T) {
	m := &model.Model{Name: "Tiny"}
	m.BuildIndex()
	files, rep := renderSite(t, m)
	if rep.Pages < 3 {
		t.Errorf("only %d pages", rep.Pages)
	}
	checkLinks(t, files)
}

func TestUnusualIDs(t *testing.T) {
	m := shopModel()
	m.Domains[0].Modules[0].ID = "购物车"
	m.Domains[0].Domains = []model.Domain{{ID: "sub.domain", Name: "Sub", Modules: []model.Module{{ID: "a b&c", Name: "Odd"}}}}
	m.Flows[0].From = "购物车"
	m.Summary = "[车](module:购物车) [odd](module:a b&c)"
	m.BuildIndex()
	files, _ := renderSite(t, m)
	if _, ok := files["module/购物车.html"]; !ok {
		t.Error("no page for the module with a Chinese id")
	}
	mustContain(t, "home", string(files["index.html"]), `href="module/%E8%B4%AD%E7%89%A9%E8%BD%A6.html"`)
	mustContain(t, "sub-domain module", string(files["module/a~20b~26c.html"]), `href="../domain/sub.domain.html">Sub</a>`)
	checkLinks(t, files)
}

// TestOverviewNoteExplainsDomainLevel: a reader is told why a large
// model's overview shows domains (or only technologies), and that not
// every link is drawn.
func TestOverviewNoteExplainsDomainLevel(t *testing.T) {
	scenes := WithScenes(func(context.Context, *model.Model) ([]*scene.Scene, error) {
		return []*scene.Scene{
			{ID: "business", Kind: scene.KindGraph, Width: 10, Height: 10, Fallbacks: scene.Fallbacks{DomainLevel: true, HiddenEdges: 3,
				Reason: &scene.Reason{Why: scene.WhySmallText, Value: 5.78, Limit: 11}}},
			{ID: "stack", Kind: scene.KindGraph, Width: 10, Height: 10, Fallbacks: scene.Fallbacks{DomainLevel: true}},
			{ID: "domain/sales", Kind: scene.KindGraph, Width: 10, Height: 10, Fallbacks: scene.Fallbacks{CollapsedNeighbours: 5}},
			{ID: "module/cart", Kind: scene.KindGraph, Width: 10, Height: 10},
			{ID: "module/orders", Kind: scene.KindGraph, Width: 10, Height: 10, Fallbacks: scene.Fallbacks{GridLayout: true, StraightEdges: 2}},
		}, nil
	})
	files, _, err := Render(context.Background(), shopModel(), scenes)
	if err != nil {
		t.Fatal(err)
	}
	mustContain(t, "home", string(files["index.html"]),
		`<p class="diagram-note">Drawn domain by domain: each box is a domain; click one for its modules. Only the links that carry the most flows are drawn`,
		`<p class="diagram-note">Box by box, fitted to this page, its smallest text would be 5.8 px, less than the 11 px that read on a screen.</p>`)
	mustContain(t, "stack", string(files["stack.html"]), `<p class="diagram-note">Too many modules to draw: each technology says how many modules use it`)
	mustContain(t, "domain page", string(files["domain/sales.html"]), `<p class="diagram-note">Other domains are drawn one box each`)
	mustContain(t, "module page", string(files["module/cart.html"]), "<svg")
	mustNotContain(t, "module page", string(files["module/cart.html"]), "diagram-note")
	orders := string(files["module/orders.html"])
	mustContain(t, "grid page", orders, `<p class="diagram-note">Graphviz could not lay this diagram out`)
	mustNotContain(t, "grid page", orders, "Some arrows are drawn straight") // the grid note says so already
}

// TestStackPageSaysWhoUsesWhat: the stack diagram only counts each
// technology's users; the page's matrix names them, linked both ways.
func TestStackPageSaysWhoUsesWhat(t *testing.T) {
	files, _ := renderSite(t, loadExample(t))
	page := string(files["stack.html"])
	_, table, ok := strings.Cut(page, `<h2 id="who-uses-what">`)
	if !ok {
		t.Fatal("stack.html has no who-uses-what section")
	}
	table, _, _ = strings.Cut(table, "</table>")
	mustContain(t, "matrix", table, `href="tech/php.html"`, `href="tech/mysql.html"`, `href="module/withdrawals.html"`)
	mustNotContain(t, "matrix", table, `href="tech/linux.html"`) // no module lists Linux
	if rows, dots := strings.Count(table, `<th scope="row">`), strings.Count(table, "●"); rows != 12 || dots < 12 {
		t.Errorf("matrix has %d module rows and %d uses; want 12 rows, a use at least each", rows, dots)
	}
}

// TestFlowWithoutLabelIsNamedByItsEnds: a reader sees names, not ids.
func TestFlowWithoutLabelIsNamedByItsEnds(t *testing.T) {
	m := shopModel()
	m.Flows = append(m.Flows, model.Flow{ID: "pay", From: "customer", To: "orders"})
	m.BuildIndex()
	files, _ := renderSite(t, m)
	page := string(files["flow/pay.html"])
	mustContain(t, "flow/pay.html", page, "<title>Customer → Orders · Shop</title>")
	mustNotContain(t, "flow/pay.html", page, "customer → orders")
	mustContain(t, "flows.html", string(files["flows.html"]), "Customer → Orders")
}

// TestNotFoundPage: the site ships its own 404.html, in the UI language.
func TestNotFoundPage(t *testing.T) {
	m := shopModel()
	m.Language = "zh-CN"
	files, _ := renderSite(t, m)
	mustContain(t, "404.html", string(files["404.html"]), "<h1>找不到页面</h1>", `href="index.html"`, `id="search"`)
}

// TestSearchEntriesHaveKindLabels: every result says what it is, in the
// UI language (technologies had none: the page asked for a word no table had).
func TestSearchEntriesHaveKindLabels(t *testing.T) {
	for _, lang := range []string{"en", "zh-CN"} {
		m := shopModel()
		m.Language = lang
		files, _ := renderSite(t, m)
		idx := strings.TrimSuffix(strings.TrimPrefix(string(files["assets/search-index.js"]), "window.ARCHDOC_INDEX="), ";\n")
		var entries []searchEntry
		if err := json.Unmarshal([]byte(idx), &entries); err != nil {
			t.Fatal(err)
		}
		words := map[string]bool{}
		for _, w := range uiTable(lang) {
			words[w] = true
		}
		for _, e := range entries {
			if !words[e.Kind] {
				t.Errorf("%s: %s %q has kind %q, not a UI word", lang, e.URL, e.Title, e.Kind)
			}
		}
	}
}

// TestFlowWithoutStepsShowsItsEnds: a flow page without steps draws the
// flow's two ends and its arrow, each end linking to its page.
func TestFlowWithoutStepsShowsItsEnds(t *testing.T) {
	files, _ := renderSite(t, shopModel())
	for name, page := range files {
		if !strings.HasPrefix(name, "flow/") {
			continue
		}
		if strings.Contains(string(page), `id="steps"`) {
			continue
		}
		mustContain(t, name, string(page), `<figure class="diagram"><svg`, `class="archdoc-diagram`)
		return
	}
	t.Fatal("the shop has no flow without steps")
}
