package layout

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/archdoc/archdoc/render/scene"
	"github.com/archdoc/archdoc/render/view"
)

// gvOutput is the part of Graphviz's -Tjson0 output we read.
type gvOutput struct {
	BB      string     `json:"bb"`
	Splines string     `json:"splines"` // "line" when secondTry was needed
	Objects []gvObject `json:"objects"`
	Edges   []gvEdge   `json:"edges"`
}

type gvObject struct {
	Name string `json:"name"`
	BB   string `json:"bb"`  // clusters
	LP   string `json:"lp"`  // cluster label centre
	Pos  string `json:"pos"` // node centre
}

type gvEdge struct {
	ID  string `json:"id"`
	Pos string `json:"pos"`
	LP  string `json:"lp"`
}

// flip converts Graphviz points (origin bottom-left, y up) to scene
// points (origin top-left, y down) with a margin around the drawing.
type flip struct{ llx, ury float64 }

func (f flip) pt(x, y float64) scene.Point {
	return scene.Point{X: round(x - f.llx + margin), Y: round(f.ury - y + margin)}
}

// scene builds the positioned scene from Graphviz's JSON output.
func (g *graph) scene(out []byte) (*scene.Scene, error) {
	var gv gvOutput
	if err := json.Unmarshal(out, &gv); err != nil {
		return nil, fmt.Errorf("layout %s: reading graphviz output: %w", g.v.ID, err)
	}
	bb, ok := parseFloats(gv.BB, 4)
	if !ok {
		return nil, fmt.Errorf("layout %s: graphviz gave no bounding box", g.v.ID)
	}
	f := flip{llx: bb[0], ury: bb[3]}
	s := &scene.Scene{
		ID: g.v.ID, Title: g.v.Title, Kind: scene.KindGraph, FontSize: g.c.fontSize,
		Width: round(bb[2] - bb[0] + 2*margin), Height: round(bb[3] - bb[1] + 2*margin),
	}
	objects := map[string]gvObject{}
	for _, o := range gv.Objects {
		objects[o.Name] = o
	}
	g.readClusters(s, objects, f)
	g.readNodes(s, objects, f)
	edges := map[string]gvEdge{}
	for _, e := range gv.Edges {
		edges[e.ID] = e
	}
	g.readEdges(s, edges, f)
	if g.v.Direction != view.TopToBottom {
		aimBetweenBoxes(s)
	}
	clearLabels(s)
	if gv.Splines == "line" {
		s.Fallbacks.StraightEdges = len(s.Edges) // counted in build summaries like unrouted ones
		g.warnings = append(g.warnings, "Graphviz could not route the arrows in time; they are drawn as straight lines")
	}
	s.Warnings = append(s.Warnings, g.warnings...)
	return s, nil
}

func (g *graph) readClusters(s *scene.Scene, objects map[string]gvObject, f flip) {
	for i, cl := range g.v.Clusters {
		ci := g.clusters[i]
		o, ok := objects[ci.name]
		b, okBB := parseFloats(o.BB, 4)
		if !ok || !okBB {
			if ci.rep != "" {
				g.warnings = append(g.warnings, fmt.Sprintf("cluster %q was not placed by Graphviz", cl.ID))
			}
			continue
		}
		tl, br := f.pt(b[0], b[3]), f.pt(b[2], b[1])
		sc := scene.Cluster{
			ID: cl.ID, Kind: cl.Kind, Label: ci.lines, Link: cl.Link, Tooltip: cl.Tooltip, Group: cl.Group,
			Parent: g.effectiveParent(cl.Parent), Rect: scene.Rect{X: tl.X, Y: tl.Y, W: br.X - tl.X, H: br.Y - tl.Y},
		}
		sc.LabelPos = scene.Point{X: sc.Rect.X + clusterPadX, Y: sc.Rect.Y + clusterPadY}
		if lp, ok := parseFloats(o.LP, 2); ok {
			c := f.pt(lp[0], lp[1])
			sc.LabelPos.Y = round(c.Y - ci.h/2 + clusterPadY/2)
		}
		s.Clusters = append(s.Clusters, sc)
	}
}

func (g *graph) readNodes(s *scene.Scene, objects map[string]gvObject, f flip) {
	for i, n := range g.v.Nodes {
		sz := g.nodes[i]
		sn := scene.Node{
			ID: n.ID, Kind: n.Kind, Shape: shapeOf(n.Shape), Label: sz.lines, NameLines: sz.name, Sub: n.Sub, Tooltip: n.Tooltip,
			Link: n.Link, Group: n.Group, Parent: g.effectiveParent(n.Parent), Icon: n.Icon,
		}
		p, ok := parseFloats(objects[g.nodeName[n.ID]].Pos, 2)
		if !ok {
			// Never seen in practice; keep the node visible rather than lose it.
			g.warnings = append(g.warnings, fmt.Sprintf("node %q was not placed by Graphviz; drawn at the top left", n.ID))
			p = []float64{sz.w / 2, 0}
		}
		c := f.pt(p[0], p[1])
		sn.Rect = scene.Rect{X: round(c.X - sz.w/2), Y: round(c.Y - sz.h/2), W: sz.w, H: sz.h}
		s.Nodes = append(s.Nodes, sn)
	}
}

func (g *graph) readEdges(s *scene.Scene, edges map[string]gvEdge, f flip) {
	var straight []string
	for i, e := range g.v.Edges {
		info := g.edges[i]
		se := scene.Edge{ID: e.ID, Kind: e.Kind, From: e.From, To: e.To, Label: info.lines, Arrow: e.Arrow, Dashed: e.Dashed, Async: e.Async, Seq: e.Seq, Link: e.Link}
		ge, ok := edges["e"+strconv.Itoa(i)]
		path, okPath := parsePath(ge.Pos, f)
		if ok && okPath {
			if info.reversed {
				reverse(path)
			}
			se.Path = path
		} else {
			se.Path = g.straight(s, e, ge.LP, f)
			straight = append(straight, fmt.Sprintf("%s -> %s", e.From, e.To))
		}
		if info.w > 0 {
			se.LabelRect = g.labelRect(ge.LP, se.Path, info, f)
		}
		s.Edges = append(s.Edges, se)
	}
	if len(straight) > 0 {
		s.Fallbacks.StraightEdges = len(straight)
		g.warnings = append(g.warnings, straightWarning(straight))
	}
}

// straightWarning is one line for all the arrows of a view Graphviz did
// not route: a long list per arrow would bury every other message.
func straightWarning(arrows []string) string {
	const shown = 3
	list := strings.Join(arrows[:min(shown, len(arrows))], ", ")
	if len(arrows) > shown {
		list += fmt.Sprintf(" and %d more", len(arrows)-shown)
	}
	if len(arrows) == 1 {
		return fmt.Sprintf("1 arrow was not routed by Graphviz and is drawn straight: %s", list)
	}
	return fmt.Sprintf("%d arrows were not routed by Graphviz and are drawn straight: %s", len(arrows), list)
}

// labelRect centres the measured label box on Graphviz's label position,
// or on the middle of the path when Graphviz gave none.
func (g *graph) labelRect(lp string, path []scene.Point, info edgeInfo, f flip) scene.Rect {
	var c scene.Point
	if p, ok := parseFloats(lp, 2); ok {
		c = f.pt(p[0], p[1])
	} else if len(path) > 0 {
		c = path[len(path)/2]
	}
	return scene.Rect{X: round(c.X - info.w/2), Y: round(c.Y - info.h/2), W: info.w, H: info.h}
}

// straight is a fallback route: a line between the two ends' borders,
// bent through the label's place when Graphviz placed the label (it
// reserved room for it between the ranks, so the line stays clear of
// other boxes there).
func (g *graph) straight(s *scene.Scene, e view.Edge, lp string, f flip) []scene.Point {
	a, b := rectOf(s, e.From), rectOf(s, e.To)
	if p, ok := parseFloats(lp, 2); ok {
		mid := f.pt(p[0], p[1])
		return append(line(clip(a, mid), mid), line(mid, clip(b, mid))[1:]...)
	}
	return line(clip(a, b.Center()), clip(b, a.Center()))
}

func rectOf(s *scene.Scene, id string) scene.Rect {
	for _, n := range s.Nodes {
		if n.ID == id {
			return n.Rect
		}
	}
	for _, c := range s.Clusters {
		if c.ID == id {
			return c.Rect
		}
	}
	return scene.Rect{}
}

// clip returns where the segment from r's centre towards p leaves r.
func clip(r scene.Rect, p scene.Point) scene.Point {
	c := r.Center()
	dx, dy := p.X-c.X, p.Y-c.Y
	if dx == 0 && dy == 0 || r.W == 0 || r.H == 0 {
		return c
	}
	t := math.Inf(1)
	if dx != 0 {
		t = math.Min(t, math.Abs(r.W/2/dx))
	}
	if dy != 0 {
		t = math.Min(t, math.Abs(r.H/2/dy))
	}
	t = math.Min(t, 1)
	return scene.Point{X: round(c.X + dx*t), Y: round(c.Y + dy*t)}
}

// line is a straight segment as one cubic Bézier.
func line(a, b scene.Point) []scene.Point {
	return []scene.Point{a,
		{X: round(a.X + (b.X-a.X)/3), Y: round(a.Y + (b.Y-a.Y)/3)},
		{X: round(a.X + 2*(b.X-a.X)/3), Y: round(a.Y + 2*(b.Y-a.Y)/3)},
		b}
}

// parsePath reads a Graphviz spline "e,x,y s,x,y x,y x,y ...". The arrow
// head Graphviz leaves between the spline's end and "e" becomes a last
// straight piece, so the path ends at the arrow's tip.
func parsePath(pos string, f flip) ([]scene.Point, bool) {
	if pos == "" {
		return nil, false
	}
	if i := strings.Index(pos, ";"); i >= 0 {
		pos = pos[:i] // several splines (concentrate): keep the first
	}
	var pts []scene.Point
	var end, start *scene.Point
	for _, tok := range strings.Fields(pos) {
		switch {
		case strings.HasPrefix(tok, "e,"):
			if p, ok := parseFloats(tok[2:], 2); ok {
				q := f.pt(p[0], p[1])
				end = &q
			}
		case strings.HasPrefix(tok, "s,"):
			if p, ok := parseFloats(tok[2:], 2); ok {
				q := f.pt(p[0], p[1])
				start = &q
			}
		default:
			p, ok := parseFloats(tok, 2)
			if !ok {
				return nil, false
			}
			pts = append(pts, f.pt(p[0], p[1]))
		}
	}
	if len(pts) < 4 || (len(pts)-1)%3 != 0 {
		return nil, false
	}
	if start != nil {
		pts = append(line(*start, pts[0])[:3], pts...)
	}
	if end != nil {
		pts = append(pts, line(pts[len(pts)-1], *end)[1:]...)
	}
	return pts, true
}

func reverse(p []scene.Point) {
	for i, j := 0, len(p)-1; i < j; i, j = i+1, j-1 {
		p[i], p[j] = p[j], p[i]
	}
}

// parseFloats reads n comma-separated numbers.
func parseFloats(s string, n int) ([]float64, bool) {
	parts := strings.Split(s, ",")
	if len(parts) != n {
		return nil, false
	}
	out := make([]float64, n)
	for i, p := range parts {
		v, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
		if err != nil {
			return nil, false
		}
		out[i] = v
	}
	return out, true
}

// round keeps two decimals: enough for drawing, stable in golden files.
func round(v float64) float64 { return math.Round(v*100) / 100 }
