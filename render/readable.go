package render

import (
	"fmt"

	"github.com/archdoc/archdoc/render/scene"
)

// PageWidth is the width, in CSS px, a site page gives a diagram: main is
// at most 72rem (1152 px) with 1rem padding on each side, and the diagram's
// figure has .6rem padding and a 1 px border (templates/assets/site.css;
// site's TestPageWidthMatchesCSS keeps the two in step). A wider diagram
// is shrunk to it.
const PageWidth = 1152 - 2*16 - 2*9.6 - 2

// MinPagePx is the smallest text a page's overview may show at PageWidth:
// 11 px is the smallest text most style guides allow on a screen.
const MinPagePx = 11.0

// maxThroughShare is the share of arrows (1 in n) that may pass through
// a domain that is neither end's before an overview counts as unreadable:
// such an arrow reads as a flow into the domain it crosses.
const (
	maxThroughShare = 10
	minThrough      = 5 // fewer than this many are fine in any drawing
)

// unreadableOnPage says why an overview that Graphviz drew well still does
// not read on its page, and the reason for the page, or "": its smallest
// text is below MinPagePx when shrunk to PageWidth, or too many of its
// arrows pass through other domains.
func unreadableOnPage(s *scene.Scene) (string, *scene.Reason) {
	if px := s.TextAtWidth(PageWidth); px < MinPagePx {
		return fmt.Sprintf("is %.0f points wide: shrunk to the page's %.0f px its smallest text is %.1f px, less than %.0f",
				s.Width, PageWidth, px, MinPagePx),
			&scene.Reason{Why: scene.WhySmallText, Value: px, Limit: MinPagePx}
	}
	if n := throughDomains(s); n >= minThrough && n*maxThroughShare > len(s.Edges) {
		return fmt.Sprintf("has %d of its %d arrows passing through domains they do not start or end in", n, len(s.Edges)),
			&scene.Reason{Why: scene.WhyThroughDomains, Value: float64(n), Limit: float64(len(s.Edges))}
	}
	return "", nil
}

// throughDomains counts the arrows that pass through a cluster holding
// neither of their ends.
func throughDomains(s *scene.Scene) int {
	parent := map[string]string{}
	for _, c := range s.Clusters {
		parent[c.ID] = c.Parent
	}
	for _, n := range s.Nodes {
		parent[n.ID] = n.Parent
	}
	within := func(id, cluster string) bool {
		for seen := 0; id != "" && seen < 64; seen++ { // parents form a tree; 64 guards a broken scene
			if id == cluster {
				return true
			}
			id = parent[id]
		}
		return false
	}
	count := 0
	for _, e := range s.Edges {
		pts := scene.Sample(e.Path, 8)
		for _, c := range s.Clusters {
			if within(e.From, c.ID) || within(e.To, c.ID) {
				continue
			}
			if passes(pts, c.Rect) {
				count++
				break
			}
		}
	}
	return count
}

// inset keeps an arrow that only grazes a cluster's border from counting.
const inset = 4

func passes(pts []scene.Point, r scene.Rect) bool {
	for _, p := range pts {
		if p.X > r.X+inset && p.X < r.X+r.W-inset && p.Y > r.Y+inset && p.Y < r.Y+r.H-inset {
			return true
		}
	}
	return false
}
