package layout

import (
	"math"

	"github.com/archdoc/archdoc/render/scene"
	"github.com/archdoc/archdoc/render/view"
)

// The layer cake (view.LayoutLayers) is laid out here, without Graphviz:
// main layers are full-width bands in model order, first on top, each
// with its title on the left and its technologies as tiles in rows;
// side layers share a column to the right of the bands, stacked, as tall
// as the cake, their tiles one under another. Every gap is at least clusterGap.

const (
	cakeGap      = 20  // between bands, tiles and columns
	cakePad      = 14  // inside a band, around its tiles
	cakeTitleW   = 200 // widest a band title is before it wraps
	cakeMaxWidth = 760 // widest row of tiles before it wraps
	cakeMinTileW = 128 // tiles share one width (at least this) so the rows line up
)

type cakeLayer struct {
	cluster int   // index in v.Clusters
	tiles   []int // indexes in v.Nodes, in view order
	lines   []string
	titleW  float64
	titleH  float64
}

func layoutLayers(v *view.View, c config) *scene.Scene {
	sizes := make([]sized, len(v.Nodes))
	tileW := float64(cakeMinTileW)
	for i, n := range v.Nodes {
		sizes[i] = c.sizeNode(n)
		tileW = math.Max(tileW, sizes[i].w)
	}
	tileH := 0.0
	for _, sz := range sizes {
		tileH = math.Max(tileH, sz.h)
	}
	var main, side []*cakeLayer
	var loose []int
	index := map[string]*cakeLayer{}
	for i, cl := range v.Clusters {
		lines, w := wrapLines(cl.Label, cakeTitleW, c.fontSize)
		l := &cakeLayer{cluster: i, lines: lines, titleW: math.Ceil(w), titleH: ceil(float64(len(lines)) * c.fontSize * 1.3)}
		index[cl.ID] = l
		if cl.Side {
			side = append(side, l)
		} else {
			main = append(main, l)
		}
	}
	for i, n := range v.Nodes {
		if l, ok := index[n.Parent]; ok {
			l.tiles = append(l.tiles, i)
		} else {
			loose = append(loose, i)
		}
	}
	s := &scene.Scene{ID: v.ID, Title: v.Title, Kind: scene.KindGraph, FontSize: c.fontSize}
	rects := make([]scene.Rect, len(v.Nodes))
	clusterRects := make([]scene.Rect, len(v.Clusters))
	labelAt := make([]scene.Point, len(v.Clusters))

	titleCol := 0.0
	for _, l := range main {
		titleCol = math.Max(titleCol, l.titleW)
	}
	perRow := 1
	for _, l := range main {
		perRow = max(perRow, len(l.tiles))
	}
	perRow = max(1, min(perRow, int((cakeMaxWidth+cakeGap)/(tileW+cakeGap))))
	tilesX := margin + cakePad + titleCol + cakeGap
	bandW := tilesX - margin + float64(perRow)*(tileW+cakeGap) - cakeGap + cakePad
	y := float64(margin)
	for _, l := range main {
		rows := max(1, (len(l.tiles)+perRow-1)/perRow)
		h := math.Max(float64(rows)*(tileH+cakeGap)-cakeGap, l.titleH) + 2*cakePad
		clusterRects[l.cluster] = scene.Rect{X: margin, Y: y, W: bandW, H: h}
		labelAt[l.cluster] = scene.Point{X: margin + cakePad, Y: y + (h-l.titleH)/2}
		top := y + (h-(float64(rows)*(tileH+cakeGap)-cakeGap))/2
		for k, i := range l.tiles {
			r, col := k/perRow, k%perRow
			rects[i] = scene.Rect{X: tilesX + float64(col)*(tileW+cakeGap), Y: top + float64(r)*(tileH+cakeGap), W: tileW, H: tileH}
		}
		y += h + cakeGap
	}
	// Technologies outside any layer (a hand-made view) form a last row.
	for k, i := range loose {
		rects[i] = scene.Rect{X: margin + float64(k%perRow)*(tileW+cakeGap), Y: y + float64(k/perRow)*(tileH+cakeGap), W: tileW, H: tileH}
	}
	if len(loose) > 0 {
		y += float64((len(loose)+perRow-1)/perRow) * (tileH + cakeGap)
	}
	cakeH := y - cakeGap - margin
	x := margin + bandW + cakeGap
	if len(main) == 0 && len(loose) == 0 {
		x, cakeH = margin, 0
	}
	// The side layers share one column, stacked in model order; the last
	// one stretches so the column is as tall as the cake.
	colW := 0.0
	for _, l := range side {
		colW = math.Max(colW, math.Max(tileW, l.titleW)+2*cakePad)
	}
	top := float64(margin)
	for k, l := range side {
		tilesH := float64(len(l.tiles))*(tileH+cakeGap) - cakeGap
		h := l.titleH + cakeGap/2 + tilesH + 2*cakePad
		if k == len(side)-1 {
			h = math.Max(h, margin+cakeH-top)
		}
		clusterRects[l.cluster] = scene.Rect{X: x, Y: top, W: colW, H: h}
		labelAt[l.cluster] = scene.Point{X: x + cakePad, Y: top + cakePad}
		tileTop := top + cakePad + l.titleH + cakeGap/2
		for j, i := range l.tiles {
			rects[i] = scene.Rect{X: x + (colW-tileW)/2, Y: tileTop + float64(j)*(tileH+cakeGap), W: tileW, H: tileH}
		}
		top += h + cakeGap
	}
	if len(side) > 0 {
		x += colW + cakeGap
		cakeH = math.Max(cakeH, top-cakeGap-margin)
	}
	for i, cl := range v.Clusters {
		r := clusterRects[i]
		s.Clusters = append(s.Clusters, scene.Cluster{ID: cl.ID, Kind: cl.Kind, Label: wrapOnly(cl.Label, c), Link: cl.Link,
			Tooltip: cl.Tooltip, Group: cl.Group, Rect: roundRect(r), LabelPos: scene.Point{X: round(labelAt[i].X), Y: round(labelAt[i].Y)}})
	}
	for i, n := range v.Nodes {
		s.Nodes = append(s.Nodes, scene.Node{ID: n.ID, Kind: n.Kind, Shape: shapeOf(n.Shape), Label: sizes[i].lines, NameLines: sizes[i].name,
			Sub: n.Sub, Tooltip: n.Tooltip, Link: n.Link, Group: n.Group, Parent: parentIn(n.Parent, index), Rect: roundRect(rects[i]), Icon: n.Icon})
	}
	s.Width = round(math.Max(x-cakeGap, margin+bandW) + margin)
	s.Height = round(margin + cakeH + margin)
	return s
}

func wrapOnly(label string, c config) []string {
	lines, _ := wrapLines(label, cakeTitleW, c.fontSize)
	return lines
}

func parentIn(id string, layers map[string]*cakeLayer) string {
	if _, ok := layers[id]; ok {
		return id
	}
	return ""
}

func roundRect(r scene.Rect) scene.Rect {
	return scene.Rect{X: round(r.X), Y: round(r.Y), W: round(r.W), H: round(r.H)}
}
