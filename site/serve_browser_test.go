package site

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestBrowserServeLiveReload keeps one page open while the model is
// edited, broken and fixed: the page follows without anyone reloading it.
func TestBrowserServeLiveReload(t *testing.T) {
	modelPath := writeModel(t, map[string]string{"architecture.yaml": serveModelOne})
	base := startServe(t, modelPath)
	ctx := newTab(t)
	const bodyJS = `document.body.innerText`
	waitFor := func(what string, ok func(string) bool) {
		t.Helper()
		deadline := time.Now().Add(30 * time.Second)
		for {
			text, err := chromedp.Run(ctx, chromedp.Evaluate[string](bodyJS))
			if err == nil && ok(text) {
				return
			}
			if time.Now().After(deadline) {
				t.Fatalf("%s: never happened; page says:\n%s", what, text)
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	do(t, ctx, chromedp.Navigate(base+"module/cart.html"))
	waitFor("page", func(s string) bool { return strings.Contains(s, "Holds items.") })
	eval[int](t, ctx, `window.sameDocument = 1`) // gone after a reload

	saveLikeAnEditor(t, modelPath, strings.Replace(serveModelOne, "Holds items.", "Holds 购物车 items.", 1))
	waitFor("edit", func(s string) bool { return strings.Contains(s, "Holds 购物车 items.") })
	if same := eval[bool](t, ctx, `window.sameDocument === 1`); same {
		t.Error("the page changed without a reload?")
	}

	saveLikeAnEditor(t, modelPath, "name: Shop One\ndomains:\n  - id: sales\n    name: [Sales\n")
	waitFor("error page", func(s string) bool { return positionedYAMLError.MatchString(s) })

	saveLikeAnEditor(t, modelPath, serveModelOne)
	waitFor("recovery", func(s string) bool { return strings.Contains(s, "Holds items.") })
}

// A hidden tab lets go of its event stream (a browser keeps six
// connections to a server; a seventh tab waited) and, shown again,
// reloads for the edit it missed while hidden.
func TestBrowserServeHiddenTabCatchesUpWhenShown(t *testing.T) {
	modelPath := writeModel(t, map[string]string{"architecture.yaml": serveModelOne})
	base := startServe(t, modelPath)
	ctx := newTab(t)
	do(t, ctx, chromedp.Navigate(base+"module/cart.html"))
	eval[int](t, ctx, `window.sameDocument = 1`)
	setHidden := func(hidden bool) {
		eval[bool](t, ctx, fmt.Sprintf(`Object.defineProperty(document, "hidden", {value: %v, configurable: true});
			document.dispatchEvent(new Event("visibilitychange")); true`, hidden))
	}
	setHidden(true)
	saveLikeAnEditor(t, modelPath, strings.Replace(serveModelOne, "Holds items.", "Holds 购物车 items.", 1))
	eventually(t, base+"module/cart.html", "the edit served", func(_ int, b string) bool { return strings.Contains(b, "购物车") })
	time.Sleep(300 * time.Millisecond) // an open stream would have reloaded the page by now
	if !eval[bool](t, ctx, `window.sameDocument === 1`) {
		t.Fatal("a hidden tab reloaded: it kept its event stream")
	}
	setHidden(false)
	deadline := time.Now().Add(15 * time.Second)
	for eval[bool](t, ctx, `window.sameDocument === 1`) {
		if time.Now().After(deadline) {
			t.Fatal("shown again, the tab did not reload for the edit it missed")
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestBrowserServeRefusesOtherOrigins is the attack of issue 19: a page on
// another origin of this machine includes the served search index with
// <script src> to read the whole model. Chromium gets 403, so the page
// learns nothing; the served site itself still loads it.
func TestBrowserServeRefusesOtherOrigins(t *testing.T) {
	modelPath := writeModel(t, map[string]string{"architecture.yaml": serveModelOne})
	base := startServe(t, modelPath)
	attacker := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<!doctype html><title>x</title><script src="%sassets/search-index.js"></script>`+
			`<script>window.stolen = JSON.stringify(window.ARCHDOC_INDEX || null)</script>`, base)
	}))
	defer attacker.Close()
	ctx := newTab(t)
	do(t, ctx, chromedp.Navigate(base+"index.html"))
	if own := eval[string](t, ctx, `JSON.stringify(window.ARCHDOC_INDEX || null)`); !strings.Contains(own, "Shop One") && !strings.Contains(own, "Cart") {
		t.Fatalf("the served site has no search index (%s): the check below would prove nothing", own)
	}
	do(t, ctx, chromedp.Navigate(attacker.URL))
	if stolen := eval[string](t, ctx, `window.stolen`); stolen != "null" {
		t.Errorf("a page on %s read the model through the search index: %s", attacker.URL, stolen)
	}
}

// TestBrowserServeNotFoundIsTheSitesPage: a mistyped address, at any
// depth, gets the site's own 404 page, styled, searchable and linking home.
func TestBrowserServeNotFoundIsTheSitesPage(t *testing.T) {
	modelPath := writeModel(t, map[string]string{"architecture.yaml": serveModelOne})
	base := startServe(t, modelPath)
	eventually(t, base+"index.html", "site built", func(s int, b string) bool { return s == 200 })
	resp, err := http.Get(base + "module/no-such-page.html")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 404 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
		t.Errorf("status %d, type %q; want 404 text/html", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	ctx := newTab(t)
	do(t, ctx, chromedp.Navigate(base+"module/no-such-page.html"), chromedp.WaitReady(chromedp.CSS("body")))
	if h1 := eval[string](t, ctx, `document.querySelector("main h1").textContent`); h1 != "Page not found" {
		t.Errorf("h1 %q, want Page not found", h1)
	}
	if styled := eval[bool](t, ctx, `Array.from(document.styleSheets).some(s => s.href && s.href.endsWith("/assets/site.css") && s.cssRules.length > 0)`); !styled {
		t.Error("the 404 page is not styled: site.css did not load from a nested path")
	}
	do(t, ctx,
		chromedp.SendKeys(chromedp.CSS(`#search`), "cart"),
		chromedp.WaitVisible(chromedp.CSS(`#search-results a`)),
		chromedp.Click(chromedp.CSS(`main a[href$="index.html"]`)),
		chromedp.Sleep(300*time.Millisecond),
	)
	if loc := location(t, ctx); loc != base+"index.html" {
		t.Errorf("the home link went to %s", loc)
	}
}
