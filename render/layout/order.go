package layout

import (
	"bytes"
	"context"
	"fmt"
	"math"

	"github.com/archdoc/archdoc/internal/graphviz"
	"github.com/archdoc/archdoc/render/scene"
	"github.com/archdoc/archdoc/render/view"
)

// clusterGap is the least empty space between two sibling clusters
// (domains, layers), in points.
const clusterGap = 16

// Graphviz orders the boxes of one rank as its crossing minimisation
// likes, which in a left-to-right view often reads bottom to top: a
// domain's modules come out shuffled or reversed against the model. The
// boxes of a cluster that fall in one rank are therefore put in one
// rank=same group and chained, in view (model) order, by invisible flat
// edges, which Graphviz keeps in order.

// columnRanks numbers each box's column inside its cluster: the longest
// chain of arrows (and grid pairs) between boxes of that cluster leading
// to it. Arrows from outside do not count: they would scatter a domain's
// unconnected modules over several columns.
func (g *graph) columnRanks() map[string]int {
	parent := map[string]string{}
	for _, n := range g.v.Nodes {
		parent[g.nodeName[n.ID]] = g.effectiveParent(n.Parent)
	}
	links := append([][2]string(nil), g.pairs...)
	for i, e := range g.v.Edges {
		info := g.edges[i]
		if e.Kind == view.EdgeNote || info.ltail != "" || info.lhead != "" || info.tail == "" || info.head == "" {
			continue
		}
		if parent[info.tail] == parent[info.head] {
			links = append(links, [2]string{info.tail, info.head})
		}
	}
	rank := map[string]int{}
	for round := 0; round < len(g.v.Nodes); round++ {
		changed := false
		for _, l := range links {
			if r := rank[l[0]] + 1; r > rank[l[1]] {
				rank[l[1]] = r
				changed = true
			}
		}
		if !changed {
			break
		}
	}
	return rank
}

// sameRankGroups returns, for the cluster id ("" = top level), its
// boxes (not notes) grouped by estimated rank, each group in view order;
// groups of one are left out.
func (g *graph) sameRankGroups(parent string) [][]string {
	byRank := map[int][]string{}
	var ranks []int
	for _, n := range g.v.Nodes {
		if parent == "" || g.effectiveParent(n.Parent) != parent || n.Kind == "note" || n.Shape == "note" {
			continue
		}
		name := g.nodeName[n.ID]
		r := g.rankOf[name]
		if byRank[r] == nil {
			ranks = append(ranks, r)
		}
		byRank[r] = append(byRank[r], name)
	}
	var out [][]string
	for _, r := range ranks {
		if len(byRank[r]) > 1 {
			out = append(out, byRank[r])
		}
	}
	return out
}

// writeSameRank writes the rank=same groups of cluster parent.
func (g *graph) writeSameRank(b *bytes.Buffer, parent string) {
	for _, group := range g.sameRankGroups(parent) {
		b.WriteString("{rank=same;")
		for _, n := range group {
			fmt.Fprintf(b, " %s;", n)
		}
		b.WriteString("}\n")
	}
}

// orderEdges chains every same-rank group in view order. A flat edge
// puts its tail first along the rank: left of its head top to bottom,
// below it left to right, so a left-to-right view chains backwards.
func (g *graph) orderEdges() [][2]string {
	var out [][2]string
	for _, cl := range g.v.Clusters {
		if g.clusterIndex(cl.ID) < 0 || g.clusters[g.clusterIndex(cl.ID)].rep == "" {
			continue
		}
		for _, group := range g.sameRankGroups(cl.ID) {
			for i := 0; i+1 < len(group); i++ {
				a, b := group[i], group[i+1]
				if g.v.Direction != view.TopToBottom {
					a, b = b, a
				}
				out = append(out, [2]string{a, b})
			}
		}
	}
	return out
}

// reorder lays s out once more when Graphviz still drew two boxes of one
// cluster and one column out of order (its ranks differ from the
// estimate when arrows from outside pull boxes apart): this time each
// group is the column Graphviz chose. The first scene stays when the
// second try fails.
func (g *graph) reorder(ctx context.Context, s *scene.Scene) *scene.Scene {
	if !g.misordered(s) {
		return s
	}
	g.rankOf = map[string]int{}
	for _, n := range s.Nodes {
		c := n.Rect.Center()
		pos := c.X
		if g.v.Direction == view.TopToBottom {
			pos = c.Y
		}
		g.rankOf[g.nodeName[n.ID]] = int(math.Round(pos))
	}
	g.warnings = nil
	res, err := graphviz.Layout(ctx, g.dot(), g.c.budget)
	if err != nil {
		return s
	}
	s2, err := g.scene(res.JSON)
	if err != nil {
		return s
	}
	s2.Warnings = append(s2.Warnings, graphvizNotes(res)...)
	return s2
}

// misordered reports whether two boxes of one cluster sharing a column
// (a row, top to bottom) are drawn against the view's order.
func (g *graph) misordered(s *scene.Scene) bool {
	for i, a := range s.Nodes {
		if a.Parent == "" || a.Shape == scene.ShapeNote {
			continue
		}
		for _, b := range s.Nodes[i+1:] {
			if b.Parent != a.Parent || b.Shape == scene.ShapeNote {
				continue
			}
			if g.v.Direction == view.TopToBottom {
				if a.Rect.Y < b.Rect.Y+b.Rect.H && b.Rect.Y < a.Rect.Y+a.Rect.H && a.Rect.X > b.Rect.X {
					return true
				}
			} else if a.Rect.X < b.Rect.X+b.Rect.W && b.Rect.X < a.Rect.X+a.Rect.W && a.Rect.Y > b.Rect.Y {
				return true
			}
		}
	}
	return false
}

// clusterOrder lays s out once more when it draws two sibling domains
// sharing a column against the view's order, this time with each level's
// domains written before its boxes. Graphviz places clusters in the order
// it first meets their boxes, and an actor written first can lead it to a
// late domain first: the example drew 数据模块 on top and 前台, its first
// domain, at the bottom. The second scene is kept only when it mends the
// domains' order and keeps every box in order; otherwise s stays. Only
// a view whose domains come in the model's order (the business view and
// its before/after versions) is tried again: other views add domains as
// their flows meet them, and a second Graphviz run of a large domain
// view costs seconds.
func (g *graph) clusterOrder(ctx context.Context, s *scene.Scene) *scene.Scene {
	if !g.v.DomainsInOrder || !clustersMisordered(s, g.v.Direction) {
		return s
	}
	g.clustersFirst = true
	defer func() { g.clustersFirst = false }()
	g.rankOf = g.columnRanks()
	g.warnings = nil
	res, err := graphviz.Layout(ctx, g.dot(), g.c.budget)
	if err != nil {
		return s
	}
	s2, err := g.scene(res.JSON)
	if err != nil || clustersMisordered(s2, g.v.Direction) || g.misordered(s2) {
		return s
	}
	s2.Warnings = append(s2.Warnings, graphvizNotes(res)...)
	return s2
}

// clustersMisordered reports whether two sibling domains sharing a column
// (a row, top to bottom) are drawn against the scene's order.
func clustersMisordered(s *scene.Scene, dir string) bool {
	for i, a := range s.Clusters {
		if a.Kind != "domain" {
			continue
		}
		for _, b := range s.Clusters[i+1:] {
			if b.Kind != "domain" || b.Parent != a.Parent {
				continue
			}
			if dir == view.TopToBottom {
				if a.Rect.Y < b.Rect.Y+b.Rect.H && b.Rect.Y < a.Rect.Y+a.Rect.H && a.Rect.X > b.Rect.X {
					return true
				}
			} else if a.Rect.X < b.Rect.X+b.Rect.W && b.Rect.X < a.Rect.X+a.Rect.W && a.Rect.Y > b.Rect.Y {
				return true
			}
		}
	}
	return false
}
