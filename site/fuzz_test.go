package site

import (
	"html"
	"regexp"
	"testing"
)

var (
	// Text is escaped, so every '<' followed by a letter starts a real tag;
	// attribute values are quoted with '"' and '>' escaped inside them.
	openTagRe = regexp.MustCompile(`<([a-zA-Z][a-zA-Z0-9]*)([^>]*)>`)
	attrRe    = regexp.MustCompile(`\s([^\s="]+)(?:="([^"]*)")?`)
	// safeTags is the markup goldmark and its extensions write.
	safeTags = map[string]bool{"p": true, "a": true, "img": true, "em": true, "strong": true, "code": true, "pre": true,
		"span": true, "ul": true, "ol": true, "li": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
		"table": true, "thead": true, "tbody": true, "tr": true, "th": true, "td": true, "del": true, "input": true, "hr": true,
		"br": true, "blockquote": true, "sup": true, "div": true}
)

// activeMarkup returns the first tag or attribute in out that could run
// script, or "".
func activeMarkup(out string) string {
	for _, tag := range openTagRe.FindAllStringSubmatch(out, -1) {
		if !safeTags[tag[1]] {
			return tag[0]
		}
		for _, a := range attrRe.FindAllStringSubmatch(tag[2], -1) {
			name, value := a[1], html.UnescapeString(a[2])
			switch {
			case len(name) > 2 && (name[:2] == "on" || name[:2] == "ON" || name[:2] == "On" || name[:2] == "oN"):
				return tag[0]
			case (name == "href" || name == "src") && !safeURL(value):
				return tag[0]
			case name == "style" || name == "srcdoc" || name == "formaction":
				return tag[0]
			}
		}
	}
	return ""
}

// FuzzMarkdown checks that no Markdown, however odd, renders to markup
// that could run script, or panics; element links resolve against the
// shop model.
func FuzzMarkdown(f *testing.F) {
	for _, seed := range []string{
		hostileMarkdown, "[x](module:cart)", "[x](module:ghost#y)", "<javascript:alert(1)>", "![a](javascript:x)",
		"```go\nfunc main() {}\n```", "| a |\n|---|\n| <b> |", "A[^1]\n\n[^1]: <i>x</i>", "## 第 1 天", "[x](java&#x09;script:y)",
		"[x](<javascript:y>)", "[x]: javascript:y\n\n[x]", "<a href=\"javascript:x\">y</a>", "*<img src=x onerror=y>*",
		"- [ ] task\n- [x] done", "www.example.com/<script>", "<!-- <script> -->", "<![CDATA[<script>]]>",
	} {
		f.Add(seed)
	}
	md := newMarkdown(shopModel())
	f.Fuzz(func(t *testing.T, src string) {
		out := string(md.render(src, "../", "docs", nil))
		if m := activeMarkup(out); m != "" {
			t.Fatalf("active markup %q in the output of %q:\n%s", m, src, out)
		}
	})
}
