package mermaid

import (
	"fmt"
	"html"
	"os"
	"strings"
	"testing"

	"github.com/archdoc/archdoc/render/internal/rendertest"
)

// TestGoldenFilesRenderWithMermaid feeds every golden .mmd file to the
// real Mermaid library in headless Chromium: a syntax slip anywhere would
// show as a failed diagram on GitHub. Mermaid is not vendored, so the test
// runs only when ARCHDOC_MERMAID_JS names a mermaid.min.js, e.g. after
// `npm install mermaid@11` in a scratch folder:
//
//	ARCHDOC_MERMAID_JS=$PWD/node_modules/mermaid/dist/mermaid.min.js go test ./render/mermaid
func TestGoldenFilesRenderWithMermaid(t *testing.T) {
	lib, chromium := rendertest.JSLibraryAndChromium(t, "ARCHDOC_MERMAID_JS",
		"MERMAID NOT CHECKED: set ARCHDOC_MERMAID_JS to a mermaid.min.js (npm install mermaid@11) to render every golden file with the real Mermaid")
	files := rendertest.GoldenFiles(t, "testdata/*/*.golden", "testdata/*/*/*.golden")
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
	results := rendertest.PageResults(t, chromium, page.String())
	if len(results) != len(files) {
		t.Fatalf("Mermaid checked %d diagrams, want %d", len(results), len(files))
	}
	for _, r := range results {
		if r != "" {
			t.Error(r)
		}
	}
}
