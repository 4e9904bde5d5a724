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
