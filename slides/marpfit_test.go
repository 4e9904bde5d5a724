package slides

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestMarpSlidesFit renders both example decks with the real Marp core
// and shows them in Chromium: on every slide the title, text and diagram
// end above the bottom padding, where the page number is, so nothing is
// cut off (Marp's theme does not shrink text that overflows).
func TestMarpSlidesFit(t *testing.T) {
	core := marpCore(t)
	ctx := browser(t)
	for _, ex := range examples {
		d := exampleDeck(t, ex.name)
		md, files, err := Markdown(d)
		if err != nil {
			t.Fatal(err)
		}
		got := renderMarp(t, core, md)
		dir := t.TempDir()
		for name, data := range files {
			path := filepath.Join(dir, filepath.FromSlash(name))
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		page := filepath.Join(dir, "deck.html")
		html := `<!DOCTYPE html><html><head><meta charset="utf-8"><style>` + got.CSS +
			` div.marpit>svg{display:block;width:1280px;height:720px}</style></head><body>` + got.HTML + `</body></html>`
		if err := os.WriteFile(page, []byte(html), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := chromedp.Do(ctx, chromedp.Navigate("file://"+page)); err != nil {
			t.Fatal(err)
		}
		// The lowest edge of each slide's content, in slide pixels.
		js := `JSON.stringify([...document.querySelectorAll("div.marpit > svg > foreignObject > section")].map(s => {
  const top = s.getBoundingClientRect().top;
  let bottom = 0;
  for (const c of s.children) if (!["HEADER", "FOOTER", "STYLE"].includes(c.tagName)) bottom = Math.max(bottom, c.getBoundingClientRect().bottom - top);
  return Math.round(bottom);
}))`
		var bottoms []float64
		if err := json.Unmarshal([]byte(evalString(t, ctx, js)), &bottoms); err != nil {
			t.Fatal(err)
		}
		if len(bottoms) != len(d.Slides) {
			t.Fatalf("%s: Marp made %d slides of %d", ex.name, len(bottoms), len(d.Slides))
		}
		for i, b := range bottoms {
			if b > marpBottom {
				t.Errorf("%s slide %d (%s): content ends at %v px, below the text area's %v of 720", ex.name, i+1, d.Slides[i].ID, b, marpBottom)
			}
		}
		t.Logf("%s: content bottoms %v", ex.name, fmt.Sprint(bottoms))
	}
}
