package layout

import (
	"math"

	"github.com/archdoc/archdoc/render/measure"
	"github.com/archdoc/archdoc/render/scene"
	"github.com/archdoc/archdoc/render/view"
)

// Sequence geometry, in points.
const (
	seqGap      = 40 // between neighbouring participant boxes
	seqTop      = 28 // participant boxes to the first message
	seqRowGap   = 14 // between a message's arrow and the next label
	seqSelfW    = 36 // width of a message a participant sends itself
	seqSelfH    = 18 // height of that loop
	seqNoteGap  = 24 // last lifeline to the note column
	seqTailRoom = 20 // lifelines run on below the last message
)

// layoutSequence places participants in a row, draws their lifelines and
// stacks the messages top-down in step order. Notes on steps go in a
// column right of the participants, level with their message.
func layoutSequence(v *view.View, c config) *scene.Scene {
	s := &scene.Scene{ID: v.ID, Title: v.Title, Kind: scene.KindSequence, FontSize: c.fontSize}
	c.edgeWidth = c.noteWidth // messages have a whole row to themselves
	col := map[string]int{}
	var boxes []sized
	for i, n := range v.Nodes {
		col[n.ID] = i
		boxes = append(boxes, c.sizeNode(n))
	}
	centers := seqColumns(v, c, col, boxes)
	boxH := 0.0
	for _, b := range boxes {
		boxH = math.Max(boxH, b.h)
	}
	for i, n := range v.Nodes {
		b := boxes[i]
		s.Nodes = append(s.Nodes, scene.Node{
			ID: n.ID, Kind: n.Kind, Shape: shapeOf(n.Shape), Label: b.lines, NameLines: b.name, Sub: n.Sub, Tooltip: n.Tooltip,
			Link: n.Link, Group: n.Group,
			Rect: scene.Rect{X: round(centers[i] - b.w/2), Y: round(margin + boxH - b.h), W: b.w, H: b.h},
		})
	}
	right := float64(margin)
	if len(v.Nodes) > 0 {
		last := len(v.Nodes) - 1
		right = centers[last] + boxes[last].w/2
	}
	for _, e := range v.Edges {
		if e.From == e.To {
			_, lw, _ := c.sizeEdgeLabel(e.Label)
			right = math.Max(right, centers[col[e.From]]+seqSelfW+lw+8)
		}
	}
	noteX := right + seqNoteGap
	y := margin + boxH + seqTop
	width := right
	for _, e := range v.Edges {
		lines, lw, lh := c.sizeEdgeLabel(e.Label)
		from, to := centers[col[e.From]], centers[col[e.To]]
		y += lh
		se := scene.Edge{ID: e.ID, Kind: e.Kind, From: e.From, To: e.To, Label: lines, Arrow: e.Arrow, Dashed: e.Dashed, Async: e.Async, Seq: e.Seq}
		rowH := 0.0
		if e.From == e.To {
			se.Path = selfLoop(from, y)
			if lw > 0 {
				se.LabelRect = scene.Rect{X: round(from + seqSelfW + 4), Y: round(y - lh/2), W: lw, H: lh}
			}
			rowH = seqSelfH
		} else {
			se.Path = line(scene.Point{X: from, Y: y}, scene.Point{X: to, Y: y})
			if lw > 0 {
				se.LabelRect = scene.Rect{X: round((from+to)/2 - lw/2), Y: round(y - lh - 1), W: lw, H: lh}
			}
		}
		s.Edges = append(s.Edges, se)
		if e.Note != "" {
			note := c.sizeNode(view.Node{Shape: scene.ShapeNote, Label: e.Note})
			s.Nodes = append(s.Nodes, scene.Node{
				ID: e.ID + "-note", Kind: "note", Shape: scene.ShapeNote, Label: note.lines,
				Rect: scene.Rect{X: round(noteX), Y: round(y - lh), W: note.w, H: note.h},
			})
			width = math.Max(width, noteX+note.w)
			rowH = math.Max(rowH, note.h-lh)
		}
		y += rowH + seqRowGap
	}
	for i, n := range v.Nodes {
		s.Lifelines = append(s.Lifelines, scene.Lifeline{Node: n.ID, X: round(centers[i]), Y1: round(margin + boxH), Y2: round(y + seqTailRoom)})
	}
	s.Width = round(width + margin)
	s.Height = round(y + seqTailRoom + margin)
	return s
}

// seqColumns returns the x of each participant's lifeline: boxes side by
// side, then pushed apart until every message label fits between the two
// lifelines it joins.
func seqColumns(v *view.View, c config, col map[string]int, boxes []sized) []float64 {
	n := len(boxes)
	centers := make([]float64, n)
	x := float64(margin)
	for i, b := range boxes {
		centers[i] = x + b.w/2
		x += b.w + seqGap
	}
	for _, e := range v.Edges {
		a, b := col[e.From], col[e.To]
		if a > b {
			a, b = b, a
		}
		if a == b {
			continue
		}
		_, lw, _ := c.sizeEdgeLabel(e.Label)
		need := lw + 2*measure.Width("0", c.fontSize) // badge room
		if short := need - (centers[b] - centers[a]); short > 0 {
			// Spread the extra room over the gaps the message spans.
			per := short / float64(b-a)
			for k := a + 1; k < n; k++ {
				steps := math.Min(float64(k-a), float64(b-a))
				centers[k] += per * steps
			}
		}
	}
	for i := range centers {
		centers[i] = math.Ceil(centers[i])
	}
	return centers
}

// selfLoop is a message a participant sends itself: out, down, back.
func selfLoop(x, y float64) []scene.Point {
	p := []scene.Point{{X: x, Y: y}}
	p = append(p, line(scene.Point{X: x, Y: y}, scene.Point{X: x + seqSelfW, Y: y})[1:]...)
	p = append(p, line(scene.Point{X: x + seqSelfW, Y: y}, scene.Point{X: x + seqSelfW, Y: y + seqSelfH})[1:]...)
	p = append(p, line(scene.Point{X: x + seqSelfW, Y: y + seqSelfH}, scene.Point{X: x, Y: y + seqSelfH})[1:]...)
	return p
}
