package site

import (
	"context"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestBrowserPhoneDiagramZoomAndPan reads a diagram page on a 390 px phone:
// the part out of sight is announced, buttons and two fingers zoom, and a
// full-screen view fills the screen and closes with Escape.
func TestBrowserPhoneDiagramZoomAndPan(t *testing.T) {
	dir := exampleSite(t)
	ctx := newTab(t)
	do(t, ctx,
		chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(3), chromedp.EmulateMobile, chromedp.EmulateTouch),
		chromedp.Navigate(fileURL(dir, "index.html")),
		chromedp.WaitVisible(chromedp.CSS(`figure.diagram .diagram-tools`)),
	)
	const width = `document.querySelector("figure.diagram .diagram-pan > svg").getBoundingClientRect().width`
	if more := eval[bool](t, ctx, `(() => { const f = document.querySelector("figure.diagram"); return f.classList.contains("more-right") && getComputedStyle(f.querySelector(".diagram-more")).display !== "none" })()`); !more {
		t.Error("the business model is wider than the phone, yet nothing says part of it is hidden")
	}
	if n := eval[int](t, ctx, `document.querySelectorAll("figure.diagram .diagram-tools button").length`); n != 4 {
		t.Errorf("%d diagram buttons, want zoom out, zoom in, fit and full screen", n)
	}
	if page := eval[int](t, ctx, `document.scrollingElement.scrollWidth`); page > 390 {
		t.Errorf("the page scrolls sideways (%d px): only the diagram's box should", page)
	}
	before := eval[float64](t, ctx, width)
	do(t, ctx, chromedp.Click(chromedp.CSS(`figure.diagram .diagram-tools button[aria-label="放大"]`)))
	if after := eval[float64](t, ctx, width); after < before*1.2 {
		t.Errorf("zoom in: width %.0f → %.0f", before, after)
	}
	do(t, ctx, chromedp.Click(chromedp.CSS(`figure.diagram .diagram-tools button[aria-label="适合宽度"]`)))
	if fitted, box := eval[float64](t, ctx, width), eval[float64](t, ctx, `document.querySelector("figure.diagram .diagram-pan").clientWidth`); fitted > box {
		t.Errorf("fit: diagram %.0f px in a %.0f px box", fitted, box)
	}
	if hidden := eval[bool](t, ctx, `document.querySelector("figure.diagram").classList.contains("has-more")`); hidden {
		t.Error("fitted to the width, the diagram still says part of it is hidden")
	}

	// Pinch: two fingers moving apart zoom the diagram.
	before = eval[float64](t, ctx, width)
	box := eval[[]float64](t, ctx, `(() => { const r = document.querySelector("figure.diagram .diagram-pan").getBoundingClientRect(); return [r.left + r.width/2, r.top + r.height/2] })()`)
	x, y := box[0], box[1]
	touch := func(typ input.DispatchTouchEventType, d float64) chromedp.Action[chromedp.Void] {
		return chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
			var pts []*input.TouchPoint
			if typ != input.DispatchTouchEventTypeTouchEnd {
				pts = []*input.TouchPoint{{X: x - d, Y: y, ID: ptr(1)}, {X: x + d, Y: y, ID: ptr(2)}}
			}
			_, err := chromedp.Call(ctx, input.DispatchTouchEvent, input.DispatchTouchEventParams{Type: typ, TouchPoints: pts})
			return err
		})
	}
	do(t, ctx, touch(input.DispatchTouchEventTypeTouchStart, 20), touch(input.DispatchTouchEventTypeTouchMove, 35), touch(input.DispatchTouchEventTypeTouchMove, 50), touch(input.DispatchTouchEventTypeTouchEnd, 0), chromedp.Sleep(100*time.Millisecond))
	if after := eval[float64](t, ctx, width); after < before*1.8 {
		t.Errorf("pinch out: width %.0f → %.0f, want about 2.5×", before, after)
	}

	do(t, ctx, chromedp.Click(chromedp.CSS(`figure.diagram .diagram-tools button[aria-label="全屏查看"]`)))
	if r := eval[[]float64](t, ctx, `(() => { const r = document.querySelector("figure.diagram").getBoundingClientRect(); return [r.left, r.top, r.width, r.height] })()`); r[0] != 0 || r[1] != 0 || r[2] != 390 || r[3] != 844 {
		t.Errorf("full screen covers %v, want the whole 390×844 screen", r)
	}
	do(t, ctx, chromedp.Focus(chromedp.CSS(`figure.diagram .diagram-tools button[aria-label="退出全屏"]`)), chromedp.KeyEvent(kb.Escape))
	if full := eval[bool](t, ctx, `document.querySelector("figure.diagram").classList.contains("diagram-full")`); full {
		t.Error("Escape did not close the full-screen view")
	}
}

func ptr(f float64) *float64 { return &f }
