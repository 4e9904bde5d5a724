package render

import "github.com/archdoc/archdoc/render/view"

// Which arrows between domains a domain-level picture keeps: the site's
// rule (strongestArrows) and the slide's (FewerArrows) weigh them alike.

// FewerArrows is a domain-level view v with only the arrows between
// domains a slide can show: each domain's strongest link and the
// strongest of the rest, no more in all than there are domains when that
// can be. Arrows of actors and external systems stay. It returns the
// view and how many arrows it left out (0: nothing to leave out).
func FewerArrows(v *view.View) (*view.View, int) {
	domains := 0
	for _, n := range v.Nodes {
		if n.Kind == "domain" {
			domains++
		}
	}
	kept, _, arrows, _ := thinArrows(v, domains, true)
	out := *v
	out.Edges = kept
	return &out, arrows
}

// strongestArrows keeps the arrows between domains of a domain-level
// view that stand for the most flows, at most arrowsPerBox per box (within
// minArrows and maxArrows): those standing for at least least flows, least the smallest
// count that fits. Equal counts are kept or left out together, so no
// arbitrary choice is made. Arrows of actors and external systems are
// always kept: they say who uses the system. It returns the kept arrows
// and how many arrows and flows it left out.
func strongestArrows(v *view.View) (kept []view.Edge, least, arrows, flows int) {
	return thinArrows(v, min(maxArrows, max(minArrows, arrowsPerBox*len(v.Nodes))), false)
}

// thinArrows is strongestArrows with limit arrows between domains; with
// eachDomainsBest every domain also keeps its strongest link, so none is
// left unconnected, and least never passes the strongest arrow.
func thinArrows(v *view.View, limit int, eachDomainsBest bool) (kept []view.Edge, least, arrows, flows int) {
	weight := func(e view.Edge) int { return max(1, e.Count) }
	domain := func(id string) bool { n := v.Node(id); return n != nil && n.Kind == "domain" }
	between := func(e view.Edge) bool { return domain(e.From) && domain(e.To) }
	best := map[string]int{} // domain -> the most flows one of its arrows stands for
	top := 0
	for _, e := range v.Edges {
		if between(e) {
			best[e.From] = max(best[e.From], weight(e))
			best[e.To] = max(best[e.To], weight(e))
			top = max(top, weight(e))
		}
	}
	keep := func(e view.Edge, least int) bool {
		w := weight(e)
		return !between(e) || w >= least || eachDomainsBest && (w == best[e.From] || w == best[e.To])
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
	least = 1
	for count(least) > limit && (!eachDomainsBest || least < top) {
		least++
	}
	for _, e := range v.Edges {
		if keep(e, least) {
			kept = append(kept, e)
		} else {
			arrows++
			flows += weight(e)
		}
	}
	return kept, least, arrows, flows
}
