package slides

import (
	"strconv"

	"github.com/archdoc/archdoc/internal/uilang"
	"github.com/archdoc/archdoc/model"
	"github.com/archdoc/archdoc/model/delta"
	"github.com/archdoc/archdoc/render/view"
)

// optionSlides follow an idea's slide: one per option that describes
// changes: the part of the architecture the option changes, drawn with
// the option applied and its changes marked, filling the slide (readable
// from the back of the room); the generated summary is in the notes. None when the deck was built
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
		zh := uilang.IsChinese(b.m.Language)
		summary := delta.Summary(delta.Compare(b.m, delta.ToBe(b.m, idea, n)), zh)
		out = append(out, Slide{ID: "idea-" + x.ID + "-option-" + strconv.Itoa(n+1), Section: SectionIdeas,
			Layout: LayoutDiagram, Title: x.Title + b.words.Colon + o.Name, Diagram: id, Notes: summary})
	}
	return out
}
