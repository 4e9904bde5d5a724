package slides

import (
	"fmt"
	"math"
	"sort"
	"strings"
)

// A deck with a time budget (presentation.duration) shows about one slide
// a minute: the title slide and one main slide per further minute, shared
// among the sections by weight (largest remainder; a section with a share
// gets at least its first slide before any gets a second). The closing
// slide stays last in the main flow; what does not fit goes, in order, to
// an appendix after it, to show when someone asks.

// SectionAppendix marks the appendix's divider slide.
const SectionAppendix = "appendix"

// mergeHighlights folds a task's highlights slide into the notes of the
// task's own slide when the deck has both, so no task appears twice.
func (b *builder) mergeHighlights(groups []group) []group {
	tasks := map[string]*Slide{}
	for gi := range groups {
		for si := range groups[gi].slides {
			s := &groups[gi].slides[si]
			if s.Section == SectionTasks {
				tasks[strings.TrimPrefix(s.ID, "task-")] = s
			}
		}
	}
	var out []group
	for _, g := range groups {
		var kept []Slide
		for _, s := range g.slides {
			if t := tasks[strings.TrimPrefix(s.ID, "highlights-")]; s.Section == SectionHighlights && t != nil {
				t.Notes = joinNotes(t.Notes, "**"+b.words.Highlights+"**\n\n"+s.Body)
				continue
			}
			kept = append(kept, s)
		}
		if len(kept) > 0 {
			out = append(out, group{slides: kept, weight: g.weight})
		}
	}
	return out
}

// fitDuration keeps minutes main slides (see above) and returns the main
// groups and the appendix, which begins with its divider slide.
func (b *builder) fitDuration(groups []group, minutes int) ([]group, []Slide) {
	var title, closing *group
	var rest []group
	for i, g := range groups {
		switch {
		case i == 0 && len(g.slides) > 0 && g.slides[0].Section == SectionTitle:
			title = &groups[i]
		case i == len(groups)-1 && len(g.slides) > 0 && g.slides[len(g.slides)-1].ID == "qa":
			closing = &group{slides: g.slides[len(g.slides)-1:], weight: 0}
			if len(g.slides) > 1 {
				rest = append(rest, group{slides: g.slides[:len(g.slides)-1], weight: g.weight})
			}
		default:
			rest = append(rest, g)
		}
	}
	budget := minutes
	if title != nil {
		budget--
	}
	units := make([][][]Slide, len(rest))
	counts := make([]int, len(rest))
	weights := make([]float64, len(rest))
	total := 0
	for i, g := range rest {
		units[i] = slideUnits(g.slides)
		counts[i] = len(units[i])
		weights[i] = g.weight
		total += counts[i]
	}
	if total <= budget {
		return groups, nil
	}
	// Shared by units; a split diagram's extra parts cost slides too.
	quota := apportion(max(budget, 0), weights, counts)
	// One unit fewer at a time: cutting by the excess at once dropped
	// whole sections when their units are split diagrams of four slides.
	for cut := budget; cut > 0 && slidesIn(units, quota) > budget; {
		cut--
		quota = apportion(cut, weights, counts)
	}
	var main []group
	var appendix []Slide
	if title != nil {
		main = append(main, *title)
	}
	for i, g := range rest {
		var kept []Slide
		for j, u := range units[i] {
			if j < quota[i] {
				kept = append(kept, u...)
			} else {
				appendix = append(appendix, u...)
			}
		}
		if len(kept) > 0 {
			main = append(main, group{slides: kept, weight: g.weight})
		}
	}
	if closing != nil {
		main = append(main, *closing)
	}
	divider := Slide{ID: "appendix", Section: SectionAppendix, Layout: LayoutTitle, Title: b.words.Appendix,
		Body: fmt.Sprintf(b.words.AppendixBody, len(appendix))}
	return main, append([]Slide{divider}, appendix...)
}

// slideUnits groups a section's slides so the parts of one split diagram
// ("stack", "stack-2") stay together.
func slideUnits(slides []Slide) [][]Slide {
	var out [][]Slide
	for _, s := range slides {
		if n := len(out); n > 0 && isPartOf(s, out[n-1][0]) {
			out[n-1] = append(out[n-1], s)
			continue
		}
		out = append(out, []Slide{s})
	}
	return out
}

func isPartOf(s, first Slide) bool {
	base, _, ok := strings.Cut(first.Diagram, ".part")
	return ok && strings.HasPrefix(s.Diagram, base+".part")
}

// apportion shares n slides among sections by weight, none getting more
// than it has: first one each to the heaviest sections, then by largest
// remainder.
func apportion(n int, weights []float64, counts []int) []int {
	out := make([]int, len(weights))
	order := make([]int, len(weights))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return weights[order[a]] > weights[order[b]] })
	for _, i := range order { // everyone with a weight gets one first
		if n > 0 && counts[i] > 0 && weights[i] > 0 {
			out[i]++
			n--
		}
	}
	for n > 0 {
		best, bestNeed := -1, math.Inf(-1)
		var sum float64
		for i := range weights {
			sum += weights[i]
		}
		for _, i := range order {
			if out[i] >= counts[i] || weights[i] <= 0 {
				continue
			}
			// the section furthest below its share of all the slides given
			need := weights[i]/sum*float64(n+total(out)) - float64(out[i])
			if need > bestNeed {
				best, bestNeed = i, need
			}
		}
		if best < 0 {
			break
		}
		out[best]++
		n--
	}
	return out
}

func total(xs []int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}

// slidesIn counts the slides of the first quota[i] units of each section.
func slidesIn(units [][][]Slide, quota []int) int {
	n := 0
	for i, us := range units {
		for _, u := range us[:quota[i]] {
			n += len(u)
		}
	}
	return n
}
