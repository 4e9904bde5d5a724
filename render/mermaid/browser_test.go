package mermaid

import (
	"context"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/archdoc/archdoc/internal/chrome"
)

// TestGoldenFilesRenderWithMermaid feeds every golden .mmd file to the
// real Mermaid library in headless Chromium: a syntax slip anywhere would
// show as a failed diagram on GitHub. Mermaid is not vendored, so the test
// runs only when ARCHDOC_MERMAID_JS names a mermaid.min.js, e.g. after
// `npm install mermaid@11` in a scratch folder:
//
//	ARCHDOC_MERMAID_JS=$PWD/node_modules/mermaid/dist/mermaid.min.js go test ./render/mermaid
func TestGoldenFilesRenderWithMermaid(t *testing.T) {
	lib := os.Getenv("ARCHDOC_MERMAID_JS")
	if lib == "" {
		t.Skip("MERMAID NOT CHECKED: set ARCHDOC_MERMAID_JS to a mermaid.min.js (npm install mermaid@11) to render every golden file with the real Mermaid")
	}
	bin, err := chrome.Find("")
	if err != nil {
		t.Skipf("CHROMIUM NOT INSTALLED: %v; CI installs chromium", err)
	}
	files, _ := filepath.Glob("testdata/*/*.golden")
	more, _ := filepath.Glob("testdata/*/*/*.golden")
	files = append(files, more...)
	if len(files) == 0 {
		t.Fatal("no golden files")
	}
	var page strings.Builder
	page.WriteString(`<!doctype html><meta charset="utf-8"><script src="file://` + html.EscapeString(lib) + `"></script>`)
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&page, "<pre class=\"mermaid\" data-file=\"%s\">%s</pre>\n", html.EscapeString(f), html.EscapeString(string(data)))
	}
	page.WriteString(`<script>
window.results = null;
mermaid.initialize({startOnLoad: false, securityLevel: "strict"});
(async () => {
  const out = [];
  for (const el of document.querySelectorAll("pre.mermaid")) {
    try {
      await mermaid.parse(el.textContent);
      out.push("");
    } catch (e) {
      out.push(el.dataset.file + ": " + String(e.message || e).slice(0, 300));
    }
  }
  window.results = out;
})();
</script>`)
	path := filepath.Join(t.TempDir(), "page.html")
	if err := os.WriteFile(path, []byte(page.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	actx, acancel := chrome.NewAllocator(ctx, bin, chromedp.Flag("allow-file-access-from-files", true))
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
	if len(results) != len(files) {
		t.Fatalf("Mermaid checked %d diagrams, want %d", len(results), len(files))
	}
	for _, r := range results {
		if r != "" {
			t.Error(r)
		}
	}
}
