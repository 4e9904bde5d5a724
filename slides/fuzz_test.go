package slides

import (
	"bytes"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"

	"github.com/archdoc/archdoc/render/pptx"
)

// FuzzSlideText feeds arbitrary model text (a title and Markdown used as
// body and notes) through every writer: none may fail or panic, the PPTX
// must stay a valid package, and raw HTML must not reach the HTML deck.
func FuzzSlideText(f *testing.F) {
	f.Add("标题", "- 一\n  - 二\n1. 三\n\n```\ncode\n```\nnotes <b>x</b>")
	f.Add("a\x00b\x1f", "<script>alert(1)</script> [x](module:api) [y](javascript:alert(1)) --> <!--")
	f.Add("\uFFFE\xed\xa0\x80", "| a | b |\n|---|---|\n| 1 | 2 |\n\n> quote\n\n***")
	f.Add("", "**bold *both*** `c` ~~s~~ <http://x.y>\na  \nb")
	f.Fuzz(func(t *testing.T, title, body string) {
		d := &Deck{Title: title, Lang: "zh-CN", Slides: []Slide{
			{ID: "c", Layout: LayoutContent, Title: title, Body: body, Notes: body, Seconds: 5},
		}}
		var p bytes.Buffer
		if err := WritePPTX(&p, d); err != nil {
			t.Fatal(err)
		}
		if err := pptx.Check(p.Bytes(), 1); err != nil {
			t.Fatal(err)
		}
		var h bytes.Buffer
		if err := WriteHTML(&h, d, HTMLOptions{}); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(h.String(), "<script>alert") {
			t.Fatal("raw script from model text reached the HTML deck")
		}
		if _, _, err := Markdown(d); err != nil {
			t.Fatal(err)
		}
	})
}

// FuzzMarpBody checks marpBody with a CommonMark parser (Marp's
// markdown-it reads the same blocks): whatever the model text, the slide
// body has no heading, thematic break (a slide break to Marp), HTML
// comment (a directive) or, without allow_html, raw HTML, and no code
// fence stays open into the next slide.
func FuzzMarpBody(f *testing.F) {
	f.Add("Sub\n---\n# Injected", false)
	f.Add("a\r# CR heading\r<!-- _class: invert -->", false)
	f.Add("- - -\n* * *\n> ---\n1. ___\nSetext\n===", false)
	f.Add("<pre>\n\nopen\n\n```\nfence", true)
	f.Add("`<b>` <b>x</b> \\<i> <?php x ?> <!-- c -->", true)
	f.Add("  ## Head ##\n#\n####### seven", false)
	f.Fuzz(func(t *testing.T, src string, allowHTML bool) {
		out := marpBody(src, allowHTML)
		source := []byte(out + "\n\n---\n\nnext slide\n")
		doc := goldmark.New(goldmark.WithExtensions(extension.GFM)).Parser().Parse(text.NewReader(source))
		breaks := 0
		err := ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if !entering {
				return ast.WalkContinue, nil
			}
			switch n := n.(type) {
			case *ast.Heading:
				t.Fatalf("a heading in %q -> %q", src, out)
			case *ast.ThematicBreak:
				breaks++
			case *ast.HTMLBlock:
				if !allowHTML || n.HTMLBlockType == ast.HTMLBlockType2 || n.HTMLBlockType == ast.HTMLBlockType3 {
					t.Fatalf("an HTML block in %q -> %q", src, out)
				}
			case *ast.RawHTML:
				raw := string(n.Segments.Value(source))
				if !allowHTML || strings.HasPrefix(raw, "<!") || strings.HasPrefix(raw, "<?") {
					t.Fatalf("raw HTML %q in %q -> %q", raw, src, out)
				}
			}
			return ast.WalkContinue, nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if breaks != 1 {
			t.Fatalf("%d slide breaks where archdoc wrote one: %q -> %q", breaks, src, out)
		}
	})
}
