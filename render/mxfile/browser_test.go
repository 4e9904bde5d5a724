package mxfile

import (
	"html"
	"os"
	"strings"
	"testing"

	"github.com/archdoc/archdoc/render/internal/rendertest"
)

// TestGoldenFilesLoadInMxGraph decodes every page of the golden .drawio
// files with mxGraph (the library diagrams.net is built on) in headless
// Chromium, the way diagrams.net opens a page: each page's model parsed
// on its own, cells decoded with mxCodec. It fails when mxGraph throws,
// drops a cell or leaves an edge end unresolved. mxGraph is not vendored,
// so the test runs only when ARCHDOC_MXGRAPH_JS names mxClient.js:
//
//	npm install mxgraph@4.2.2
//	ARCHDOC_MXGRAPH_JS=$PWD/node_modules/mxgraph/javascript/mxClient.js go test ./render/drawio
func TestGoldenFilesLoadInMxGraph(t *testing.T) {
	lib, chromium := rendertest.JSLibraryAndChromium(t, "ARCHDOC_MXGRAPH_JS",
		"MXGRAPH NOT CHECKED: set ARCHDOC_MXGRAPH_JS to mxClient.js (npm install mxgraph@4.2.2) to load every golden .drawio page with mxGraph")
	files := rendertest.GoldenFiles(t, "testdata/*.golden")
	var page strings.Builder
	page.WriteString(`<!doctype html><meta charset="utf-8"><div id="g"></div>
<script>var mxLoadResources = false, mxLoadStylesheets = false;</script>
<script src="file://` + html.EscapeString(lib) + `"></script>`)
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		page.WriteString(`<script type="text/plain" class="drawio" data-file="` + html.EscapeString(f) + `">` +
			strings.ReplaceAll(string(data), "</script", `<\/script`) + "</script>\n")
	}
	page.WriteString(checkScript)
	pages := 0
	for _, r := range rendertest.PageResults(t, chromium, page.String()) {
		if strings.HasPrefix(r, "ok ") {
			pages++
			continue
		}
		t.Error(r)
	}
	if pages < len(files) {
		t.Errorf("mxGraph loaded %d pages from %d files", pages, len(files))
	}
}

const checkScript = `<script>
window.results = (function () {
  var out = [];
  document.querySelectorAll("script.drawio").forEach(function (s) {
    var doc = mxUtils.parseXml(s.textContent);
    var diagrams = doc.documentElement.getElementsByTagName("diagram");
    for (var i = 0; i < diagrams.length; i++) {
      var where = s.dataset.file + " page " + diagrams[i].getAttribute("id");
      try {
        var model = diagrams[i].getElementsByTagName("mxGraphModel")[0];
        var pageDoc = mxUtils.parseXml(mxUtils.getXml(model));
        // mxCodec moves cells out of <object> wrappers while decoding, so
        // the file is checked against a second, untouched copy.
        var fileDoc = mxUtils.parseXml(mxUtils.getXml(model));
        var graph = new mxGraph(document.getElementById("g"));
        new mxCodec(pageDoc).decode(pageDoc.documentElement, graph.getModel());
        var cells = graph.getModel().cells, n = 0, problems = [];
        for (var id in cells) n++;
        var xmlCells = Array.prototype.slice.call(fileDoc.getElementsByTagName("mxCell"));
        if (n != xmlCells.length) problems.push(n + " cells decoded, " + xmlCells.length + " in the file");
        xmlCells.forEach(function (e) {
          var id = e.getAttribute("id") || e.parentNode.getAttribute("id");
          var c = cells[id];
          if (!c) { problems.push("cell " + id + " missing"); return; }
          ["source", "target"].forEach(function (end) {
            var want = e.getAttribute(end);
            if (want && (!c[end] || c[end].id != want)) problems.push("edge " + id + " " + end + " not resolved to " + want);
          });
          if (c.vertex && c.parent.id != e.getAttribute("parent")) problems.push("vertex " + id + " has parent " + c.parent.id);
        });
        out.push(problems.length ? where + ": " + problems.join("; ") : "ok " + where);
      } catch (err) {
        out.push(where + ": mxGraph threw " + err);
      }
    }
  });
  return out;
})();
</script>`
