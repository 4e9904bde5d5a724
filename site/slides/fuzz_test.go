package slides

import (
	"bytes"
	"strings"
	"testing"

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
