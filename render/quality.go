package render

import (
	"context"
	"fmt"
	"strings"

	"github.com/archdoc/archdoc/model"
	"github.com/archdoc/archdoc/render/layout"
	"github.com/archdoc/archdoc/render/scene"
	"github.com/archdoc/archdoc/render/view"
)

// laidOut lays out one view. A view over MaxDetail, or an overview whose
// Graphviz layout came out unreadable (see unreadable), is drawn at
// domain level instead, and says why. A domain's view with many
// neighbouring domains shows them one box each (see neighboursCollapsed).
func laidOut(ctx context.Context, v *view.View, m *model.Model, opts []layout.Option) (*scene.Scene, error) {
	return laidOutFor(ctx, v, m, opts, onPage)
}

// Where a scene is shown, for the check of what its reader gets: a page
// (the business view judged at PageWidth, see unreadableOnPage) or a
// slide, whose deck has a rule of its own (slides.MinTextPx).
const (
	onPage  = true
	onSlide = false
)

func laidOutFor(ctx context.Context, v *view.View, m *model.Model, opts []layout.Option, page bool) (*scene.Scene, error) {
	small, ok := neighboursCollapsed(v, m)
	if !ok {
		return laidOutDetail(ctx, v, m, opts, page)
	}
	s, err := laidOutDetail(ctx, small, m, opts, page)
	if s != nil {
		for _, n := range small.Nodes {
			if n.Kind == "domain" {
				s.Fallbacks.CollapsedNeighbours++
			}
		}
	}
	return s, err
}

func laidOutDetail(ctx context.Context, v *view.View, m *model.Model, opts []layout.Option, page bool) (*scene.Scene, error) {
	switch v.Level {
	case view.LevelDomain:
		if s, ok, err := atDomainLevel(ctx, v, m, opts, "", nil, page); ok || err != nil {
			return s, err
		}
		return layout.Layout(ctx, v, opts...) // no domains to collapse
	case view.LevelModule: // box by box, whatever it looks like
		if detail(v) > MaxDetail {
			return layout.Layout(ctx, v, append(opts[:len(opts):len(opts)], layout.WithGridLayout())...)
		}
		return layout.Layout(ctx, v, opts...)
	}
	if detail(v) > MaxDetail {
		why := fmt.Sprintf("has %d boxes and arrows (more than %d)", detail(v), MaxDetail)
		reason := &scene.Reason{Why: scene.WhyTooLarge, Value: float64(detail(v)), Limit: MaxDetail}
		if !strings.HasPrefix(v.ID, "domain/") { // a domain's own view keeps its modules
			if s, ok, err := atDomainLevel(ctx, v, m, opts, why, reason, page); ok || err != nil {
				return s, err
			}
		}
		// Nothing to collapse: beyond what Graphviz lays out in its budget.
		return layout.Layout(ctx, v, append(opts[:len(opts):len(opts)], layout.WithGridLayout())...)
	}
	if why := doomed(v); why != "" {
		across, _ := arrowsAcross(v)
		reason := &scene.Reason{Why: scene.WhyArrowsAcross, Value: float64(across), Limit: maxArrowsAcross}
		if s, ok, err := atDomainLevel(ctx, v, m, opts, why, reason, page); ok || err != nil {
			return s, err
		}
	}
	s, err := layout.Layout(ctx, v, opts...)
	if err != nil {
		return nil, err
	}
	why, reason := unreadable(s), layoutReason(s)
	if why == "" && page && pageChecked(v) {
		why, reason = unreadableOnPage(s)
	}
	if why != "" && overview(v) {
		if small, ok, err := atDomainLevel(ctx, v, m, opts, why, reason, page); ok || err != nil {
			return small, err
		}
	}
	if why != "" {
		if small, ok := subDomainsCollapsed(v, m); ok {
			s2, err := layout.Layout(ctx, small, opts...)
			if err != nil {
				return nil, err
			}
			if unreadable(s2) == "" {
				s2.Fallbacks.DomainLevel = true
				s2.Warnings = append([]string{why + ": its sub-domains are drawn one box each, each linking to its own page"}, s2.Warnings...)
				return s2, nil
			}
		}
	}
	if clustersBroken(s) { // the other problems have warnings of their own
		s.Warnings = append(s.Warnings, "Graphviz drew its domains overlapping; it is shown as drawn")
	}
	return s, nil
}

// pageChecked reports the views judged by what a page's reader gets
// (unreadableOnPage): the business view, on the home page.
func pageChecked(v *view.View) bool { return v.ID == "business" && overview(v) }

// doomed says why an overview's detailed layout cannot pass the check
// (unreadable), before spending Graphviz's time on it, or "". Graphviz
// cannot rank many arrows between domains: on generated models every
// business view from 100 such arrows (from 40 modules in 4 domains) came
// out with domains overlapping or arrows unrouted, and at 300 modules
// laying it out was 40-55 % of the build's layout work, thrown away.
func doomed(v *view.View) string {
	if v.ID != "business" || !overview(v) {
		return ""
	}
	across, domains := arrowsAcross(v)
	if across < maxArrowsAcross {
		return ""
	}
	return fmt.Sprintf("has %d arrows between its %d domains, more than Graphviz draws readably (%d)", across, domains, maxArrowsAcross)
}

// arrowsAcross counts v's arrows between two domains, and its domains.
func arrowsAcross(v *view.View) (across, domains int) {
	owner, boxes := collapse(v)
	for _, e := range v.Edges {
		if a, b := owner[e.From], owner[e.To]; a != "" && b != "" && a != b {
			across++
		}
	}
	return across, len(boxes)
}

// maxArrowsAcross is how many arrows between domains a business view may
// have before its detail is not even tried (see doomed).
const maxArrowsAcross = 100

// overview reports the views that stand for the whole system and read
// well at domain level when their detail does not: the stack (its
// technologies), and the business view of at least minDomains domains.
// A domain's or module's own view would lose its point, and a custom
// view shows what its author chose.
func overview(v *view.View) bool {
	return v.ID == "stack" || v.ID == "business" && domainBoxes(v) >= minDomains
}

// minDomains is how many domains an overview needs before its domain
// level says more than its troubled detail: two boxes say nothing.
const minDomains = 3

func domainBoxes(v *view.View) int {
	_, boxes := collapse(v)
	return len(boxes)
}

// atDomainLevel lays out v's domain-level view (see domainLevel) with
// only its strongest arrows (see strongestArrows). why is "" when the
// model chose the domain level: then it is no fallback to warn about. When even that has
// more than MaxDetail boxes and arrows, its arrows are left out too and
// the domains placed on a grid: a thousand crossing lines tell nothing,
// while each domain's page shows its own flows. Both are reported.
func atDomainLevel(ctx context.Context, v *view.View, m *model.Model, opts []layout.Option, why string, reason *scene.Reason, page bool) (*scene.Scene, bool, error) {
	small, ok := domainLevel(v, m)
	if !ok {
		return nil, false, nil
	}
	var notes []string
	kept, least, arrows, flows := strongestArrows(small)
	if arrows > 0 {
		small.Edges = kept
		notes = append(notes, fmt.Sprintf("%d of the %d arrows between domains (%d flows) stand for fewer than %d flows each and are not drawn; each domain's page shows its flows",
			arrows, arrows+len(kept), flows, least))
	}
	if detail(small) > MaxDetail {
		arrows += len(small.Edges)
		notes = append(notes, fmt.Sprintf("even its %d strongest arrows between domains are too many to draw; the domains are placed on a grid without them, and each domain's page shows its flows",
			len(small.Edges)))
		small.Edges = nil
		opts = append(opts[:len(opts):len(opts)], layout.WithGridLayout())
	}
	s, err := layout.Layout(ctx, small, opts...)
	if err != nil {
		return nil, true, err
	}
	if page && pageChecked(v) && s.TextAtWidth(PageWidth) < MinPagePx && small.Edges != nil {
		if s, err = turnedIfLarger(ctx, small, s, opts); err != nil {
			return nil, true, err
		}
	}
	s.Fallbacks.HiddenEdges = arrows
	if why == "" {
		s.Fallbacks.ChosenDomainLevel = true
		s.Warnings = append(notes, s.Warnings...)
		return s, true, nil
	}
	s.Fallbacks.DomainLevel = true
	s.Fallbacks.Reason = reason
	how := "drawn at domain level, each domain linking to its own page"
	if v.ID == "stack" {
		how = "drawn at domain level: its technologies only, each saying how many modules use it"
	}
	s.Warnings = append(append([]string{why + ": " + how}, notes...), s.Warnings...)
	return s, true, nil
}

// maxStraightShare is the share of arrows (1 in n) Graphviz may fail to
// route before a layout counts as unreadable: a few straight arrows are
// fine, dozens crossing the drawing are not.
const maxStraightShare = 20

// unreadable says why a Graphviz layout is not worth showing, or "" when
// it is. Graphviz's dot fails on graphs with many arrows between
// clusters ("trouble in init_rank"): it still answers, but with clusters
// of negative size, boxes outside their cluster and clusters overlapping
// (measured on generated models from 50 modules in 5 domains up), and
// many arrows unrouted.
func unreadable(s *scene.Scene) string {
	if s.Fallbacks.GridLayout {
		for _, w := range s.Warnings {
			if strings.Contains(w, "time budget") {
				return "could not be laid out by Graphviz within its time budget"
			}
		}
		return "could not be laid out by Graphviz"
	}
	if n := s.Fallbacks.StraightEdges; n > 0 && n*maxStraightShare > len(s.Edges) {
		return fmt.Sprintf("has %d of its %d arrows not routed by Graphviz", n, len(s.Edges))
	}
	if clustersBroken(s) {
		return "came out of Graphviz with overlapping domains"
	}
	if long, short := max(s.Width, s.Height), min(s.Width, s.Height); len(s.Nodes) >= aspectMinBoxes && long > maxAspect*short {
		return fmt.Sprintf("came out of Graphviz %.0f by %.0f points, too long to read", s.Width, s.Height)
	}
	return ""
}

// turnedIfLarger lays v out turned a quarter and returns that when its
// text is larger on the page than s's: nine domains side by side are too
// wide for the page, in three rows they are not.
func turnedIfLarger(ctx context.Context, v *view.View, s *scene.Scene, opts []layout.Option) (*scene.Scene, error) {
	turned := *v
	turned.Direction = view.LeftToRight
	if v.Direction == view.LeftToRight {
		turned.Direction = view.TopToBottom
	}
	t, err := layout.Layout(ctx, &turned, opts...)
	if err != nil || t.TextAtWidth(PageWidth) <= s.TextAtWidth(PageWidth) || unreadable(t) != "" {
		return s, err
	}
	return t, nil
}

// layoutReason is the reason for the page when unreadable rejects s: its
// last check, the drawing's shape, or Graphviz's failures before it.
func layoutReason(s *scene.Scene) *scene.Reason {
	failed := s.Fallbacks.GridLayout || s.Fallbacks.StraightEdges*maxStraightShare > len(s.Edges) || clustersBroken(s)
	if long, short := max(s.Width, s.Height), min(s.Width, s.Height); !failed && short > 0 && long > maxAspect*short {
		return &scene.Reason{Why: scene.WhyTooLong, Value: long / short, Limit: maxAspect}
	}
	return &scene.Reason{Why: scene.WhyLayoutFailed}
}

// maxAspect is how many times longer than wide (or wider than long) an
// overview may be. Boxes Graphviz puts in one rank are stacked in one
// column: the stack view of 50 modules is 8.5 times taller than wide, of
// 300 modules 50 times (18,000 points); the example's views are at most
// 2.6.
// A long drawing of a few boxes (a pipeline) is fine to scroll, so the
// ratio counts from aspectMinBoxes boxes.
const (
	maxAspect      = 6
	aspectMinBoxes = 40
)

// clustersBroken reports a cluster of no size, a box outside its
// cluster, or two clusters side by side that overlap.
func clustersBroken(s *scene.Scene) bool {
	rects := map[string]scene.Rect{}
	for _, c := range s.Clusters {
		if c.Rect.W <= 0 || c.Rect.H <= 0 {
			return true
		}
		rects[c.ID] = c.Rect
	}
	for _, n := range s.Nodes {
		if r, ok := rects[n.Parent]; ok && !contains(r, n.Rect) {
			return true
		}
	}
	for i, a := range s.Clusters {
		for _, b := range s.Clusters[i+1:] {
			if a.Parent == b.Parent && overlap(a.Rect, b.Rect) {
				return true
			}
		}
	}
	return false
}

// slack absorbs Graphviz's rounding when comparing rectangles (points).
const slack = 1

func contains(outer, inner scene.Rect) bool {
	return inner.X >= outer.X-slack && inner.Y >= outer.Y-slack &&
		inner.X+inner.W <= outer.X+outer.W+slack && inner.Y+inner.H <= outer.Y+outer.H+slack
}

func overlap(a, b scene.Rect) bool {
	return a.X+slack < b.X+b.W && b.X+slack < a.X+a.W && a.Y+slack < b.Y+b.H && b.Y+slack < a.Y+a.H
}
