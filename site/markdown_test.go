package site

import (
	"strings"
	"testing"

	"github.com/archdoc/archdoc/model"
)

func TestMarkdown(t *testing.T) {
	m := shopModel()
	m.Docs = []model.Doc{{ID: "setup", Path: "docs/setup.md"}}
	m.Notes = []model.Note{{ID: "n1", On: "cart", Text: "x"}}
	m.BuildIndex()
	tests := []struct {
		name, src, root string
		want, notWant   []string
		problems        int
	}{
		{name: "module link from top level", src: "[the cart](module:cart)",
			want: []string{`<a href="module/cart.html">the cart</a>`}},
		{name: "module link from a folder", src: "[the cart](module:cart)", root: "../",
			want: []string{`<a href="../module/cart.html">the cart</a>`}},
		{name: "every kind resolves", src: "[a](actor:customer) [d](domain:sales) [l](layer:data) [t](tech:redis) [f](flow:checkout) [i](idea:sharding) [k](task:cache) [o](doc:setup) [n](note:n1)",
			want: []string{`href="index.html#customer"`, `href="domain/sales.html"`, `href="stack.html#data"`, `href="tech/redis.html"`,
				`href="flow/checkout.html"`, `href="ideas.html#sharding"`, `href="tasks.html#cache"`, `href="docs/setup.html"`, `href="module/cart.html"`}},
		{name: "fragment kept", src: "[f](module:cart#features)", want: []string{`href="module/cart.html#features"`}},
		{name: "unknown element", src: "[ghost](module:ghost)", problems: 1,
			want: []string{`<a href="#" class="unresolved">ghost</a>`}},
		{name: "wrong kind", src: "[cart](tech:cart)", problems: 1, want: []string{`class="unresolved"`}},
		{name: "raw html escaped", src: "hi <script>alert(1)</script> <img src=x onerror=alert(2)>",
			want: []string{"&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=alert(2)&gt;"}, notWant: []string{"<script", "<img"}},
		{name: "html block escaped", src: "<div onclick=\"x()\">\nhello\n</div>",
			want: []string{"&lt;div onclick=&quot;x()&quot;&gt;"}, notWant: []string{"<div"}},
		{name: "javascript link", src: "[x](javascript:alert(1))", want: []string{`<a href="#">x</a>`}, notWant: []string{"javascript"}},
		{name: "javascript link with case and tab", src: "[x](JaVa&#9;ScRiPt:alert(1))", notWant: []string{"alert"}},
		{name: "data link", src: "[x](data:text/html;base64,PHNjcmlwdD4=)", notWant: []string{"data:"}},
		{name: "javascript autolink", src: "<javascript:alert(1)>", notWant: []string{"<a"}},
		{name: "javascript image", src: "![x](javascript:alert(1))", notWant: []string{"javascript"}},
		{name: "https kept", src: "[r](https://redis.io) <https://go.dev>", want: []string{`href="https://redis.io"`, `href="https://go.dev"`}},
		{name: "gfm table and strikethrough", src: "| a | b |\n|---|---|\n| 1 | ~~2~~ |", want: []string{"<table>", "<del>2</del>"}},
		{name: "task list", src: "- [x] done", want: []string{`type="checkbox"`}},
		{name: "footnote", src: "A[^1].\n\n[^1]: note", want: []string{`class="footnotes"`}},
		{name: "chinese heading id", src: "## 第 1 天：看懂业务", want: []string{`<h2 id="第-1-天看懂业务">`}},
		{name: "english heading id", src: "# Local Setup\n## Local Setup", want: []string{`id="local-setup"`, `id="local-setup-1"`}},
		{name: "highlighted code uses classes", src: "```go\nfunc main() {}\n```", want: []string{`<pre class="chroma">`, `<span class="kd">func</span>`}, notWant: []string{"style="}},
		{name: "chinese soft line break has no space", src: "平台从商家，\n经由出站", want: []string{"平台从商家，经由出站"}},
		{name: "chinese line break before a link", src: "读一遍\n[前台](domain:sales)", want: []string{`读一遍<a href="domain/sales.html">`}},
		{name: "english line break before a link keeps its space", src: "browse the\n[cart](module:cart)", want: []string{"browse the\n<a"}},
		{name: "mixed line break keeps its space", src: "共享\nsession", want: []string{"共享\nsession"}},
	}
	md := newMarkdown(m)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var problems []string
			got := string(md.render(tt.src, tt.root, "", &problems))
			mustContain(t, "output "+got, got, tt.want...)
			mustNotContain(t, "output "+got, got, tt.notWant...)
			if len(problems) != tt.problems {
				t.Errorf("problems = %q, want %d", problems, tt.problems)
			}
		})
	}
}

func TestMarkdownAllowHTML(t *testing.T) {
	m := shopModel()
	m.Settings.AllowHTML = true
	got := string(newMarkdown(m).render("<b>bold</b> [x](javascript:alert(1))", "", "", nil))
	mustContain(t, got, got, "<b>bold</b>")
	// Opting in to HTML does not opt in to javascript: links.
	mustNotContain(t, got, got, "javascript")
}

func TestMarkdownDocLinks(t *testing.T) {
	m := shopModel()
	m.Docs = []model.Doc{{ID: "setup", Path: "docs/setup.md"}, {ID: "faq", Path: "docs/more/faq.md"}}
	m.BuildIndex()
	got := string(newMarkdown(m).render("[faq](more/faq.md#top) [other](../README.md)", "../", "docs", nil))
	mustContain(t, got, got, `href="../docs/faq.html#top"`, `href="../README.md"`)
}

func TestSafeURL(t *testing.T) {
	for u, want := range map[string]bool{
		"https://x": true, "http://x": true, "mailto:a@b": true, "tel:1": true, "page.html": true, "#x": true, "../a?b:c": true,
		"javascript:x": false, " JAVASCRIPT:x": false, "java\nscript:x": false, "vbscript:x": false, "data:x": false, "file:///etc": false,
		"\x01javascript:x": false,
	} {
		if got := safeURL(u); got != want {
			t.Errorf("safeURL(%q) = %v, want %v", u, got, want)
		}
	}
}

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{"Hello World": "hello-world", "用户 中心": "用户-中心", "  a__b--c ": "a-b-c", "!!!": "", "Café 2": "café-2"} {
		if got := slug(in); got != want {
			t.Errorf("slug(%q) = %q, want %q", in, got, want)
		}
	}
	if strings.Contains(fileName("../../etc"), "/") || fileName("../x")[0] == '.' {
		t.Errorf("fileName lets a path through: %q", fileName("../../etc"))
	}
}

func TestUnresolvedLinksAreReportedOncePerPage(t *testing.T) {
	m := shopModel()
	m.Domains[0].Modules[0].Description = "See [ghost](module:ghost) and [ghost](module:ghost)."
	_, rep := renderSite(t, m)
	want := []string{"domain/sales.html: unresolved link module:ghost", "module/cart.html: unresolved link module:ghost"}
	if strings.Join(rep.Warnings, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings = %q, want %q", rep.Warnings, want)
	}
}
