package layout

import (
	"math"
	"sort"

	"github.com/archdoc/archdoc/render/scene"
)

// maxEndShift bounds how far aimBetweenBoxes moves an arrow's head, in
// points: further, the curve would bend away from its label.
const maxEndShift = 60

// aimBetweenBoxes moves the head of an arrow that ends on the left or
// right border of a domain level with one of the domain's boxes into the
// nearest gap between its boxes. Graphviz clips a flow into a domain at
// the border but level with the box it routed to: 前台 → 数据模块 and
// 后台 → 数据模块 both pointed at 卡券模块 and read as "everyone talks to
// 卡券". Arrows sharing a gap are spread over it.
func aimBetweenBoxes(s *scene.Scene) {
	type move struct {
		edge int
		gap  [2]float64 // top and bottom of the gap
	}
	byGap := map[[3]float64][]move{} // cluster side and gap -> arrows
	for i, e := range s.Edges {
		c := clusterByID(s, e.To)
		if c == nil || !e.Arrow || len(e.Path) < 4 {
			continue
		}
		end := e.Path[len(e.Path)-1]
		left, right := math.Abs(end.X-c.Rect.X) < 2, math.Abs(end.X-c.Rect.X-c.Rect.W) < 2
		if !left && !right {
			continue
		}
		boxes := boxesBeside(s, c, end.Y)
		if len(boxes) == 0 {
			continue
		}
		gap, ok := nearestGap(boxes, end.Y, c.Rect)
		if !ok {
			continue
		}
		side := c.Rect.X
		if right {
			side += c.Rect.W
		}
		k := [3]float64{side, gap[0], gap[1]}
		byGap[k] = append(byGap[k], move{i, gap})
	}
	for _, moves := range byGap {
		sort.Slice(moves, func(a, b int) bool {
			return s.Edges[moves[a].edge].Path[len(s.Edges[moves[a].edge].Path)-1].Y <
				s.Edges[moves[b].edge].Path[len(s.Edges[moves[b].edge].Path)-1].Y
		})
		for j, m := range moves {
			top, bottom := m.gap[0], m.gap[1]
			y := top + (bottom-top)*float64(j+1)/float64(len(moves)+1)
			p := s.Edges[m.edge].Path
			dy := y - p[len(p)-1].Y
			if math.Abs(dy) > maxEndShift {
				continue
			}
			bend(p, dy)
		}
	}
}

// rampLength is how far before its head an arrow starts to bend towards
// its new end, in points: a shorter ramp kinks the line.
const rampLength = 90

// bend moves the end of path p by dy, and the points before it less the
// further back they are, so that the arrow still arrives level.
func bend(p []scene.Point, dy float64) {
	end := p[len(p)-1]
	for i := range p {
		w := 1 - math.Abs(end.X-p[i].X)/rampLength
		if w > 0 {
			p[i].Y += dy * w * w * (3 - 2*w) // smoothstep: no corner where the ramp begins
		}
	}
}

// boxesBeside returns the rectangles of c's own boxes, top to bottom,
// when y is level with one of them (nil otherwise).
func boxesBeside(s *scene.Scene, c *scene.Cluster, y float64) []scene.Rect {
	var out []scene.Rect
	level := false
	for _, n := range s.Nodes {
		if n.Parent != c.ID {
			continue
		}
		out = append(out, n.Rect)
		if y >= n.Rect.Y-4 && y <= n.Rect.Y+n.Rect.H+4 {
			level = true
		}
	}
	if !level {
		return nil
	}
	sort.Slice(out, func(a, b int) bool { return out[a].Y < out[b].Y })
	return out
}

// nearestGap is the open stretch of c's border between two of its boxes
// (rows of boxes, any column) closest to y, keeping 6 points clear of each.
func nearestGap(boxes []scene.Rect, y float64, c scene.Rect) ([2]float64, bool) {
	var best [2]float64
	bestDist, found := math.Inf(1), false
	bottom := boxes[0].Y + boxes[0].H
	for _, b := range boxes[1:] {
		if b.Y > bottom+12 {
			mid := (bottom + b.Y) / 2
			if d := math.Abs(mid - y); d < bestDist {
				best, bestDist, found = [2]float64{bottom + 6, b.Y - 6}, d, true
			}
		}
		bottom = max(bottom, b.Y+b.H)
	}
	return best, found && best[0] > c.Y && best[1] < c.Y+c.H
}

func clusterByID(s *scene.Scene, id string) *scene.Cluster {
	for i := range s.Clusters {
		if s.Clusters[i].ID == id {
			return &s.Clusters[i]
		}
	}
	return nil
}
