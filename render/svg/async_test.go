package svg

import (
	"bytes"
	"regexp"
	"testing"

	"github.com/archdoc/archdoc/render/internal/rendertest"
)

// TestAsyncEdges: in the kinds fixture's business view the two async
// flows, and only they, are dashed and end in the open arrow head; a
// view without async flows does not define that head.
func TestAsyncEdges(t *testing.T) {
	edge := regexp.MustCompile(`<g id="e-([^"]+)" class="([^"]*)"[^>]*>(?:<title>[^<]*</title>)?\n(?:<a[^>]*>\n)?(?:<path class="hit"[^>]*/>\n)?<path class="line" d="[^"]*"( marker-end="url\(#([^)]*)\)")?`)
	for _, s := range rendertest.ExampleScenes(t)["kinds"] {
		var buf bytes.Buffer
		if err := Render(&buf, s, Options{Href: exampleHref}); err != nil {
			t.Fatal(err)
		}
		out := buf.String()
		async := 0
		for _, m := range edge.FindAllStringSubmatch(out, -1) {
			isAsync := regexp.MustCompile(`\basync\b`).MatchString(m[2])
			openHead := m[4] == "ad-open-arrow-"+cls(s.ID)
			if isAsync != openHead {
				t.Errorf("%s: edge %s has classes %q and head %q", s.ID, m[1], m[2], m[4])
			}
			if isAsync {
				async++
			}
		}
		defined := bytes.Contains(buf.Bytes(), []byte(`class="arrow open"`))
		if defined != (async > 0) {
			t.Errorf("%s: %d async edges, open head defined: %v", s.ID, async, defined)
		}
		if s.ID == "business" && async != 2 {
			t.Errorf("business: %d async edges, want 2", async)
		}
	}
}
