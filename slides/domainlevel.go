package slides

import (
	"github.com/archdoc/archdoc/render"
	"github.com/archdoc/archdoc/render/view"
)

// domainLevels are the slide layouts of a domain-level view, most
// detailed first: as the site draws it, without the boxes' module
// counts, then with only the strongest arrows between domains (noting
// in hidden how many it leaves out; the speaker notes say where the
// rest are).
func domainLevels(small *view.View, hidden map[*view.View]int) [][]*view.View {
	out := [][]*view.View{bothWays(small)}
	if c, ok := compact(small); ok {
		small = c
		out = append(out, bothWays(small))
	}
	if fewer, n := render.FewerArrows(small); n > 0 {
		both := bothWays(fewer)
		for _, c := range both {
			hidden[c] = n
		}
		out = append(out, both)
	}
	return out
}
