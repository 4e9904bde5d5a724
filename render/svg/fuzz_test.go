package svg

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/archdoc/archdoc/render/scene"
)

// FuzzUntrustedText puts arbitrary text in every place model text reaches
// (ids, labels, tooltips, titles, links) and checks the SVG stays
// well-formed XML and the label reads back unchanged.
func FuzzUntrustedText(f *testing.F) {
	for _, s := range []string{"", "<script>alert(1)</script>", `"'&<>`, "]]>", "中文\n换行", "\x00\x1b\ufffe", "a\\b", "-->", "\r", "a\rb", "a\r\nb"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		s := &scene.Scene{ID: text, Title: text, Kind: scene.KindGraph, Width: 200, Height: 100, FontSize: 14,
			Clusters: []scene.Cluster{{ID: text + "c", Label: []string{text}, Tooltip: text, Link: text, Group: text, Rect: scene.Rect{W: 200, H: 100}}},
			Nodes: []scene.Node{{ID: text, Label: []string{text, text}, NameLines: 1, Sub: text, Tooltip: text, Link: text, Group: text, Parent: text + "c",
				Rect: scene.Rect{X: 10, Y: 10, W: 80, H: 40}}},
			Edges: []scene.Edge{{ID: text, From: text, To: text, Label: []string{text}, Arrow: true, Seq: 1,
				Path: []scene.Point{{X: 10, Y: 10}, {X: 20, Y: 20}, {X: 30, Y: 30}, {X: 40, Y: 40}}, LabelRect: scene.Rect{X: 1, Y: 1, W: 10, H: 10}}},
		}
		var b bytes.Buffer
		if err := Render(&b, s, Options{Href: func(id string) string { return id }, Standalone: true}); err != nil {
			t.Fatal(err)
		}
		wellFormed(t, b.Bytes())
		if !utf8.ValidString(text) || strings.ContainsFunc(text, notXMLChar) {
			return // replaced by U+FFFD, so it cannot read back unchanged
		}
		root := parse(t, b.Bytes())
		want := strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(text)
		var got string
		byID(root)["n-"+want].walk(func(e element) {
			if e.XMLName.Local == "tspan" && got == "" {
				got = e.Text
			}
		})
		if text != "" && got != want {
			t.Errorf("label read back as %q, want %q", got, want)
		}
	})
}

func notXMLChar(r rune) bool {
	return r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0xFFFE || r == 0xFFFF
}
