package slides

import (
	"bytes"
	"html/template"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/archdoc/archdoc/internal/lazyre"
	"github.com/archdoc/archdoc/render/pptx"
)

// elementLink matches the model's element links: module:user-center.
var elementLink = lazyre.New(`^(actor|domain|module|layer|tech|flow|idea|task|doc|note|view):(.+)$`)

// markdown renders slide Markdown. Element links go to Href(id) when it
// gives a URL and become plain text otherwise (a standalone deck has no
// pages to link to). Raw HTML is dropped unless allowHTML.
type markdown struct {
	gm   goldmark.Markdown
	href func(id string) string
}

func newMarkdown(allowHTML bool, href func(id string) string) *markdown {
	md := &markdown{href: href}
	var ropts []goldmark.Option
	if allowHTML {
		ropts = append(ropts, goldmark.WithRendererOptions(html.WithUnsafe()))
	}
	md.gm = goldmark.New(append(ropts,
		goldmark.WithExtensions(extension.GFM, extension.NewCJK()),
		goldmark.WithParserOptions(parser.WithASTTransformers(util.Prioritized(md, 100))),
	)...)
	return md
}

// Transform rewrites or unwraps element links.
func (md *markdown) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	var links []*ast.Link
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if l, ok := n.(*ast.Link); ok && entering {
			links = append(links, l)
		}
		return ast.WalkContinue, nil
	})
	for _, l := range links {
		m := elementLink().FindSubmatch(l.Destination)
		if m == nil {
			continue
		}
		if md.href != nil {
			if u := md.href(string(m[2])); u != "" {
				l.Destination = []byte(u)
				continue
			}
		}
		parent := l.Parent()
		for c := l.FirstChild(); c != nil; {
			next := c.NextSibling()
			parent.InsertBefore(parent, l, c)
			c = next
		}
		parent.RemoveChild(parent, l)
	}
}

// HTML renders src.
func (md *markdown) HTML(src string) (template.HTML, error) {
	var b bytes.Buffer
	if err := md.gm.Convert([]byte(src), &b); err != nil {
		return "", err
	}
	return template.HTML(b.String()), nil // goldmark escapes model text; raw HTML only with allow_html
}

// Paragraphs turns src into editable PPTX paragraphs: list items become
// bullets (numbered for ordered lists) at their nesting level.
func (md *markdown) Paragraphs(src string) []pptx.Paragraph {
	source := []byte(src)
	doc := md.gm.Parser().Parse(text.NewReader(source))
	c := &paraCollector{src: source}
	c.blocks(doc, 0, nil)
	return c.out
}

type paraCollector struct {
	src []byte
	out []pptx.Paragraph
}

// listCtx is the list item a block sits in: its level and bullet kind.
type listCtx struct {
	level  int
	number int // 0 = bullet
	first  bool
}

func (c *paraCollector) blocks(n ast.Node, level int, item *listCtx) {
	for b := n.FirstChild(); b != nil; b = b.NextSibling() {
		switch b := b.(type) {
		case *ast.List:
			num := 0
			if b.IsOrdered() {
				num = b.Start
			}
			for li := b.FirstChild(); li != nil; li = li.NextSibling() {
				depth := 0
				if item != nil {
					depth = item.level + 1
				}
				c.blocks(li, depth, &listCtx{level: depth, number: num, first: true})
				if num > 0 {
					num++
				}
			}
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			lines := b.Lines()
			for i := 0; i < lines.Len(); i++ {
				seg := lines.At(i)
				line := strings.TrimRight(string(seg.Value(c.src)), "\n")
				c.out = append(c.out, pptx.Paragraph{Level: level, Runs: []pptx.Run{{Text: line, Code: true}}})
			}
		case *ast.ThematicBreak, *ast.HTMLBlock:
		case *extast.Table:
			for row := b.FirstChild(); row != nil; row = row.NextSibling() {
				var runs []pptx.Run
				for cell := row.FirstChild(); cell != nil; cell = cell.NextSibling() {
					if len(runs) > 0 {
						runs = append(runs, pptx.Run{Text: " | "})
					}
					runs = append(runs, c.inlines(cell, pptx.Run{})...)
				}
				c.out = append(c.out, pptx.Paragraph{Level: level, Runs: runs})
			}
		case *ast.Paragraph, *ast.TextBlock, *ast.Heading:
			base := pptx.Run{}
			if _, ok := b.(*ast.Heading); ok {
				base.Bold = true
			}
			p := pptx.Paragraph{Level: level, Runs: c.inlines(b, base)}
			if item != nil && item.first {
				p.Bullet, p.Number = item.number == 0, item.number
				item.first = false
			} else if item != nil {
				p.Level = item.level + 1
			}
			c.out = append(c.out, p)
		default:
			c.blocks(b, level, item)
		}
	}
}

// inlines flattens inline nodes into styled runs.
func (c *paraCollector) inlines(n ast.Node, st pptx.Run) []pptx.Run {
	var out []pptx.Run
	add := func(s string, st pptx.Run) {
		if s == "" {
			return
		}
		if k := len(out); k > 0 && out[k-1].Bold == st.Bold && out[k-1].Italic == st.Italic && out[k-1].Code == st.Code {
			out[k-1].Text += s
			return
		}
		st.Text = s
		out = append(out, st)
	}
	for x := n.FirstChild(); x != nil; x = x.NextSibling() {
		switch x := x.(type) {
		case *ast.Text:
			add(textValue(x.Segment.Value(c.src), st.Code), st)
			switch {
			case x.HardLineBreak():
				add("\n", st)
			case x.SoftLineBreak():
				add(" ", st)
			}
		case *ast.String:
			add(string(x.Value), st)
		case *ast.CodeSpan:
			cs := st
			cs.Code = true
			for _, r := range c.inlines(x, cs) {
				add(r.Text, cs)
			}
		case *ast.Emphasis:
			es := st
			if x.Level >= 2 {
				es.Bold = true
			} else {
				es.Italic = true
			}
			for _, r := range c.inlines(x, es) {
				add(r.Text, r)
			}
		case *ast.AutoLink:
			add(string(x.URL(c.src)), st)
		case *ast.RawHTML:
		default:
			for _, r := range c.inlines(x, st) {
				add(r.Text, r)
			}
		}
	}
	return out
}

// textValue is what a reader sees of a text node: outside code, backslash
// escapes (\<, \*) and entities (&amp;) resolved, as goldmark's HTML
// renderer does; inside code, the text as written.
func textValue(v []byte, code bool) string {
	if code {
		return string(v)
	}
	return string(util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(v))))
}

// plainMarkdown rewrites element links to their text, for formats (Marp)
// that cannot follow them.
func plainMarkdown(src string) string {
	return markdownLink().ReplaceAllStringFunc(src, func(m string) string {
		sub := markdownLink().FindStringSubmatch(m)
		if elementLink().MatchString(sub[2]) {
			return sub[1]
		}
		return m
	})
}

var markdownLink = lazyre.New(`\[([^\]]*)\]\(([^)\s]+)\)`)
