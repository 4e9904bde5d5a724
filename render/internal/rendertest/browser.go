package rendertest

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/archdoc/archdoc/internal/chrome"
)

// JSLibraryAndChromium returns the JavaScript library that the
// environment variable env names (the real Mermaid or mxGraph, which are
// not vendored; .ci/run installs them with npm) and a Chromium to run it
// in. It skips t with skipMsg when env is unset, and loudly when Chromium
// is missing.
func JSLibraryAndChromium(t *testing.T, env, skipMsg string) (lib, chromium string) {
	t.Helper()
	lib = os.Getenv(env)
	if lib == "" {
		t.Skip(skipMsg)
	}
	chromium, err := chrome.Find("")
	if err != nil {
		t.Skipf("CHROMIUM NOT INSTALLED: %v; CI installs chromium", err)
	}
	return lib, chromium
}

// GoldenFiles lists the files matching any of the patterns, failing t
// when there are none: a check over no files would pass for nothing.
func GoldenFiles(t *testing.T, patterns ...string) []string {
	t.Helper()
	var files []string
	for _, p := range patterns {
		more, _ := filepath.Glob(p)
		files = append(files, more...)
	}
	if len(files) == 0 {
		t.Fatalf("no golden files match %q", patterns)
	}
	return files
}

// PageResults opens the HTML page in headless Chromium from a file (with
// access to other files, so it can load a library by file:// URL) and
// returns window.results once the page's script has set it.
func PageResults(t *testing.T, chromium, page string) []string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "page.html")
	if err := os.WriteFile(path, []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	actx, acancel := chrome.NewAllocator(ctx, chromium, chromedp.Flag("allow-file-access-from-files", true))
	defer acancel()
	bctx, bcancel := chromedp.NewContext(actx)
	defer bcancel()
	if err := chromedp.Do(bctx, chromedp.Navigate("file://"+path)); err != nil {
		t.Fatal(err)
	}
	results, err := chromedp.Run(bctx, chromedp.Poll[[]string](`window.results`, chromedp.WithPollingTimeout(50*time.Second)))
	if err != nil {
		t.Fatal(err)
	}
	return results
}
