package render

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/archdoc/archdoc/internal/uilang"
	"github.com/archdoc/archdoc/model"
	"github.com/archdoc/archdoc/render/scene"
	"github.com/archdoc/archdoc/render/view"
)

// MaxDetail is the size (boxes plus arrows) above which a view is drawn
// at domain level. Measured on this project's 2-core machine with
// go-graphviz: the business view of a 300-module model (about 1,100
// boxes and arrows) lays out in 1.4 s, of 500 modules (about 1,850) in
// about 6 s, while 1,000 modules (about 3,700) does not finish in two
// minutes; and a picture with more than a few hundred boxes is a
// hairball nobody reads anyway.
const MaxDetail = 1500

// domainLevel redraws a view that is too large to read (or to lay out)
// with each top-level domain collapsed into one box that links to the
// domain's page (and so to its own, smaller view): a domain container
// with everything inside it, and in flat views (the stack) the modules
// coloured by that domain. Arrows between the same two boxes merge into
// one labelled with their count. Other boxes (actors, technologies in
// their layers) stay. It returns false when nothing collapses.
func domainLevel(v *view.View, m *model.Model) (*view.View, bool) {
	if v.ID == "stack" {
		return techsOnly(v)
	}
	owner, boxes := collapse(v)
	return collapsed(v, m, owner, boxes)
}

// maxNeighbourDomains and maxNeighbourModules bound what a domain's own
// view shows box by box of the domains around it. With more (a domain of
// a large model exchanging flows with twenty others), their modules crowd
// out the domain's own: each other domain becomes one box linking to its
// page, with arrows counted.
const (
	maxNeighbourDomains = 4 // of a domain's view
	maxNeighbourModules = 24
)

// neighboursCollapsed is a domain view (domain/<id>) with every other
// domain collapsed into one box, when there are more than
// maxNeighbourDomains of them or they show more than maxNeighbourModules
// modules. The domain keeps its modules, and the domains around it (a
// sub-domain's parent) stay containers, so a sub-domain's siblings
// become boxes inside their parent.
//
// A module's view (module/<id>) with more than maxModuleNeighbours
// neighbours groups them the same way, around the module's own domain:
// a gateway's 40 services become the eight domains they are in.
func neighboursCollapsed(v *view.View, m *model.Model) (*view.View, bool) {
	return neighboursGrouped(v, m, false)
}

// NeighbourStubs is a domain's view (domain/<id>) with every other domain
// drawn as one box, however few they are: the stubs a slide showing some
// of the domain's modules draws its neighbours as. false when it has none.
func NeighbourStubs(v *view.View, m *model.Model) (*view.View, bool) {
	if !strings.HasPrefix(v.ID, "domain/") {
		return nil, false
	}
	return neighboursGrouped(v, m, true)
}

// neighboursGrouped is neighboursCollapsed, collapsing whatever their
// number with always.
func neighboursGrouped(v *view.View, m *model.Model, always bool) (*view.View, bool) {
	clusters := map[string]view.Cluster{}
	for _, c := range v.Clusters {
		clusters[c.ID] = c
	}
	focus, ok := strings.CutPrefix(v.ID, "domain/")
	few := func(boxes, modules int) bool { return boxes <= maxNeighbourDomains && modules <= maxNeighbourModules }
	if !ok {
		module, isModule := strings.CutPrefix(v.ID, "module/")
		if !isModule {
			return nil, false
		}
		focus = moduleDomain(v, module)
		neighbours := moduleNeighbours(v, module)
		few = func(int, int) bool { return neighbours <= maxModuleNeighbours }
	}
	if focus == "" {
		return nil, false
	}
	around := map[string]bool{}                                    // the focus and the domains it is in
	for id, i := focus, 0; id != "" && i <= len(v.Clusters); i++ { // bounded: a parent cycle cannot hang
		around[id] = true
		id = clusters[id].Parent
	}
	// box is the outermost domain from cluster id up that is not around
	// the focus; "" inside the focus.
	box := func(id string) string {
		found := ""
		for i := 0; id != "" && i <= len(v.Clusters); i++ {
			if id == focus {
				return ""
			}
			c, ok := clusters[id]
			if !ok || around[id] {
				break
			}
			if c.Kind == "domain" {
				found = id
			}
			id = c.Parent
		}
		return found
	}
	owner, boxes := ownership(v, box)
	modules := 0
	for _, n := range v.Nodes {
		if _, ok := owner[n.ID]; ok && n.Kind == "module" {
			modules++
		}
	}
	if !always && few(len(boxes), modules) {
		return nil, false
	}
	return collapsed(v, m, owner, boxes)
}

// maxModuleNeighbours is how many elements a module's view shows around
// the module before the other domains' are grouped (see
// neighboursCollapsed): a dozen boxes around one still read at a glance.
const maxModuleNeighbours = 12

// moduleDomain is the cluster a module's node sits in, or "".
func moduleDomain(v *view.View, module string) string {
	for _, n := range v.Nodes {
		if n.ID == module {
			return n.Parent
		}
	}
	return ""
}

// moduleNeighbours counts the elements at the other end of a module's
// view's arrows: its own stores and technologies are not neighbours.
func moduleNeighbours(v *view.View, module string) int {
	own := map[string]bool{module: true}
	for _, e := range v.Edges {
		if e.Kind == view.EdgeOwns && e.From == module {
			own[e.To] = true
		}
	}
	seen := map[string]bool{}
	for _, e := range v.Edges {
		if e.Kind != view.EdgeFlow {
			continue
		}
		for _, end := range []string{e.From, e.To} {
			if !own[end] {
				seen[end] = true
			}
		}
	}
	return len(seen)
}

// subDomainsCollapsed is a domain view (domain/<id>) with each of the
// domain's own sub-domains drawn as one box inside it: the domain level
// of a parent domain, for when Graphviz cannot draw it box by box
// (sub-domains with flows between all of them overlap).
func subDomainsCollapsed(v *view.View, m *model.Model) (*view.View, bool) {
	focus, ok := strings.CutPrefix(v.ID, "domain/")
	if !ok {
		return nil, false
	}
	parent := map[string]string{}
	kind := map[string]string{}
	for _, c := range v.Clusters {
		parent[c.ID], kind[c.ID] = c.Parent, c.Kind
	}
	// child is the sub-domain of focus that cluster id is in, or "".
	child := func(id string) string {
		for i := 0; id != "" && i <= len(v.Clusters); i++ { // bounded: a parent cycle cannot hang
			if parent[id] == focus && kind[id] == "domain" {
				return id
			}
			id = parent[id]
		}
		return ""
	}
	owner, boxes := ownership(v, child)
	if len(boxes) < 2 {
		return nil, false
	}
	return collapsed(v, m, owner, boxes)
}

// collapsed draws each of boxes (domain ids) as one box standing for the
// nodes and clusters owner maps to it.
func collapsed(v *view.View, m *model.Model, owner map[string]string, boxes []string) (*view.View, bool) {
	zh := isZH(m.Language)
	if len(boxes) == 0 {
		return nil, false
	}
	out := &view.View{ID: v.ID, Title: v.Title, Description: v.Description, Kind: v.Kind,
		Direction: v.Direction, Groups: v.Groups, Level: v.Level}
	keptNote := map[string]bool{} // notes on an element that stays
	for _, e := range v.Edges {
		if e.Kind != view.EdgeNote {
			continue
		}
		if _, gone := owner[e.To]; !gone {
			keptNote[e.From] = true
		}
		if _, gone := owner[e.From]; !gone {
			keptNote[e.To] = true
		}
	}
	members, modules := map[string]int{}, map[string]int{}
	for _, n := range v.Nodes {
		if d, ok := owner[n.ID]; ok {
			members[d]++
			if n.Kind == "module" {
				modules[d]++
			}
			continue
		}
		if n.Kind == "note" && !keptNote[n.ID] {
			continue // its element is collapsed; the detail views keep it
		}
		if _, gone := owner[n.Parent]; gone {
			n.Parent = ""
		}
		out.Nodes = append(out.Nodes, n)
	}
	for _, c := range v.Clusters {
		if _, gone := owner[c.ID]; !gone {
			out.Clusters = append(out.Clusters, c)
		}
	}
	for _, id := range boxes {
		label, link, tip := id, id, ""
		if c := v.Cluster(id); c != nil {
			label, link, tip = c.Label, c.Link, c.Tooltip
		} else if e, ok := m.Element(id); ok && e.Name != "" {
			label = e.Name
		}
		// A domain box says how many modules it holds: "10 个元素" left a
		// reader guessing what an element is (notes and stores count too).
		sub := countLabel(members[id], "box", zh)
		if modules[id] > 0 {
			sub = moduleCount(modules[id], zh)
		}
		if all := modulesIn(m, id); modules[id] < all {
			sub = partLabel(modules[id], all, zh) // a neighbour: only its modules that matter here
		}
		parent := "" // inside a domain that stays (a sub-domain's sibling)
		if c := v.Cluster(id); c != nil && v.Cluster(c.Parent) != nil && owner[c.Parent] == "" {
			parent = c.Parent
		}
		out.Nodes = append(out.Nodes, view.Node{ID: id, Kind: "domain", Shape: scene.ShapeDomain,
			Label: label, Sub: sub, Tooltip: tip, Link: link, Group: id, Parent: parent})
	}
	out.Edges = mergedEdges(v, func(id string) string {
		if d, ok := owner[id]; ok {
			return d
		}
		return id
	}, out, zh)
	return out, true
}

// techsOnly is the stack view at domain level: its layers and
// technologies without any modules or arrows to them. The layer cake
// (view.Stack) draws neither and its tiles already say how many modules
// use each technology, so this only guards a view built otherwise.
func techsOnly(v *view.View) (*view.View, bool) {
	out := &view.View{ID: v.ID, Title: v.Title, Description: v.Description, Kind: v.Kind,
		Direction: v.Direction, Groups: v.Groups, Clusters: v.Clusters}
	kept := map[string]bool{}
	for _, n := range v.Nodes {
		if n.Kind == "module" {
			continue
		}
		kept[n.ID] = true
		out.Nodes = append(out.Nodes, n)
	}
	for _, e := range v.Edges {
		if kept[e.From] && kept[e.To] {
			out.Edges = append(out.Edges, e)
		}
	}
	return out, len(out.Nodes) < len(v.Nodes)
}

// collapse maps each node and cluster of v that goes into a domain box to
// that box's id, and lists the boxes in first-seen order.
func collapse(v *view.View) (map[string]string, []string) {
	clusters := map[string]view.Cluster{}
	for _, c := range v.Clusters {
		clusters[c.ID] = c
	}
	// topDomain is the outermost domain container holding cluster id.
	topDomain := func(id string) string {
		found := ""
		for i := 0; i <= len(v.Clusters) && id != ""; i++ { // bounded: a parent cycle cannot hang
			c, ok := clusters[id]
			if !ok {
				break
			}
			if c.Kind == "domain" {
				found = c.ID
			}
			id = c.Parent
		}
		return found
	}
	owner, boxes := ownership(v, topDomain)
	for _, n := range v.Nodes { // flat views (the stack): modules by their domain
		if _, ok := owner[n.ID]; !ok && n.Kind == "module" && n.Group != "" && clusters[n.Group].ID == "" {
			owner[n.ID] = n.Group
			if !slices.Contains(boxes, n.Group) {
				boxes = append(boxes, n.Group)
			}
		}
	}
	return owner, boxes
}

// ownership maps each cluster of v, and each node by its parent, to the
// box that box names for that cluster ("" for none), and lists the boxes
// in first-seen order: how every way of collapsing a view decides what
// goes into which box.
func ownership(v *view.View, box func(cluster string) string) (map[string]string, []string) {
	owner := map[string]string{}
	var boxes []string
	add := func(id, b string) {
		if b == "" {
			return
		}
		owner[id] = b
		if !slices.Contains(boxes, b) {
			boxes = append(boxes, b)
		}
	}
	for _, c := range v.Clusters {
		add(c.ID, box(c.ID))
	}
	for _, n := range v.Nodes {
		add(n.ID, box(n.Parent))
	}
	return owner, boxes
}

// mergedEdges keeps one arrow per ordered pair of boxes of out, labelled
// with how many arrows of v it stands for (or with the one arrow's own
// label). Arrows inside one box and arrows to dropped notes go.
func mergedEdges(v *view.View, owner func(string) string, out *view.View, zh bool) []view.Edge {
	shown := map[string]bool{}
	for _, n := range out.Nodes {
		shown[n.ID] = true
	}
	type pair struct{ from, to, kind string }
	count := map[pair]int{}
	sync := map[pair]bool{} // some arrow of the pair is not async
	first := map[pair]view.Edge{}
	var order []pair
	for _, e := range v.Edges {
		p := pair{owner(e.From), owner(e.To), e.Kind}
		if p.from == p.to || !shown[p.from] || !shown[p.to] {
			continue
		}
		if count[p] == 0 {
			order = append(order, p)
			first[p] = e
		}
		count[p]++
		sync[p] = sync[p] || !e.Async
	}
	sort.SliceStable(order, func(i, j int) bool {
		a, b := order[i], order[j]
		if a.from != b.from {
			return a.from < b.from
		}
		if a.to != b.to {
			return a.to < b.to
		}
		return a.kind < b.kind
	})
	edges := make([]view.Edge, 0, len(order))
	for _, p := range order {
		e := first[p]
		e.From, e.To, e.Count = p.from, p.to, count[p]
		e.Async = !sync[p] // a merged arrow is async when all its arrows are
		if n := count[p]; n > 1 {
			e.ID = fmt.Sprintf("%s>%s:%s", p.from, p.to, p.kind)
			e.Label = countLabel(n, p.kind, zh)
			e.Link = "" // several flows: no one page to open
		}
		edges = append(edges, e)
	}
	return edges
}

// arrowsPerBox bounds the arrows of a domain-level view: with more, the
// drawing is a hairball again (30 domains with flows between 600 of their
// pairs, from a 300-module model with random flows), and Graphviz takes
// longer than its time budget to route them.
const (
	arrowsPerBox = 3
	minArrows    = 40  // a handful of domains keeps all its arrows
	maxArrows    = 150 // Graphviz takes over 15 s for 100 domains with 300
)

// modulesIn counts the modules of the model inside domain id, at any
// depth. It walks the domain tree, not m.Elements(), which builds every
// element anew: called for each box of each domain view, that doubled a
// 1,000-module build.
func modulesIn(m *model.Model, id string) int {
	var count func(ds []model.Domain, inside bool) int
	count = func(ds []model.Domain, inside bool) int {
		n := 0
		for _, d := range ds {
			in := inside || d.ID == id
			if in {
				n += len(d.Modules)
			}
			n += count(d.Domains, in)
		}
		return n
	}
	return count(m.Domains, false)
}

// partLabel says a box stands for some of a domain's modules.
func partLabel(some, all int, zh bool) string {
	if zh {
		return fmt.Sprintf("%d/%d 个模块", some, all)
	}
	return fmt.Sprintf("%d of %d modules", some, all)
}

// moduleCount says how many modules a domain box holds.
func moduleCount(n int, zh bool) string {
	switch {
	case zh:
		return fmt.Sprintf("%d 个模块", n)
	case n == 1:
		return "1 module"
	}
	return fmt.Sprintf("%d modules", n)
}

// countLabel says how many things a merged box or arrow stands for.
func countLabel(n int, kind string, zh bool) string {
	if zh {
		switch kind {
		case "box":
			return fmt.Sprintf("%d 个元素", n)
		case view.EdgeUses:
			return fmt.Sprintf("%d 处使用", n)
		}
		return fmt.Sprintf("%d 条流", n)
	}
	word := map[string]string{"box": "element", view.EdgeUses: "use"}[kind]
	if word == "" {
		word = "flow"
	}
	if n != 1 {
		word += "s"
	}
	return fmt.Sprintf("%d %s", n, word)
}

// detail is a view's size as MaxDetail counts it.
func detail(v *view.View) int { return len(v.Nodes) + len(v.Edges) }

// isZH reports a Chinese model language (zh, zh-CN, ZH-cn, zh-Hans ...).
func isZH(lang string) bool { return uilang.IsChinese(lang) }
