package layout

import (
	"fmt"

	"github.com/archdoc/archdoc/render/measure"
	"github.com/archdoc/archdoc/render/scene"
	"github.com/archdoc/archdoc/render/view"
)

// Pair lays out a view of two boxes side by side and the arrows between
// them, without Graphviz, so that a page of each of thousands of flows
// costs nothing: the boxes are as wide as their labels, the gap as wide
// as the widest arrow label, and the labels sit above the arrows.
func Pair(v *view.View, opts ...Option) (*scene.Scene, error) {
	if len(v.Nodes) != 2 || len(v.Clusters) > 0 {
		return nil, fmt.Errorf("layout: Pair lays out two boxes, not %d boxes in %d containers", len(v.Nodes), len(v.Clusters))
	}
	c := newConfig(opts)
	fs := c.fontSize
	a, b := c.sizeNode(v.Nodes[0]), c.sizeNode(v.Nodes[1])
	gap, labelsH := 4*fs, 0.0
	type label struct {
		lines []string
		w, h  float64
	}
	labels := make([]label, len(v.Edges))
	for i, e := range v.Edges {
		lines, w := wrapLines(e.Label, c.edgeWidth, fs)
		if e.Label == "" {
			lines, w = nil, 0
		}
		labels[i] = label{lines, w, measure.Height(len(lines), fs)}
		gap = max(gap, w+3*fs)
		labelsH += labels[i].h
	}
	rowH := max(a.h, b.h)
	top := margin + labelsH
	ra := scene.Rect{X: margin, Y: round(top + (rowH-a.h)/2), W: a.w, H: a.h}
	rb := scene.Rect{X: round(margin + a.w + gap), Y: round(top + (rowH-b.h)/2), W: b.w, H: b.h}
	s := &scene.Scene{ID: v.ID, Title: v.Title, Kind: scene.KindGraph, FontSize: fs,
		Width: round(rb.X + rb.W + margin), Height: round(top + rowH + margin)}
	for i, n := range v.Nodes {
		sz, r := a, ra
		if i == 1 {
			sz, r = b, rb
		}
		s.Nodes = append(s.Nodes, scene.Node{ID: n.ID, Kind: n.Kind, Shape: shapeOf(n.Shape), Label: sz.lines, Sub: n.Sub,
			Tooltip: n.Tooltip, Link: n.Link, Group: n.Group, Rect: r, Icon: n.Icon})
	}
	y := top + rowH/2
	labelY := float64(margin)
	for i, e := range v.Edges {
		from, to := scene.Point{X: ra.X + ra.W, Y: y}, scene.Point{X: rb.X, Y: y}
		if e.From == v.Nodes[1].ID {
			from, to = to, from
		}
		se := scene.Edge{ID: e.ID, Kind: e.Kind, From: e.From, To: e.To, Label: labels[i].lines, Arrow: e.Arrow, Dashed: e.Dashed, Async: e.Async,
			Seq: e.Seq, Link: e.Link, Path: line(from, to)}
		if labels[i].w > 0 {
			se.LabelRect = scene.Rect{X: round(ra.X + ra.W + (gap-labels[i].w)/2), Y: round(labelY), W: labels[i].w, H: labels[i].h}
			labelY += labels[i].h
		}
		s.Edges = append(s.Edges, se)
	}
	return s, nil
}
