package mxfile

import (
	"bytes"
	"html"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/archdoc/archdoc/render/scene"
)

// FuzzUntrustedText puts arbitrary text into ids, labels and tooltips and
// checks the file still loads by diagrams.net's rules and the label comes
// back HTML-escaped (diagrams.net renders html=1 labels as HTML).
func FuzzUntrustedText(f *testing.F) {
	for _, s := range []string{"", "<img src=x onerror=alert(1)>", `"'&<>`, "中文\n换行", "\x00\ufffe", "0", "1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		s := &scene.Scene{ID: text, Title: text, Kind: scene.KindGraph, Width: 200, Height: 100, FontSize: 14,
			Clusters: []scene.Cluster{{ID: "c" + text, Label: []string{text}, Tooltip: text, Rect: scene.Rect{W: 200, H: 100}}},
			Nodes: []scene.Node{
				{ID: text, Label: []string{text}, Tooltip: text, Parent: "c" + text, Rect: scene.Rect{X: 10, Y: 10, W: 80, H: 40}},
				{ID: text + "2", Label: []string{text}, Shape: scene.ShapeActor, Rect: scene.Rect{X: 110, Y: 10, W: 80, H: 80}},
			},
			Edges: []scene.Edge{{ID: text, From: text, To: text + "2", Label: []string{text}, Arrow: true,
				Path: []scene.Point{{X: 90, Y: 30}, {X: 100}, {X: 100, Y: 60}, {X: 110, Y: 30}}}},
		}
		var b bytes.Buffer
		if err := Render(&b, s, s); err != nil {
			t.Fatal(err)
		}
		pages, err := readDrawio(b.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range pages {
			for _, e := range checkPage(p) {
				t.Error(e)
			}
		}
		if !utf8.ValidString(text) || strings.ContainsFunc(text, func(r rune) bool { return r < 0x20 || r >= 0xFFFE && r <= 0xFFFF }) {
			return
		}
		n, ok := cellByID(pages[0], "n-"+text)
		if !ok {
			t.Fatalf("no cell n-%s", text)
		}
		if want := html.EscapeString(text); n.Value != want {
			t.Errorf("label = %q, want %q", n.Value, want)
		}
	})
}
