package layout

import (
	"bytes"
	"fmt"
	"slices"
	"sort"
	"strconv"

	"github.com/archdoc/archdoc/render/scene"
	"github.com/archdoc/archdoc/render/view"
)

// graph is a view prepared for Graphviz: every label wrapped and sized,
// every element given a DOT name.
type graph struct {
	v        *view.View
	c        config
	nodes    []sized
	nodeName map[string]string // view node id -> DOT name
	clusterI map[string]int    // view cluster id -> index
	clusters []clusterInfo
	edges    []edgeInfo
	warnings []string
	pairs    [][2]string    // invisible edges laying out boxes in rows (gridPairs)
	rankOf   map[string]int // column of each DOT node within its cluster
	// clustersFirst writes each level's clusters before its boxes: the
	// second try of clusterOrder.
	clustersFirst bool
}

type clusterInfo struct {
	name  string // DOT name, "cluster_<i>"
	lines []string
	w, h  float64 // label band
	rep   string  // DOT name of a node inside, for lhead/ltail ("" = empty)
}

type edgeInfo struct {
	lines        []string
	w, h         float64
	tail, head   string // DOT node names ("" = cannot be drawn)
	ltail, lhead string // DOT cluster names when an end is a cluster
	reversed     bool   // drawn head to tail (notes sit after their element)
}

func newGraph(v *view.View, c config) *graph {
	g := &graph{v: v, c: c, nodeName: map[string]string{}, clusterI: map[string]int{}}
	for i, cl := range v.Clusters {
		if _, dup := g.clusterI[cl.ID]; !dup {
			g.clusterI[cl.ID] = i
		}
	}
	for i, n := range v.Nodes {
		g.nodes = append(g.nodes, c.sizeNode(n))
		g.nodeName[n.ID] = "n" + strconv.Itoa(i)
	}
	for i, cl := range v.Clusters {
		lines, w, h := c.sizeClusterLabel(cl.Label)
		g.clusters = append(g.clusters, clusterInfo{name: "cluster_" + strconv.Itoa(i), lines: lines, w: w, h: h, rep: g.representative(cl.ID)})
	}
	for _, e := range v.Edges {
		g.edges = append(g.edges, g.prepareEdge(e))
	}
	g.pickRepresentatives()
	g.pairs = g.gridPairs()
	g.rankOf = g.columnRanks()
	return g
}

// representative is the first node inside cluster id (at any depth):
// Graphviz attaches an edge to a cluster through one of its nodes.
func (g *graph) representative(id string) string {
	for _, n := range g.v.Nodes {
		if g.inside(n.Parent, id) {
			return g.nodeName[n.ID]
		}
	}
	return ""
}

func (g *graph) parentOf(cluster string) string {
	if i := g.clusterIndex(cluster); i >= 0 {
		return g.v.Clusters[i].Parent
	}
	return ""
}

func (g *graph) clusterIndex(id string) int {
	if i, ok := g.clusterI[id]; ok {
		return i
	}
	return -1
}

// end resolves an edge end to a DOT node and, for a cluster, the cluster.
func (g *graph) end(id string) (node, cluster string) {
	if n, ok := g.nodeName[id]; ok {
		return n, ""
	}
	if i := g.clusterIndex(id); i >= 0 && g.clusters[i].rep != "" {
		return g.clusters[i].rep, g.clusters[i].name
	}
	return "", ""
}

func (g *graph) prepareEdge(e view.Edge) edgeInfo {
	lines, w, h := g.c.sizeEdgeLabel(e.Label)
	info := edgeInfo{lines: lines, w: w, h: h}
	info.tail, info.ltail = g.end(e.From)
	info.head, info.lhead = g.end(e.To)
	if e.Kind == view.EdgeNote {
		info.reversed = true
		info.tail, info.head = info.head, info.tail
		info.ltail, info.lhead = info.lhead, info.ltail
	}
	return info
}

// dot writes the graph as DOT source. Everything is emitted in view
// order, so the same view gives the same layout.
func (g *graph) dot() []byte {
	var b bytes.Buffer
	dir := g.v.Direction
	if dir == "" {
		dir = view.LeftToRight
	}
	fmt.Fprintf(&b, "digraph G {\ngraph [rankdir=%s compound=true remincross=false nodesep=0.35 ranksep=0.6 margin=0 pad=0 fontsize=%s];\n", dir, num(g.c.fontSize))
	b.WriteString("node [shape=box fixedsize=true label=\"\"];\nedge [arrowsize=0.8];\n")
	g.writeMembers(&b, "")
	for i, e := range g.edges {
		if e.tail == "" || e.head == "" {
			continue
		}
		fmt.Fprintf(&b, "%s -> %s [id=\"e%d\"", e.tail, e.head, i)
		if e.ltail != "" {
			fmt.Fprintf(&b, " ltail=%s", e.ltail)
		}
		if e.lhead != "" {
			fmt.Fprintf(&b, " lhead=%s", e.lhead)
		}
		if e.w > 0 {
			b.WriteString(" label=" + fixedLabel(e.w, e.h))
		}
		if !g.v.Edges[i].Arrow {
			b.WriteString(" arrowhead=none")
		}
		if e.reversed {
			b.WriteString(" weight=0")
		}
		b.WriteString("];\n")
	}
	for _, p := range g.pairs {
		fmt.Fprintf(&b, "%s -> %s [style=invis];\n", p[0], p[1])
	}
	for _, p := range g.orderEdges() {
		fmt.Fprintf(&b, "%s -> %s [style=invis];\n", p[0], p[1])
	}
	b.WriteString("}\n")
	return b.Bytes()
}

// writeMembers writes the nodes and sub-clusters whose parent is parent,
// the sub-clusters first when g.clustersFirst (see clusterOrder).
func (g *graph) writeMembers(b *bytes.Buffer, parent string) {
	if g.clustersFirst {
		g.writeClusters(b, parent)
	}
	for _, i := range g.inputOrder(parent) {
		n := g.v.Nodes[i]
		if g.effectiveParent(n.Parent) == parent {
			fmt.Fprintf(b, "%s [width=%s height=%s];\n", g.nodeName[n.ID], inches(g.nodes[i].w), inches(g.nodes[i].h))
		}
	}
	g.writeSameRank(b, parent)
	if !g.clustersFirst {
		g.writeClusters(b, parent)
	}
}

// writeClusters writes the sub-clusters of parent, each in a gap cluster.
func (g *graph) writeClusters(b *bytes.Buffer, parent string) {
	for i, cl := range g.v.Clusters {
		if g.effectiveParent(cl.Parent) != parent || g.clusters[i].rep == "" || cl.ID == parent {
			continue
		}
		ci := g.clusters[i]
		// An unlabelled, undrawn cluster around each one keeps siblings
		// clusterGap apart (a point more each side: Graphviz rounds a box
		// beside it half a point closer): Graphviz lets sibling clusters touch.
		fmt.Fprintf(b, "subgraph %s_gap {\nlabel=\"\" peripheries=0 margin=%d;\n", ci.name, clusterGap/2+1)
		fmt.Fprintf(b, "subgraph %s {\nlabel=%s labeljust=l labelloc=t margin=12;\n", ci.name, fixedLabel(ci.w, ci.h))
		g.writeMembers(b, cl.ID)
		b.WriteString("}\n}\n")
	}
}

// inputOrder is the order in which the boxes of cluster parent are
// written for Graphviz. Graphviz keeps the input order along a rank
// unless moving a box saves crossings, and a left-to-right view draws
// that order bottom to top. Boxes inside a cluster are chained in order
// (see orderEdges); other top levels keep the view's order, which their
// arrows decide. A top level of several domain boxes (a view drawn at
// domain level) is written by groups of boxes joined by arrows or rows,
// each group where the first of its boxes no arrow leads to is in the
// model, last group first: the boxes on the left of each row, and the
// rows of boxes without arrows, then read from the top in the model's
// order (a box an arrow leads to stays beside the arrow's tail).
func (g *graph) inputOrder(parent string) []int {
	n := len(g.v.Nodes)
	out := make([]int, n)
	domains := 0
	for i, node := range g.v.Nodes {
		out[i] = i
		if parent == "" && node.Kind == "domain" && node.Parent == "" {
			domains++
		}
	}
	if domains < minDomainBoxes || g.v.Direction == view.TopToBottom {
		return out
	}
	first := g.topLevelGroups()
	sort.SliceStable(out, func(a, b int) bool { return first[out[a]] < first[out[b]] })
	slices.Reverse(out)
	return out
}

// topLevelGroups maps each box to the smallest view index among the
// boxes no arrow leads to in the group of top-level boxes it is joined to
// by arrows and row pairs.
func (g *graph) topLevelGroups() []int {
	index := map[string]int{}
	root := make([]int, len(g.v.Nodes))
	for i, n := range g.v.Nodes {
		index[g.nodeName[n.ID]], root[i] = i, i
	}
	find := func(i int) int {
		for root[i] != i {
			root[i] = root[root[i]]
			i = root[i]
		}
		return i
	}
	join := func(a, b string) {
		i, ok1 := index[a]
		j, ok2 := index[b]
		if !ok1 || !ok2 || g.v.Nodes[i].Parent != "" || g.v.Nodes[j].Parent != "" {
			return
		}
		ri, rj := find(i), find(j)
		root[max(ri, rj)] = min(ri, rj) // the root is the group's first box
	}
	headed := map[string]bool{}
	for _, e := range g.edges {
		join(e.tail, e.head)
		if e.tail != e.head {
			headed[e.head] = true
		}
	}
	for _, p := range g.pairs {
		join(p[0], p[1])
	}
	key := map[int]int{} // group root -> its first box no arrow leads to
	for i, n := range g.v.Nodes {
		r := find(i)
		if k, ok := key[r]; !headed[g.nodeName[n.ID]] && (!ok || i < k) {
			key[r] = i
		}
	}
	first := make([]int, len(root))
	for i := range root {
		first[i] = find(i)
		if k, ok := key[first[i]]; ok {
			first[i] = k
		}
	}
	return first
}

// minDomainBoxes is how many top-level domain boxes make a view one drawn
// at domain level, for inputOrder.
const minDomainBoxes = 3

// effectiveParent maps a parent id that is not a cluster of the view to
// the top level, so a stray id never hides a node.
func (g *graph) effectiveParent(id string) string {
	if id == "" || g.clusterIndex(id) < 0 {
		return ""
	}
	return id
}

// fixedLabel is an HTML-like label of exactly w x h points: Graphviz keeps
// room for it without guessing text widths from its own font tables.
func fixedLabel(w, h float64) string {
	sz := fmt.Sprintf(`WIDTH="%d" HEIGHT="%d"`, int(w), int(h))
	return `<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0" FIXEDSIZE="TRUE" ` + sz +
		`><TR><TD FIXEDSIZE="TRUE" ` + sz + `></TD></TR></TABLE>>`
}

func inches(pt float64) string { return strconv.FormatFloat(pt/72, 'f', 4, 64) }

func num(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// shapeOf keeps a view's shape or falls back to a box.
func shapeOf(s string) string {
	switch s {
	case scene.ShapeActor, scene.ShapeExternal, scene.ShapeNote, scene.ShapeDomain,
		scene.ShapeDatabase, scene.ShapeCache, scene.ShapeQueue, scene.ShapeGateway, scene.ShapeFrontend, scene.ShapeJob:
		return s
	}
	return scene.ShapeBox
}
