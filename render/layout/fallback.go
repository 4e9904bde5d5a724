package layout

import (
	"math"

	"github.com/archdoc/archdoc/render/scene"
)

// The fallback layout is used when Graphviz cannot lay a view out in its
// time budget or fails: every box still appears, containers hold their
// members in a grid, and arrows are straight. It is cheap and cannot fail.

const (
	fbGap     = 40 // between items of a grid
	fbPadding = 12 // inside a cluster, around its grid
)

// block is a node or a cluster laid out as a rectangle of its own.
type block struct {
	node     int // index into v.Nodes, or -1 for a cluster
	cluster  int // index into v.Clusters, or -1 for a node
	w, h     float64
	children []*block
	at       scene.Point // top-left, relative to the parent's content origin
}

func (g *graph) fallback() *scene.Scene {
	root := g.fbBlock("")
	s := &scene.Scene{ID: g.v.ID, Title: g.v.Title, Kind: scene.KindGraph, FontSize: g.c.fontSize,
		Width: round(root.w + 2*margin), Height: round(root.h + 2*margin)}
	nodes := make([]scene.Rect, len(g.v.Nodes))
	clusters := make([]scene.Rect, len(g.v.Clusters))
	var place func(b *block, origin scene.Point)
	place = func(b *block, origin scene.Point) {
		p := scene.Point{X: origin.X + b.at.X, Y: origin.Y + b.at.Y}
		r := scene.Rect{X: round(p.X), Y: round(p.Y), W: round(b.w), H: round(b.h)}
		if b.node >= 0 {
			nodes[b.node] = r
			return
		}
		inner := p
		if b.cluster >= 0 {
			clusters[b.cluster] = r
			inner = scene.Point{X: p.X + fbPadding, Y: p.Y + fbPadding + g.clusters[b.cluster].h}
		}
		for _, c := range b.children {
			place(c, inner)
		}
	}
	place(root, scene.Point{X: margin, Y: margin})
	for i, cl := range g.v.Clusters {
		if g.clusters[i].rep == "" {
			continue
		}
		r := clusters[i]
		s.Clusters = append(s.Clusters, scene.Cluster{ID: cl.ID, Kind: cl.Kind, Label: g.clusters[i].lines, Link: cl.Link,
			Tooltip: cl.Tooltip, Group: cl.Group, Parent: g.effectiveParent(cl.Parent), Rect: r,
			LabelPos: scene.Point{X: r.X + clusterPadX, Y: r.Y + clusterPadY}})
	}
	for i, n := range g.v.Nodes {
		s.Nodes = append(s.Nodes, scene.Node{ID: n.ID, Kind: n.Kind, Shape: shapeOf(n.Shape), Label: g.nodes[i].lines, Sub: n.Sub,
			Tooltip: n.Tooltip, Link: n.Link, Group: n.Group, Parent: g.effectiveParent(n.Parent), Rect: nodes[i], Icon: n.Icon})
	}
	for i, e := range g.v.Edges {
		info := g.edges[i]
		se := scene.Edge{ID: e.ID, Kind: e.Kind, From: e.From, To: e.To, Label: info.lines, Arrow: e.Arrow, Dashed: e.Dashed, Async: e.Async, Seq: e.Seq, Link: e.Link}
		a, b := rectOf(s, e.From), rectOf(s, e.To)
		se.Path = line(clip(a, b.Center()), clip(b, a.Center()))
		if info.w > 0 {
			mid := scene.Point{X: (se.Path[0].X + se.Path[3].X) / 2, Y: (se.Path[0].Y + se.Path[3].Y) / 2}
			se.LabelRect = scene.Rect{X: round(math.Max(0, mid.X-info.w/2)), Y: round(math.Max(0, mid.Y-info.h/2)), W: info.w, H: info.h}
		}
		s.Edges = append(s.Edges, se)
	}
	fitLabels(s)
	return s
}

// fbBlock lays out the members of cluster id ("" = the whole view).
func (g *graph) fbBlock(id string) *block {
	b := &block{node: -1, cluster: g.clusterIndex(id)}
	for i, n := range g.v.Nodes {
		if g.effectiveParent(n.Parent) == id {
			b.children = append(b.children, &block{node: i, cluster: -1, w: g.nodes[i].w, h: g.nodes[i].h})
		}
	}
	for i, cl := range g.v.Clusters {
		if g.effectiveParent(cl.Parent) == id && cl.ID != id && g.clusters[i].rep != "" {
			b.children = append(b.children, g.fbBlock(cl.ID))
		}
	}
	w, h := grid(b.children)
	if b.cluster >= 0 {
		ci := g.clusters[b.cluster]
		w = math.Max(w, ci.w) + 2*fbPadding
		h += 2*fbPadding + ci.h
	}
	b.w, b.h = w, h
	return b
}

// grid places blocks row by row in about a square, returning its size.
func grid(items []*block) (float64, float64) {
	if len(items) == 0 {
		return 0, 0
	}
	cols := int(math.Ceil(math.Sqrt(float64(len(items)))))
	colW := make([]float64, cols)
	var rowH []float64
	for i, it := range items {
		c, r := i%cols, i/cols
		colW[c] = math.Max(colW[c], it.w)
		if r == len(rowH) {
			rowH = append(rowH, 0)
		}
		rowH[r] = math.Max(rowH[r], it.h)
	}
	y := 0.0
	for r := range rowH {
		x := 0.0
		for c := 0; c < cols && r*cols+c < len(items); c++ {
			it := items[r*cols+c]
			it.at = scene.Point{X: x + (colW[c]-it.w)/2, Y: y + (rowH[r]-it.h)/2}
			x += colW[c] + fbGap
		}
		y += rowH[r] + fbGap
	}
	w := -float64(fbGap)
	for _, cw := range colW {
		w += cw + fbGap
	}
	return w, y - fbGap
}

// fitLabels grows the scene so every edge label box lies inside it.
func fitLabels(s *scene.Scene) {
	for _, e := range s.Edges {
		if e.LabelRect.W > 0 {
			s.Width = math.Max(s.Width, e.LabelRect.X+e.LabelRect.W+margin)
			s.Height = math.Max(s.Height, e.LabelRect.Y+e.LabelRect.H+margin)
		}
	}
}
