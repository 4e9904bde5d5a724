package slides

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/archdoc/archdoc/model"
	"github.com/archdoc/archdoc/render/scene"
)

type builder struct {
	m      *model.Model
	scenes map[string]*scene.Scene
	words  words
	errs   model.Errors
}

// group is the slides one section produced plus its share of the time.
type group struct {
	slides []Slide
	weight float64
}

func (b *builder) errorf(path, format string, args ...any) {
	b.errs = append(b.errs, &model.Error{Pos: b.m.Pos(path), Path: path, Msg: fmt.Sprintf(format, args...)})
}

func (b *builder) build() (*Deck, error) {
	p := b.m.Presentation
	if p == nil {
		p = &model.Presentation{}
	}
	d := &Deck{
		Title:     firstNonEmpty(p.Title, b.m.Name),
		Subtitle:  firstNonEmpty(p.Subtitle, lead(b.m.Summary)),
		Author:    p.Author,
		Date:      p.Date,
		Lang:      deckLang(b.m.Language),
		AllowHTML: b.m.Settings.AllowHTML,
		Scenes:    b.scenes,
	}
	d.Duration = b.duration(p.Duration)
	groups := b.mergeHighlights(b.groups(p, d))
	var appendix []Slide
	if d.Duration > 0 {
		groups, appendix = b.fitDuration(groups, int(math.Round(float64(d.Duration)/60)))
	}
	for _, g := range groups {
		d.Slides = append(d.Slides, g.slides...)
	}
	main := len(d.Slides)
	d.Slides = append(d.Slides, appendix...)
	b.checkIDs(d.Slides)
	b.applyNotes(p, d.Slides)
	b.noteFewerArrows(d.Slides)
	for i := range d.Slides { // hand-written slides and notes too
		d.Slides[i].Body = joinLines(d.Slides[i].Body)
		d.Slides[i].Notes = joinLines(d.Slides[i].Notes)
	}
	spreadTime(d, groups, main)
	if len(b.errs) > 0 {
		return nil, b.errs.Sort()
	}
	if len(d.Slides) == 0 {
		return nil, fmt.Errorf("the presentation has no slides: the model has nothing for its sections")
	}
	return d, nil
}

// duration parses the time budget: a Go duration ("10m", "1h30m") or a
// bare number of minutes ("10").
func (b *builder) duration(s string) int {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0
	}
	if n, err := strconv.ParseFloat(s, 64); err == nil && n > 0 {
		return int(math.Round(n * 60))
	}
	dur, err := time.ParseDuration(s)
	if err != nil || dur <= 0 {
		b.errorf("presentation.duration", "time budget %q is not a duration such as 10m or 1h30m", s)
		return 0
	}
	return int(dur.Round(time.Second) / time.Second)
}

// groups builds every section in order and places the hand-written slides.
func (b *builder) groups(p *model.Presentation, d *Deck) []group {
	specs := p.Sections
	if len(specs) == 0 {
		for _, s := range DefaultSections {
			specs = append(specs, model.SectionSpec{Section: s})
		}
	}
	after := b.handSlidesBySection(p, specs)
	var out []group
	seen := map[string]bool{}
	hasSlidesSection := false
	for i, spec := range specs {
		path := fmt.Sprintf("presentation.sections[%d]", i)
		if seen[spec.Section] {
			b.errorf(path+".section", "section %q appears twice", spec.Section)
			continue
		}
		seen[spec.Section] = true
		if spec.Weight < 0 {
			b.errorf(path+".weight", "weight %v is negative", spec.Weight)
		}
		var slides []Slide
		if spec.Section == SectionSlides {
			hasSlidesSection = true
			slides = after[SectionSlides]
		} else {
			gen, ok := b.generators()[spec.Section]
			if !ok {
				b.errorf(path+".section", "unknown section %q (want one of %s, %s)", spec.Section,
					strings.Join(DefaultSections, ", "), SectionSlides)
				continue
			}
			b.checkOnly(spec, path)
			slides = gen(spec, d)
			b.decorate(slides, spec)
		}
		out = append(out, group{slides: slides, weight: weightOf(spec)})
		if spec.Section != SectionSlides && len(after[spec.Section]) > 0 {
			out = append(out, group{slides: after[spec.Section], weight: 1})
		}
	}
	if !hasSlidesSection && len(after[SectionSlides]) > 0 {
		out = append(out, group{slides: after[SectionSlides], weight: 1})
	}
	return out
}

func weightOf(spec model.SectionSpec) float64 {
	if spec.Weight == 0 {
		return 1
	}
	return math.Max(spec.Weight, 0)
}

// decorate applies a section spec's title and notes. A one-slide section
// (title, business, stack) takes the title; the glossary's slides take it;
// in the other sections every slide is about one element and keeps its
// name, and the section title becomes the kicker above it.
func (b *builder) decorate(slides []Slide, spec model.SectionSpec) {
	if len(slides) == 0 {
		return
	}
	slides[0].Notes = joinNotes(spec.Notes, slides[0].Notes)
	kicker := b.kickers()[spec.Section]
	for i := range slides {
		switch {
		case spec.Title == "":
		case spec.Section == SectionTitle || spec.Section == SectionBusiness || spec.Section == SectionStack:
			slides[i].Title = spec.Title
		case spec.Section == SectionGlossary:
			if slides[i].Layout != LayoutTitle {
				slides[i].Title = spec.Title
			}
		default:
			kicker = spec.Title
		}
		slides[i].Kicker = kicker
	}
	numberRepeats(slides)
}

// kickers are the default section names shown above slide titles.
func (b *builder) kickers() map[string]string {
	w := b.words
	return map[string]string{
		SectionDomains: w.MainBusiness, SectionTechnologies: w.Stack, SectionFlows: w.KeyFlows,
		SectionIdeas: w.Ideas, SectionTasks: w.Tasks, SectionHighlights: w.Highlights,
	}
}

// numberRepeats tells apart consecutive slides with the same title
// (a long glossary): "术语表 (1/2)", "术语表 (2/2)".
func numberRepeats(slides []Slide) {
	for i := 0; i < len(slides); {
		j := i + 1
		for j < len(slides) && slides[j].Title == slides[i].Title {
			j++
		}
		if j-i > 1 {
			for k := i; k < j; k++ {
				slides[k].Title = fmt.Sprintf("%s (%d/%d)", slides[k].Title, k-i+1, j-i)
			}
		}
		i = j
	}
}

// handSlidesBySection sorts presentation.slides by the section they follow;
// slides without After go under SectionSlides (the 'slides' section or the end).
func (b *builder) handSlidesBySection(p *model.Presentation, specs []model.SectionSpec) map[string][]Slide {
	present := map[string]bool{}
	for _, s := range specs {
		present[s.Section] = true
	}
	out := map[string][]Slide{}
	for i, hs := range p.Slides {
		path := fmt.Sprintf("presentation.slides[%d]", i)
		if hs.ID == "" {
			b.errorf(path, "slide has no id")
		}
		if strings.TrimSpace(hs.Title) == "" {
			b.errorf(path, "slide %q has no title", hs.ID)
		}
		key := SectionSlides
		if hs.After != "" {
			if !present[hs.After] {
				b.errorf(path+".after", "slide %q goes after section %q, which is not in the presentation", hs.ID, hs.After)
			} else {
				key = hs.After
			}
		}
		out[key] = append(out[key], Slide{
			ID: hs.ID, Section: SectionSlides, Layout: LayoutContent,
			Title: hs.Title, Body: strings.TrimSpace(hs.Body), Notes: strings.TrimSpace(hs.Notes),
		})
	}
	return out
}

func (b *builder) checkIDs(slides []Slide) {
	seen := map[string]bool{}
	for _, s := range slides {
		if s.ID != "" && seen[s.ID] {
			path := "presentation.slides"
			for i, hs := range b.m.Presentation.Slides {
				if hs.ID == s.ID {
					path = fmt.Sprintf("presentation.slides[%d].id", i)
				}
			}
			b.errorf(path, "slide id %q is used by another slide", s.ID)
		}
		seen[s.ID] = true
	}
}

// noteFewerArrows tells the speaker, on each diagram slide that leaves
// arrows out, where the rest are.
func (b *builder) noteFewerArrows(slides []Slide) {
	for i, s := range slides {
		if sc := b.scenes[s.Diagram]; sc != nil && sc.Fallbacks.HiddenEdges > 0 {
			slides[i].Notes = joinNotes(s.Notes, b.words.FewerArrows)
		}
	}
}

// applyNotes adds presentation.notes (by slide id) to the slides.
func (b *builder) applyNotes(p *model.Presentation, slides []Slide) {
	index := map[string]int{}
	for i, s := range slides {
		index[s.ID] = i
	}
	ids := make([]string, 0, len(p.Notes))
	for id := range p.Notes {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		i, ok := index[id]
		if !ok {
			b.errorf("presentation.notes."+id, "notes for slide %q, which is not in the deck (slide ids: %s)", id, slideIDs(slides))
			continue
		}
		slides[i].Notes = joinNotes(slides[i].Notes, p.Notes[id])
	}
}

func slideIDs(slides []Slide) string {
	ids := make([]string, len(slides))
	for i, s := range slides {
		ids[i] = s.ID
	}
	return strings.Join(ids, ", ")
}

// spreadTime shares the time budget among the sections by weight, then
// equally among each section's slides; whole seconds that add up exactly.
func spreadTime(d *Deck, groups []group, main int) {
	if d.Duration == 0 || main == 0 {
		return
	}
	var weights []float64
	for _, g := range groups {
		for range g.slides {
			weights = append(weights, g.weight/float64(len(g.slides)))
		}
	}
	for i, s := range largestRemainder(d.Duration, weights) {
		d.Slides[i].Seconds = s
	}
}

// largestRemainder splits total into integer parts proportional to weights.
func largestRemainder(total int, weights []float64) []int {
	var sum float64
	for _, w := range weights {
		sum += w
	}
	out := make([]int, len(weights))
	if sum == 0 {
		weights = make([]float64, len(weights))
		for i := range weights {
			weights[i] = 1
		}
		sum = float64(len(weights))
	}
	type frac struct {
		i int
		f float64
	}
	fr := make([]frac, len(weights))
	given := 0
	for i, w := range weights {
		exact := float64(total) * w / sum
		out[i] = int(math.Floor(exact))
		given += out[i]
		fr[i] = frac{i, exact - math.Floor(exact)}
	}
	sort.SliceStable(fr, func(a, b int) bool { return fr[a].f > fr[b].f })
	for k := 0; given < total; k++ {
		out[fr[k%len(fr)].i]++
		given++
	}
	return out
}

func joinNotes(a, b string) string {
	a, b = strings.TrimSpace(a), strings.TrimSpace(b)
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + "\n\n" + b
}

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if strings.TrimSpace(x) != "" {
			return strings.TrimSpace(x)
		}
	}
	return ""
}
