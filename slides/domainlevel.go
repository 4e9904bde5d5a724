package slides

import "github.com/archdoc/archdoc/render/view"

// fewerArrows is a domain-level view v with only the arrows between
// domains a slide can show: each domain's strongest link (the arrows
// standing for the most flows touching it, equal counts together) and
// the strongest of the rest, no more in all than there are domains when
// that can be, as the site keeps the strongest. Arrows of actors and
// external systems stay: they say who uses the system. It returns the
// view and how many arrows it left out (0: nothing to leave out).
func fewerArrows(v *view.View) (*view.View, int) {
	weight := func(e view.Edge) int { return max(1, e.Count) }
	domain := func(id string) bool { n := v.Node(id); return n != nil && n.Kind == "domain" }
	between := func(e view.Edge) bool { return domain(e.From) && domain(e.To) }
	domains := 0
	for _, n := range v.Nodes {
		if n.Kind == "domain" {
			domains++
		}
	}
	strongestAt := map[string]int{} // domain -> the most flows one of its arrows stands for
	top := 0
	for _, e := range v.Edges {
		if between(e) {
			strongestAt[e.From] = max(strongestAt[e.From], weight(e))
			strongestAt[e.To] = max(strongestAt[e.To], weight(e))
			top = max(top, weight(e))
		}
	}
	keep := func(e view.Edge, least int) bool {
		w := weight(e)
		return !between(e) || w >= least || w == strongestAt[e.From] || w == strongestAt[e.To]
	}
	count := func(least int) int {
		n := 0
		for _, e := range v.Edges {
			if between(e) && keep(e, least) {
				n++
			}
		}
		return n
	}
	least := 1
	for least < top && count(least) > domains {
		least++
	}
	out := *v
	out.Edges = nil
	for _, e := range v.Edges {
		if keep(e, least) {
			out.Edges = append(out.Edges, e)
		}
	}
	return &out, len(v.Edges) - len(out.Edges)
}

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
	if fewer, n := fewerArrows(small); n > 0 {
		both := bothWays(fewer)
		for _, c := range both {
			hidden[c] = n
		}
		out = append(out, both)
	}
	return out
}
