package dot

import (
	"bytes"
	"encoding/xml"
	"io"
	"testing"

	"github.com/archdoc/archdoc/render/scene"
)

// FuzzUntrustedText puts arbitrary text in every place model text reaches
// (ids, labels, tooltips, links, the title) and has Graphviz itself read
// the DOT: it must accept it without a syntax error and draw well-formed
// SVG. Skipped, like the other Graphviz checks, without Graphviz.
func FuzzUntrustedText(f *testing.F) {
	for _, s := range []string{"", `say "hi" \N \G \L`, "a\\", "中文\n换行", "a\rb", "\x00\x1b\x7f", "<b>&amp;</b>", "\"\\\"", "]}\n;--", "\xff\xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		s := &scene.Scene{ID: text, Title: text, Kind: scene.KindGraph, Width: 300, Height: 200, FontSize: 14,
			Clusters: []scene.Cluster{{ID: text + "c", Label: []string{text}, Tooltip: text, Link: text, Rect: scene.Rect{X: 10, Y: 10, W: 280, H: 180}}},
			Nodes: []scene.Node{
				{ID: text, Label: []string{text, text}, NameLines: 1, Sub: text, Tooltip: text, Link: text, Parent: text + "c", Rect: scene.Rect{X: 20, Y: 40, W: 120, H: 40}},
				{ID: text + "2", Label: []string{text}, Shape: scene.ShapeActor, Rect: scene.Rect{X: 200, Y: 40, W: 60, H: 60}},
			},
			Edges: []scene.Edge{{ID: text, From: text, To: text + "2", Label: []string{text}, Arrow: true}},
		}
		svg := graphviz(t, render(t, s), "dot")
		d := xml.NewDecoder(bytes.NewReader(svg))
		d.Strict = true
		for {
			if _, err := d.Token(); err == io.EOF {
				break
			} else if err != nil {
				t.Fatalf("Graphviz made malformed SVG from %q: %v", text, err)
			}
		}
	})
}
