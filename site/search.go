package site

import (
	"bytes"
	"encoding/json"
	"path"
	"strings"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"github.com/archdoc/archdoc/internal/pinyin"
)

// searchEntry is one hit target of the client-side search. Keys are
// short because the index ships with every page.
type searchEntry struct {
	Kind  string `json:"k"` // kind, in the UI language
	Title string `json:"t"`
	URL   string `json:"u"` // site-relative, may carry #section
	Text  string `json:"x"` // plain text to match and to quote
	// Also is matched but never shown, and ranks below the text: the
	// title in pinyin (full and initials) and the element's id, so that
	// "hongbao", "hb" and "withdraw" find 红包模块 and 提现模块.
	Also string `json:"a,omitempty"`
}

func (b *builder) addSearch(kindKey, title, url, text string) {
	kind, ok := b.ui[kindKey]
	if !ok {
		kind = kindKey // a missing UI word shows as its key, never as nothing
	}
	b.search = append(b.search, searchEntry{Kind: kind, Title: title, URL: url, Text: squash(text), Also: searchAlso(title, url)})
}

// searchAlso is the title in pinyin and the id named by the page URL
// (module/withdrawals.html, ideas.html#idea-id).
func searchAlso(title, url string) string {
	var parts []string
	if full, initials := pinyin.Spell(title); full != "" {
		parts = append(parts, full, initials)
	}
	id := url
	if _, frag, ok := strings.Cut(url, "#"); ok {
		id = frag
	} else {
		id = strings.TrimSuffix(path.Base(url), ".html")
	}
	if id != "index" && !strings.Contains(strings.ToLower(title), strings.ToLower(id)) {
		parts = append(parts, id)
	}
	return strings.Join(parts, " ")
}

// searchIndexJS is the index as a script (not JSON to fetch) so that
// search works from file://. encoding/json escapes <, > and & and the
// JavaScript line separators, so model text cannot end the script.
func (b *builder) searchIndexJS() ([]byte, error) {
	data, err := json.Marshal(b.search)
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	out.WriteString("window.ARCHDOC_INDEX=")
	out.Write(data)
	out.WriteString(";\n")
	return out.Bytes(), nil
}

// squash collapses runs of white space to one space.
func squash(s string) string { return strings.Join(strings.Fields(s), " ") }

// plainParser is built on first use: building a goldmark parser at
// start-up would cost every command, not only those that index a site.
var plainParser = sync.OnceValue(func() parser.Parser {
	return goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Footnote)).Parser()
})

// plain is Markdown's readable text, for the search index.
func plain(md string) string {
	if md == "" {
		return ""
	}
	source := []byte(md)
	doc := plainParser().Parse(text.NewReader(source))
	return textOf(doc, source)
}

// textOf collects the text under n: inline text, code spans and code
// blocks, one space between blocks.
func textOf(n ast.Node, source []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			if n.Type() == ast.TypeBlock {
				b.WriteByte(' ')
			}
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Text:
			seg := n.Segment
			b.Write(seg.Value(source))
			if n.SoftLineBreak() || n.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(n.Value)
		case *ast.AutoLink:
			b.Write(n.Label(source))
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			lines := n.Lines()
			for i := 0; i < lines.Len(); i++ {
				seg := lines.At(i)
				b.Write(seg.Value(source))
			}
			return ast.WalkSkipChildren, nil
		case *ast.RawHTML, *ast.HTMLBlock:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return squash(b.String())
}

type docSection struct{ anchor, title, text string }

// docSections splits a doc into the part before its first heading and one
// part per heading, so search results can jump to the section.
func docSections(doc ast.Node, source []byte) []docSection {
	cur := &docSection{}
	var out []docSection
	flush := func() {
		if cur.anchor != "" || strings.TrimSpace(cur.text) != "" {
			cur.text = squash(cur.text)
			out = append(out, *cur)
		}
	}
	for c := doc.FirstChild(); c != nil; c = c.NextSibling() {
		if h, ok := c.(*ast.Heading); ok {
			flush()
			id, _ := h.AttributeString("id")
			anchor, _ := id.([]byte)
			cur = &docSection{anchor: string(anchor), title: textOf(h, source)}
			continue
		}
		cur.text += " " + textOf(c, source)
	}
	flush()
	return out
}
