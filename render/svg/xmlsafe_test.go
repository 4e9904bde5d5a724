package svg

import (
	"bytes"
	"strings"
	"testing"

	"github.com/archdoc/archdoc/render/internal/rendertest"
)

// A hand-built scene may hold characters XML cannot carry: the SVG stays
// well-formed (they become U+FFFD) and the text around them survives.
func TestHostileTextStaysWellFormedXML(t *testing.T) {
	s := rendertest.Hostile()
	href := func(id string) string { return "module/" + id + ".html" }
	for _, opts := range []Options{{Standalone: true}, {Href: href}} {
		var b bytes.Buffer
		if err := Render(&b, s, opts); err != nil {
			t.Fatal(err)
		}
		rendertest.CheckXML(t, "svg", b.Bytes())
		if !strings.Contains(b.String(), "a\uFFFDb\uFFFDc") {
			t.Errorf("label text lost around the replaced characters:\n%s", b.String())
		}
	}
}
