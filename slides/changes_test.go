package slides

import (
	"strings"
	"testing"
)

// Each example idea's option that describes changes gets a slide after
// the idea's: the architecture with the option applied, changes marked,
// filling the slide, with the generated summary in the notes.
func TestIdeaOptionSlides(t *testing.T) {
	for _, tc := range []struct {
		example, id, diagram, body string
	}{
		{"cashback", "idea-voucher-data-volume-option-2", "idea/voucher-data-volume-2-after", "新增 MongoDB、卡券数据（分片）；修改 卡券模块 (tech)"},
		{"shop", "idea-search-engine-option-2", "idea/search-engine-2-after", "adds Search engine, search queries, index products"},
	} {
		d := exampleDeck(t, tc.example)
		var found bool
		for i, s := range d.Slides {
			if s.ID != tc.id {
				continue
			}
			found = true
			if s.Layout != LayoutDiagram || s.Diagram != tc.diagram || !strings.Contains(s.Notes, tc.body) {
				t.Errorf("%s: slide %s is %s with diagram %q and notes %q", tc.example, s.ID, s.Layout, s.Diagram, s.Notes)
			}
			if prev := d.Slides[i-1].ID; !strings.HasPrefix(prev, "idea-") {
				t.Errorf("%s: slide %s follows %s, not its idea", tc.example, s.ID, prev)
			}
			if sc := d.Scene(s); sc == nil || sc.Marks["mongodb"] == "" && sc.Marks["search"] == "" {
				t.Errorf("%s: slide %s has no marked drawing", tc.example, s.ID)
			}
		}
		if !found {
			t.Errorf("%s: no slide %s", tc.example, tc.id)
		}
	}
}
