package slides

import (
	"context"
	"fmt"
	"maps"
	"strings"
	"sync"

	"github.com/archdoc/archdoc/internal/graphviz"

	"github.com/archdoc/archdoc/model"
	"github.com/archdoc/archdoc/render"
	"github.com/archdoc/archdoc/render/layout"
	"github.com/archdoc/archdoc/render/scene"
	"github.com/archdoc/archdoc/render/view"
)

// The diagram area of a diagram slide at 1280×720 in CSS pixels (see
// .layout-diagram in deck.css), and the smallest text a diagram may show
// there: 16 px reads from the back of a meeting room and is 12 pt on the
// PPTX slide (960 pt wide).
const (
	FrameWidth  = 1200.0
	FrameHeight = 560.0
	MinTextPx   = 16.0
)

// Scenes lays out the views a deck shows (business, stack, the domains
// and the flows with steps) for a 16:9 slide and indexes them by view
// id, as Build wants them. Site pages keep their own layouts: a slide
// tries the view's own direction and the other one, then the view
// without module features and notes, and takes the first that gives
// MinTextPx text when fitted, else the largest. An overview (business,
// stack) that still falls short is drawn at domain level: the domain
// slides that follow are its zoom slides.
func Scenes(ctx context.Context, m *model.Model) (map[string]*scene.Scene, error) {
	return ScenesWith(ctx, render.NewLayouts(), m, nil)
}

// ScenesWith is Scenes laying out through l, whose scenes of the site's
// views (a build's) are often a slide's first try. progress, when set,
// hears how many of the deck's views are fitted to their slides.
func ScenesWith(ctx context.Context, l *render.Layouts, m *model.Model, progress func(done, total int)) (map[string]*scene.Scene, error) {
	var views []*view.View
	all, options := l.Views(m) // options: ideas' before/after, fitted like the rest
	for _, v := range all {
		if deckView(v.ID) {
			views = append(views, v)
		}
	}
	found := make([][]*scene.Scene, len(views)+len(options))
	report := counter(progress, len(found))
	err := graphviz.Each(ctx, len(found), func(ctx context.Context, i int) error {
		var err error
		defer report()
		if i < len(views) {
			found[i], err = l.Fitted(ctx, views[i], m, func(ctx context.Context) ([]*scene.Scene, error) {
				return slideScenes(ctx, l, views[i], m)
			})
		} else {
			v := aroundChanges(options[i-len(views)])
			found[i], err = l.Fitted(ctx, v, m, func(ctx context.Context) ([]*scene.Scene, error) {
				s, err := fitted(ctx, l, v, m)
				return []*scene.Scene{s}, err
			})
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	out := map[string]*scene.Scene{}
	for i, list := range found {
		if i >= len(views) {
			out[options[i-len(views)].ID] = list[0]
			continue
		}
		if len(list) == 1 {
			out[views[i].ID] = list[0]
			continue
		}
		for n, p := range list {
			out[PartID(views[i].ID, n+1)] = p
		}
	}
	return out, nil
}

// slideScenes is the one scene of v fitted to a slide, or its parts when
// no layout is readable there and it splits.
func slideScenes(ctx context.Context, l *render.Layouts, v *view.View, m *model.Model) ([]*scene.Scene, error) {
	s, err := fitted(ctx, l, v, m)
	if err != nil || TextPx(s) >= MinTextPx {
		return []*scene.Scene{s}, err
	}
	parts, err := split(ctx, l, v, m)
	if err != nil {
		return nil, err
	}
	if parts == nil {
		return []*scene.Scene{s}, nil // the best there is; the deck test reports it
	}
	return parts, nil
}

// PartID is the scene id of part n (1-based) of a view split across
// slides: "stack.part1". Model ids have no dot, and a file named after it
// (Marp decks write one per diagram) needs no escaping in a link.
func PartID(viewID string, n int) string { return fmt.Sprintf("%s.part%d", viewID, n) }

// maxParts is the most slides one view is split across, and
// maxModuleParts the most a domain's view is split across by groups of
// its modules (see modulesPart) when nothing else reads.
const (
	maxParts       = 4
	maxModuleParts = 6
)

// split cuts a view that no layout makes readable into parts, at domain
// level and without secondary text, in as few parts as give every part
// MinTextPx text: a graph by consecutive top-level containers (the
// stack's layers, the business view's domains; boxes outside every
// container go with the first part), a sequence by consecutive steps.
// It returns nil when no split works.
func split(ctx context.Context, l *render.Layouts, v *view.View, m *model.Model) ([]*scene.Scene, error) {
	base := v
	// A domain's own view keeps its modules: it splits by them, unless it
	// is too large to lay out part by part in reasonable time.
	byModules := strings.HasPrefix(v.ID, "domain/") && len(v.Nodes)+len(v.Edges) <= bigView
	if small, ok := render.DomainLevel(v, m); ok && v.Kind == view.KindGraph && v.Level != view.LevelModule && !byModules {
		base = small
	}
	if small, ok := compact(base); ok {
		base = small
	}
	var tops []string
	for _, c := range base.Clusters {
		if c.Parent == "" {
			tops = append(tops, c.ID)
		}
	}
	// partitioning cuts base into n parts, at most most, and returns
	// part i of them.
	type partitioning struct {
		count, most int
		part        func(i, n int) *view.View
	}
	ways := []partitioning{{len(tops), maxParts, func(i, n int) *view.View {
		return viewPart(base, tops[i*len(tops)/n:(i+1)*len(tops)/n], i == 0)
	}}}
	if members := ownBoxes(base, v.ID, tops); len(members) > 1 && (byModules || !strings.HasPrefix(v.ID, "domain/")) {
		// A domain's own modules, or the domain boxes of a view at
		// domain level: each part with what they exchange flows with.
		ways = append(ways, partitioning{len(members), maxParts, func(i, n int) *view.View {
			return boxesPart(base, members[i*len(members)/n:(i+1)*len(members)/n])
		}})
		if byModules {
			// Last, groups of a domain's modules with each arrow on one
			// part and stubs for the other domains, in more parts: the
			// domain's first slide is in the talk, the rest may go to
			// the appendix.
			ways = append(ways, partitioning{len(members), maxModuleParts, func(i, n int) *view.View {
				return modulesPart(base, members[i*len(members)/n:(i+1)*len(members)/n], m)
			}})
		}
	}
	if v.Kind == view.KindSequence {
		ways = []partitioning{{len(base.Edges), maxParts, func(i, n int) *view.View {
			return stepsPart(base, i*len(base.Edges)/n, (i+1)*len(base.Edges)/n)
		}}}
	}
	for _, way := range ways {
		parts, err := splitInto(ctx, l, v.ID, m, min(way.count, way.most), way.part)
		if parts != nil || err != nil {
			countStubs(parts)
			return parts, err
		}
	}
	return nil, nil
}

// splitInto returns the fewest parts (at most most) of which part
// makes every one readable, or nil.
func splitInto(ctx context.Context, l *render.Layouts, viewID string, m *model.Model, most int, part func(i, n int) *view.View) ([]*scene.Scene, error) {
	for n := 2; n <= most; n++ {
		var parts []*scene.Scene
		for i := range n {
			s, err := fitted(ctx, l, part(i, n), m)
			if err != nil {
				return nil, err
			}
			if TextPx(s) < MinTextPx {
				break
			}
			s.ID = PartID(viewID, i+1)
			parts = append(parts, s)
		}
		if len(parts) == n {
			return parts, nil
		}
	}
	return nil, nil
}

// ownBoxes lists the boxes a view splits by when its containers do not
// split it: a domain's own modules (not the stores they own, which go
// with them), or, in a view without containers (the business view at
// domain level), its domain boxes.
func ownBoxes(v *view.View, viewID string, tops []string) []string {
	focus, isDomain := strings.CutPrefix(viewID, "domain/")
	owned := map[string]bool{}
	for _, e := range v.Edges {
		if e.Kind == view.EdgeOwns {
			owned[e.To] = true
		}
	}
	var out []string
	for _, n := range v.Nodes {
		switch {
		case isDomain && n.Parent == focus && !owned[n.ID],
			!isDomain && len(tops) == 0 && n.Kind == "domain":
			out = append(out, n.ID)
		}
	}
	return out
}

// boxesPart is v with only the given boxes, the stores they own and the
// boxes at the other end of their arrows, and the arrows among those.
func boxesPart(v *view.View, boxes []string) *view.View {
	keep := map[string]bool{}
	for _, b := range boxes {
		keep[b] = true
	}
	chosen := maps.Clone(keep)
	for _, e := range v.Edges {
		switch {
		case chosen[e.From]:
			keep[e.To] = true
		case chosen[e.To] && e.Kind != view.EdgeOwns:
			keep[e.From] = true
		}
	}
	out := *v
	out.Nodes, out.Edges, out.Clusters = nil, nil, nil
	used := map[string]bool{}
	for _, n := range v.Nodes {
		if keep[n.ID] {
			out.Nodes = append(out.Nodes, n)
			used[n.Parent] = true
		}
	}
	for _, c := range v.Clusters {
		if used[c.ID] {
			out.Clusters = append(out.Clusters, c)
		}
	}
	for _, e := range v.Edges {
		if (chosen[e.From] || chosen[e.To]) && keep[e.From] && keep[e.To] {
			out.Edges = append(out.Edges, e)
		}
	}
	return &out
}

// stepsPart is the sequence v with only its steps from..to-1 (keeping
// their numbers) and the participants they involve.
func stepsPart(v *view.View, from, to int) *view.View {
	out := *v
	out.Edges = v.Edges[from:to]
	used := map[string]bool{}
	for _, e := range out.Edges {
		used[e.From], used[e.To] = true, true
	}
	out.Nodes = nil
	for _, n := range v.Nodes {
		if used[n.ID] {
			out.Nodes = append(out.Nodes, n)
		}
	}
	return &out
}

// viewPart is v with only the given top-level containers and what is in
// them (and, with loose, the boxes outside every container).
func viewPart(v *view.View, tops []string, loose bool) *view.View {
	in := map[string]bool{}
	for _, t := range tops {
		in[t] = true
	}
	out := *v
	out.Clusters, out.Nodes, out.Edges = nil, nil, nil
	for _, c := range v.Clusters { // parents come first
		if in[c.ID] || in[c.Parent] {
			in[c.ID] = true
			out.Clusters = append(out.Clusters, c)
		}
	}
	kept := map[string]bool{}
	for _, n := range v.Nodes {
		if in[n.Parent] || loose && n.Parent == "" {
			kept[n.ID] = true
			out.Nodes = append(out.Nodes, n)
		}
	}
	for _, e := range v.Edges {
		if (kept[e.From] || in[e.From]) && (kept[e.To] || in[e.To]) {
			out.Edges = append(out.Edges, e)
		}
	}
	return &out
}

func deckView(id string) bool {
	return id == "business" || id == "stack" || strings.HasPrefix(id, "domain/") || strings.HasPrefix(id, "flow/")
}

// fitted returns the slide layout of v with the largest text, preferring
// more detail once the text is large enough; of one level of detail it
// takes the direction that gives the larger text. A sequence's gaps are
// fixed, so laying it out with a larger font gives its text a larger
// share of the slide: that is its last resort.
func fitted(ctx context.Context, l *render.Layouts, v *view.View, m *model.Model) (*scene.Scene, error) {
	var best *scene.Scene
	fonts := []float64{layout.DefaultFontSize}
	if v.Kind == view.KindSequence { // cheap to lay out, and only fonts shrink its gaps
		fonts = append(fonts, 20, 26)
	}
	levels, hidden := candidates(v, m)
	for _, fs := range fonts {
		for _, level := range levels {
			var better *scene.Scene
			for _, c := range level {
				s, err := l.View(ctx, c, m, layout.WithFontSize(fs))
				if err != nil {
					return nil, err
				}
				cp := *s // the cache's scene is shared
				cp.ID = v.ID
				cp.Fallbacks.HiddenEdges += hidden[c]
				s = &cp
				if better == nil || TextPx(s) > TextPx(better) {
					better = s
				}
			}
			if TextPx(better) >= MinTextPx {
				return better, nil
			}
			if best == nil || TextPx(better) > TextPx(best) {
				best = better
			}
		}
	}
	return best, nil
}

// bigView is the size (boxes plus arrows) from which a view is laid out
// in its own direction only.
const bigView = 150

// candidates lists the layouts a slide may use by level of detail, most
// detailed first, and how many arrows each leaves out of its view.
func candidates(v *view.View, m *model.Model) ([][]*view.View, map[*view.View]int) {
	hidden := map[*view.View]int{}
	if v.Kind != view.KindGraph {
		out := [][]*view.View{{v}}
		if small, ok := compact(v); ok {
			out = append(out, []*view.View{small})
		}
		return out, hidden
	}
	// The model's level: decides (see view.View.Level); auto lets the
	// overviews fall back to domain level when their detail is unreadable.
	overview := (v.ID == "business" || v.ID == "stack") && v.Level != view.LevelModule
	var domains [][]*view.View
	if small, ok := render.DomainLevel(v, m); ok && (overview || v.Level == view.LevelDomain) {
		domains = domainLevels(small, hidden)
		if v.Level == view.LevelDomain {
			return domains, hidden
		}
	}
	if len(v.Nodes)+len(v.Edges) > bigView {
		// Laying out a large view takes seconds and its text cannot be
		// read on a slide: an overview goes straight to domain level.
		if domains != nil {
			return domains, hidden
		}
		return [][]*view.View{{v}}, hidden
	}
	out := [][]*view.View{bothWays(v)}
	if small, ok := compact(v); ok {
		out = append(out, bothWays(small))
	}
	return append(out, domains...), hidden
}

// bothWays is v in its own direction, then turned a quarter.
func bothWays(v *view.View) []*view.View {
	turned := *v
	turned.Direction = view.LeftToRight
	if v.Direction == view.LeftToRight {
		turned.Direction = view.TopToBottom
	}
	return []*view.View{v, &turned}
}

// compact is v without module features, notes and secondary lines: the
// speaker says them.
func compact(v *view.View) (*view.View, bool) {
	out := *v
	out.Nodes = nil
	dropped := map[string]bool{}
	changed := false
	for _, n := range v.Nodes {
		if n.Shape == scene.ShapeNote {
			dropped[n.ID], changed = true, true
			continue
		}
		if len(n.Details) > 0 || n.Sub != "" {
			n.Details, n.Sub, changed = nil, "", true
		}
		out.Nodes = append(out.Nodes, n)
	}
	out.Edges = nil
	for _, e := range v.Edges {
		if dropped[e.From] || dropped[e.To] {
			continue
		}
		if e.Note != "" {
			e.Note, changed = "", true
		}
		out.Edges = append(out.Edges, e)
	}
	return &out, changed
}

// TextPx is the height in CSS pixels of the smallest text of s (a node's
// secondary line is 0.8 of the label, a step number 0.75) when s is fitted into the diagram
// area of a 1280×720 slide.
func TextPx(s *scene.Scene) float64 {
	if s == nil || s.Width <= 0 || s.Height <= 0 {
		return 0
	}
	return s.SmallestText() * min(FrameWidth/s.Width, FrameHeight/s.Height)
}

// ByID indexes scenes by their view id.
func ByID(list []*scene.Scene) map[string]*scene.Scene {
	out := make(map[string]*scene.Scene, len(list))
	for _, s := range list {
		out[s.ID] = s
	}
	return out
}

// counter returns a function that tells f (when set) that one more of
// total is done; calls from several goroutines are serialised.
func counter(f func(done, total int), total int) func() {
	if f == nil {
		return func() {}
	}
	var mu sync.Mutex
	done := 0
	return func() {
		mu.Lock()
		defer mu.Unlock()
		done++
		f(done, total)
	}
}
