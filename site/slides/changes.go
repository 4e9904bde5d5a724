package slides

import (
	"strconv"
	"strings"

	"github.com/archdoc/archdoc/model"
	"github.com/archdoc/archdoc/model/delta"
	"github.com/archdoc/archdoc/render/view"
)

// optionSlides follow an idea's slide: one per option that describes
// changes, the architecture with the option applied and its changes
// marked, beside a generated summary. None when the deck was built
// without those views' scenes.
func (b *builder) optionSlides(x *model.Idea) []Slide {
	idea := -1
	for i := range b.m.Ideas {
		if &b.m.Ideas[i] == x {
			idea = i
		}
	}
	var out []Slide
	for n, o := range x.Options {
		id := b.diagram(view.OptionViewID(x.ID, n) + "-after")
		if o.Changes == nil || idea < 0 || id == "" {
			continue
		}
		zh := strings.HasPrefix(strings.ToLower(b.m.Language), "zh")
		summary := delta.Summary(delta.Compare(b.m, delta.ToBe(b.m, idea, n)), zh)
		var md mdBuf
		md.para(mdText(summary))
		out = append(out, Slide{ID: "idea-" + x.ID + "-option-" + strconv.Itoa(n+1), Section: SectionIdeas,
			Layout: LayoutSplit, Title: x.Title + b.words.Colon + o.Name, Body: md.String(), Diagram: id})
	}
	return out
}
