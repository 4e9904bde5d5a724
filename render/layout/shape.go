package layout

import (
	"math"

	"github.com/archdoc/archdoc/render/view"
)

// Heuristics that make Graphviz's result read like a hand-drawn diagram.

// gridMin is the number of boxes directly in a cluster from which boxes
// with no arrow inside the cluster are paired side by side; otherwise
// left-to-right views stack them into one tall column. From rowsMin boxes
// with no arrow at all (a model without flows yet, say) (in a cluster or at the top level: domains at
// domain level whose arrows were left out), those are chained into rows
// of about the square root of their number, so they fill a square
// instead of a 5,000-point column. Boxes with arrows are left to
// Graphviz: chained, they tangle the arrows.
const (
	gridMin = 5
	rowsMin = 6
)

// estimateRanks guesses each node's rank (its column in a left-to-right
// view) as the longest path of flows leading to it. Cycles are cut by
// bounding the number of rounds.
func (g *graph) estimateRanks() map[string]int {
	rank := map[string]int{}
	for round := 0; round < len(g.v.Nodes); round++ {
		changed := false
		for i, e := range g.v.Edges {
			info := g.edges[i]
			if info.tail == "" || info.head == "" || e.Kind == view.EdgeNote {
				continue
			}
			if r := rank[info.tail] + 1; r > rank[info.head] {
				rank[info.head] = r
				changed = true
			}
		}
		if !changed {
			break
		}
	}
	return rank
}

// pickRepresentatives attaches edges that leave a cluster to its
// right-most box and edges that enter it to its left-most box, so the
// label of such an edge lands between the clusters, not on a border.
func (g *graph) pickRepresentatives() {
	rank := g.estimateRanks()
	for i, e := range g.v.Edges {
		info := &g.edges[i]
		from, to := e.From, e.To
		if info.reversed {
			from, to = to, from
		}
		if info.ltail != "" {
			info.tail = g.extremeMember(from, rank, true)
		}
		if info.lhead != "" {
			info.head = g.extremeMember(to, rank, false)
		}
	}
}

// extremeMember returns the DOT name of the node in cluster id with the
// highest (last) or lowest (!last) estimated rank; view order breaks ties.
func (g *graph) extremeMember(cluster string, rank map[string]int, last bool) string {
	best, bestRank := "", 0
	for _, n := range g.v.Nodes {
		if !g.inside(n.Parent, cluster) {
			continue
		}
		name := g.nodeName[n.ID]
		r := rank[name]
		if best == "" || (last && r > bestRank) || (!last && r < bestRank) {
			best, bestRank = name, r
		}
	}
	return best
}

// inside reports whether cluster p is c or nested in it. The walk is
// bounded: a hand-made view could give clusters a parent cycle.
func (g *graph) inside(p, c string) bool {
	for steps := 0; p != "" && steps <= len(g.v.Clusters); steps++ {
		if p == c {
			return true
		}
		p = g.parentOf(p)
	}
	return false
}

// rows chains ids into rows of ceil(sqrt(n)) with invisible edges.
func (g *graph) rows(ids []string) [][2]string {
	k := int(math.Ceil(math.Sqrt(float64(len(ids)))))
	var pairs [][2]string
	for i := 0; i+1 < len(ids); i++ {
		if (i+1)%k != 0 {
			pairs = append(pairs, [2]string{g.nodeName[ids[i]], g.nodeName[ids[i+1]]})
		}
	}
	return pairs
}

// gridPairs returns invisible edges that pair up, two by two, the boxes
// of a crowded cluster that have no arrow to a box of the same cluster.
func (g *graph) gridPairs() [][2]string {
	linked, isolated := map[string]bool{}, map[string]bool{}
	for _, n := range g.v.Nodes {
		isolated[n.ID] = true
	}
	for i, e := range g.v.Edges {
		isolated[e.From], isolated[e.To] = false, false
		info := g.edges[i]
		if e.Kind == view.EdgeNote || info.ltail != "" || info.lhead != "" {
			continue
		}
		from, to := g.v.Node(e.From), g.v.Node(e.To)
		if from != nil && to != nil && from.Parent == to.Parent {
			linked[from.ID], linked[to.ID] = true, true
		}
	}
	var pairs [][2]string
	for _, cl := range append([]view.Cluster{{}}, g.v.Clusters...) {
		var members, loose, alone []string
		for _, n := range g.v.Nodes {
			if g.effectiveParent(n.Parent) == cl.ID && n.Kind != "note" {
				members = append(members, n.ID)
				if !linked[n.ID] {
					loose = append(loose, n.ID)
				}
				if isolated[n.ID] {
					alone = append(alone, n.ID)
				}
			}
		}
		if len(alone) >= rowsMin {
			pairs = append(pairs, g.rows(alone)...)
			continue
		}
		if cl.ID == "" || len(members) < gridMin {
			continue
		}
		for i := 0; i+1 < len(loose); i += 2 {
			pairs = append(pairs, [2]string{g.nodeName[loose[i]], g.nodeName[loose[i+1]]})
		}
	}
	return pairs
}
