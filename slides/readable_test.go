package slides

import (
	"encoding/json"
	"testing"

	"github.com/chromedp/chromedp"
)

// textSizesJS shows every diagram slide in turn at 1280×720 and returns,
// per slide, the rendered height (CSS px) of its smallest diagram text:
// the font size times the SVG's scale on screen, and the diagram box.
const textSizesJS = `(() => {
  const out = [];
  for (const f of document.querySelectorAll(".frame")) {
    const svg = f.querySelector("figure.diagram svg");
    if (!svg) continue;
    location.hash = "#/" + f.dataset.index;
    window.dispatchEvent(new HashChangeEvent("hashchange"));
    const zoom = 1280 / f.querySelector(".slide").getBoundingClientRect().width; // the window may scale the slide
    let smallest = Infinity, which = "";
    for (const t of svg.querySelectorAll("text")) {
      if (!t.textContent.trim() || t.getClientRects().length === 0) continue;
      const px = parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a * zoom;
      if (px < smallest) { smallest = px; which = t.textContent.trim(); }
    }
    const box = f.querySelector("figure.diagram").getBoundingClientRect();
    out.push({id: f.querySelector(".slide").dataset.id, px: smallest, text: which, w: box.width * zoom, h: box.height * zoom});
  }
  return JSON.stringify(out);
})()`

type slideText struct {
	ID   string  `json:"id"`
	Px   float64 `json:"px"`
	Text string  `json:"text"`
	W, H float64
}

// TestDiagramTextReadable measures, in a real browser at 1280×720, the
// smallest text of every diagram slide of both example decks: at least
// MinTextPx, read from the back of the room.
func TestDiagramTextReadable(t *testing.T) {
	for _, ex := range examples {
		t.Run(ex.name, func(t *testing.T) {
			ctx := browser(t)
			d := exampleDeck(t, ex.name)
			path := writeDeckFile(t, d)
			if err := chromedp.Do(ctx, chromedp.Navigate("file://"+path)); err != nil {
				t.Fatal(err)
			}
			var got []slideText
			if err := json.Unmarshal([]byte(evalString(t, ctx, textSizesJS)), &got); err != nil {
				t.Fatal(err)
			}
			want := 0
			for _, s := range d.Slides {
				if d.Scene(s) != nil {
					want++
				}
			}
			if len(got) != want || want == 0 {
				t.Fatalf("measured %d diagram slides, the deck has %d", len(got), want)
			}
			for _, s := range got {
				t.Logf("%s: smallest diagram text %.1f px (%q; diagram area %.0f×%.0f)", s.ID, s.Px, s.Text, s.W, s.H)
				if s.Px < MinTextPx-0.05 {
					t.Errorf("%s: smallest diagram text is %.1f px at 1280×720, want at least %v", s.ID, s.Px, MinTextPx)
				}
				if s.W < FrameWidth-1 || s.H < FrameHeight-1 {
					t.Errorf("%s: diagram area %.0f×%.0f, smaller than the %v×%v the layouts are fitted to", s.ID, s.W, s.H, FrameWidth, FrameHeight)
				}
			}
		})
	}
}
