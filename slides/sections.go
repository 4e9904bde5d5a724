package slides

import (
	"fmt"
	"github.com/archdoc/archdoc/render/icon"
	"strings"

	"github.com/archdoc/archdoc/model"
	"github.com/archdoc/archdoc/render/scene"
)

type generator func(spec model.SectionSpec, d *Deck) []Slide

func (b *builder) generators() map[string]generator {
	return map[string]generator{
		SectionTitle:        b.titleSlide,
		SectionBusiness:     b.businessSlide,
		SectionDomains:      b.domainSlides,
		SectionStack:        b.stackSlide,
		SectionTechnologies: b.techSlides,
		SectionFlows:        b.flowSlides,
		SectionIdeas:        b.ideaSlides,
		SectionTasks:        b.taskSlides,
		SectionHighlights:   b.highlightSlides,
		SectionGlossary:     b.glossarySlides,
	}
}

// onlyKinds is the element kind each section's `only:` list must name.
var onlyKinds = map[string]model.Kind{
	SectionDomains: model.KindDomain, SectionTechnologies: model.KindTech, SectionFlows: model.KindFlow,
	SectionIdeas: model.KindIdea, SectionTasks: model.KindTask, SectionHighlights: model.KindTask,
}

func (b *builder) checkOnly(spec model.SectionSpec, path string) {
	if len(spec.Only) == 0 {
		return
	}
	kind, ok := onlyKinds[spec.Section]
	if !ok {
		b.errorf(path+".only", "section %q has no elements to choose from; drop only:", spec.Section)
		return
	}
	for i, id := range spec.Only {
		e, found := b.m.Element(id)
		switch {
		case !found:
			b.errorf(fmt.Sprintf("%s.only[%d]", path, i), "unknown %s %q", kind, id)
		case e.Kind != kind:
			b.errorf(fmt.Sprintf("%s.only[%d]", path, i), "%q is a %s, section %q lists %ss", id, e.Kind, spec.Section, kind)
		}
	}
}

// chosen reports whether id passes the section's only: filter.
func chosen(spec model.SectionSpec, id string) bool {
	if len(spec.Only) == 0 {
		return true
	}
	for _, o := range spec.Only {
		if o == id {
			return true
		}
	}
	return false
}

// diagram returns id when its scene exists, else "".
func (b *builder) diagram(id string) string {
	if b.scenes[id] != nil {
		return id
	}
	return ""
}

// firstPart is the scene id of a view's diagram, or of its first part
// when it is split across slides, or "" when it has no scene.
func (b *builder) firstPart(id string) string {
	if parts := b.parts(id); len(parts) > 0 {
		return parts[0]
	}
	return ""
}

// parts lists the scenes of a view split across slides (see Scenes):
// the view itself when it fits one slide, nothing when it has no scene.
func (b *builder) parts(id string) []string {
	if b.scenes[id] != nil {
		return []string{id}
	}
	var out []string
	for n := 1; b.scenes[PartID(id, n)] != nil; n++ {
		out = append(out, PartID(id, n))
	}
	return out
}

// splitSlide repeats s once per part of its diagram; the titles are
// numbered by decorate.
func (b *builder) splitSlide(s Slide, view string) []Slide {
	parts := b.parts(view)
	if len(parts) <= 1 {
		return []Slide{s}
	}
	out := make([]Slide, len(parts))
	for i, p := range parts {
		out[i] = s
		out[i].Diagram = p
		if i > 0 {
			out[i].ID = fmt.Sprintf("%s-%d", s.ID, i+1)
			out[i].Notes = ""
		}
	}
	return out
}

// drawsStubs says whether some of a split view's parts draw other
// domains as one box each, for the speaker to say so.
func (b *builder) drawsStubs(parts []string) bool {
	for _, p := range parts {
		if sc := b.scenes[p]; sc != nil && sc.Fallbacks.CollapsedNeighbours > 0 {
			return true
		}
	}
	return false
}

// name is an element's display name, falling back to its id.
func (b *builder) name(id string) string {
	if e, ok := b.m.Element(id); ok && e.Name != "" {
		return e.Name
	}
	return id
}

// elementNotes gathers the model's notes attached to an element.
func (b *builder) elementNotes(id string) string {
	var out []string
	for _, n := range b.m.Notes {
		if n.On == id && strings.TrimSpace(n.Text) != "" {
			out = append(out, strings.TrimSpace(n.Text))
		}
	}
	return strings.Join(out, "\n\n")
}

func (b *builder) titleSlide(_ model.SectionSpec, d *Deck) []Slide {
	var lines []string
	if d.Subtitle != "" {
		lines = append(lines, d.Subtitle)
	}
	if by := strings.Join(nonEmpty(mdText(d.Author), mdText(d.Date)), " · "); by != "" {
		lines = append(lines, by)
	}
	return []Slide{{ID: "title", Section: SectionTitle, Layout: LayoutTitle, Title: d.Title,
		Body: strings.Join(lines, "\n\n"), Notes: b.summaryNotes()}}
}

func (b *builder) businessSlide(_ model.SectionSpec, _ *Deck) []Slide {
	s := Slide{ID: "business", Section: SectionBusiness, Layout: LayoutDiagram, Title: b.words.Business,
		Diagram: firstNonEmpty(b.parts("business")...), Notes: b.elementNotes("business")}
	if s.Diagram != "" {
		return b.buildUp(b.splitSlide(s, "business"), func(sc *scene.Scene) []Step { return graphSteps(sc, b.words) })
	}
	s.Layout = LayoutContent
	var md mdBuf
	md.head(b.words.Actors)
	for _, a := range b.m.Actors {
		md.item(0, "**%s** %s", mdText(a.Name), lead(a.Description))
	}
	md.head(b.words.Domains)
	for _, dm := range b.m.Domains {
		md.item(0, "**%s** %s", mdText(dm.Name), lead(dm.Description))
	}
	s.Body = md.String()
	return []Slide{s}
}

func (b *builder) domainSlides(spec model.SectionSpec, _ *Deck) []Slide {
	var out []Slide
	for _, dm := range b.m.Domains {
		if !chosen(spec, dm.ID) {
			continue
		}
		s := Slide{ID: "domain-" + dm.ID, Section: SectionDomains, Layout: LayoutContent, Title: dm.Name,
			Diagram: b.firstPart("domain/" + dm.ID), Notes: b.elementNotes(dm.ID)}
		var md mdBuf
		md.para(dm.Description)
		if s.Diagram != "" {
			s.Layout = LayoutSplit
		}
		if len(dm.Modules) > 0 {
			md.head(b.words.Modules)
			for _, mo := range dm.Modules {
				if s.Diagram != "" {
					md.item(0, "**%s**", mdText(mo.Name))
				} else {
					md.item(0, "**%s** %s", mdText(mo.Name), lead(mo.Description))
				}
			}
		}
		if len(dm.Domains) > 0 {
			md.head(b.words.SubDomains)
			for _, sd := range dm.Domains {
				md.item(0, "**%s** %s", mdText(sd.Name), lead(sd.Description))
			}
		}
		s.Body = md.String()
		if s.Diagram != "" {
			// The diagram gets the whole slide to stay readable (its
			// modules are in it); the speaker says the description.
			s.Layout, s.Body = LayoutDiagram, ""
			s.Notes = joinNotes(dm.Description, s.Notes)
		}
		if parts := b.parts("domain/" + dm.ID); len(parts) > 1 && b.drawsStubs(parts) {
			s.Notes = joinNotes(s.Notes, fmt.Sprintf(b.words.Stubs, len(parts)))
		}
		out = append(out, b.splitSlide(s, "domain/"+dm.ID)...)
	}
	return out
}

func (b *builder) stackSlide(_ model.SectionSpec, _ *Deck) []Slide {
	s := Slide{ID: "stack", Section: SectionStack, Layout: LayoutDiagram, Title: b.words.Stack,
		Diagram: firstNonEmpty(b.parts("stack")...), Notes: b.elementNotes("stack")}
	if s.Diagram != "" {
		return b.splitSlide(s, "stack")
	}
	s.Layout = LayoutContent
	var md mdBuf
	for _, l := range b.m.Stack.Layers {
		names := make([]string, len(l.Technologies))
		for i, t := range l.Technologies {
			names[i] = mdText(t.Name)
		}
		md.item(0, "**%s**: %s", mdText(l.Name), strings.Join(names, ", "))
	}
	s.Body = md.String()
	return []Slide{s}
}

// techSlides makes a slide per key technology: one that has something to
// say (what, why, how, pitfalls), or every one named in only:.
func (b *builder) techSlides(spec model.SectionSpec, _ *Deck) []Slide {
	var out []Slide
	for _, l := range b.m.Stack.Layers {
		for _, t := range l.Technologies {
			explained := t.What != "" || t.Why != "" || t.How != "" || len(t.Pitfalls) > 0
			if !chosen(spec, t.ID) || (len(spec.Only) == 0 && !explained) {
				continue
			}
			title := t.Name
			if t.Version != "" {
				title += " " + t.Version
			}
			var md mdBuf
			md.labelled(b.words.What, t.What)
			md.labelled(b.words.Why, t.Why)
			md.labelled(b.words.How, t.How)
			if len(t.Pitfalls) > 0 {
				md.head(b.words.Pitfalls)
				for _, p := range t.Pitfalls {
					md.item(0, "%s", p)
				}
			}
			ic, _ := icon.For(&t)
			out = append(out, Slide{ID: "tech-" + t.ID, Section: SectionTechnologies, Layout: LayoutContent,
				Title: title, Body: md.String(), Notes: b.elementNotes(t.ID), Icon: ic})
		}
	}
	return out
}

// flowSlides lists the plain flows on one slide, then gives every flow
// with steps its own sequence diagram.
func (b *builder) flowSlides(spec model.SectionSpec, _ *Deck) []Slide {
	var md mdBuf
	var stepped []Slide
	for _, f := range b.m.Flows {
		if !chosen(spec, f.ID) {
			continue
		}
		if len(f.Steps) == 0 {
			line := fmt.Sprintf("**%s** → **%s**", mdText(b.name(f.From)), mdText(b.name(f.To)))
			if f.Label != "" {
				line += ": " + mdText(f.Label)
			}
			var how []string
			if f.Protocol != "" {
				how = append(how, mdText(f.Protocol))
			}
			if f.Async {
				how = append(how, b.words.Async)
			}
			if len(how) > 0 {
				line += " (" + strings.Join(how, ", ") + ")"
			}
			md.item(0, "%s", line)
			continue
		}
		s := Slide{ID: "flow-" + f.ID, Section: SectionFlows, Layout: LayoutDiagram,
			Title: firstNonEmpty(f.ScenarioTitle(), f.ID), Diagram: firstNonEmpty(b.parts("flow/" + f.ID)...),
			Notes: joinNotes(f.Description, b.elementNotes(f.ID))}
		if s.Diagram == "" {
			s.Layout = LayoutContent
			var steps mdBuf
			for i, st := range f.Steps {
				steps.line("%d. **%s** → **%s**: %s", i+1, mdText(b.name(st.From)), mdText(b.name(st.To)), mdText(st.Label))
			}
			s.Body = steps.String()
			stepped = append(stepped, s)
			continue
		}
		stepped = append(stepped, b.buildUp(b.splitSlide(s, "flow/"+f.ID), b.flowSteps(&f))...)
	}
	var out []Slide
	if md.Len() > 0 {
		out = append(out, Slide{ID: "flows", Section: SectionFlows, Layout: LayoutContent,
			Title: b.words.KeyFlows, Body: md.String()})
	}
	return append(out, stepped...)
}

func (b *builder) ideaSlides(spec model.SectionSpec, _ *Deck) []Slide {
	var out []Slide
	for i := range b.m.Ideas {
		x := &b.m.Ideas[i]
		if !chosen(spec, x.ID) {
			continue
		}
		var md mdBuf
		md.labelled(b.words.Problem, x.Problem)
		if len(x.Options) > 0 {
			md.head(b.words.Options)
			for _, o := range x.Options {
				md.item(0, "**%s** %s", mdText(o.Name), lead(o.Description))
				if len(o.Pros) > 0 {
					md.item(1, "%s%s%s", b.words.Pros, b.words.Colon, strings.Join(o.Pros, b.words.listSep()))
				}
				if len(o.Cons) > 0 {
					md.item(1, "%s%s%s", b.words.Cons, b.words.Colon, strings.Join(o.Cons, b.words.listSep()))
				}
			}
		}
		decision := x.Decision
		if x.Status != "" && decision != "" {
			decision += " (" + x.Status + ")"
		}
		md.labelled(b.words.Decision, decision)
		out = append(out, Slide{ID: "idea-" + x.ID, Section: SectionIdeas, Layout: LayoutContent,
			Title: x.Title, Body: md.String(), Notes: joinNotes(x.Consequences, b.elementNotes(x.ID))})
		out = append(out, b.optionSlides(x)...)
	}
	return out
}

func (b *builder) taskSlides(spec model.SectionSpec, _ *Deck) []Slide {
	var out []Slide
	for _, t := range b.m.Tasks {
		if !chosen(spec, t.ID) {
			continue
		}
		var md mdBuf
		md.labelled("S · "+b.words.Situation, t.Situation)
		md.labelled("T · "+b.words.Task, t.Task)
		md.labelled("A · "+b.words.Action, t.Action)
		md.labelled("R · "+b.words.Result, t.Result)
		if len(t.Tech) > 0 {
			names := make([]string, len(t.Tech))
			for i, id := range t.Tech {
				names[i] = mdText(b.name(id))
			}
			md.labelled(b.words.TechUsed, strings.Join(names, b.words.nameSep()))
		}
		out = append(out, Slide{ID: "task-" + t.ID, Section: SectionTasks, Layout: LayoutContent,
			Title: t.Title, Body: md.String(), Notes: b.elementNotes(t.ID)})
	}
	return out
}

func (b *builder) highlightSlides(spec model.SectionSpec, _ *Deck) []Slide {
	var out []Slide
	for _, t := range b.m.Tasks {
		if !chosen(spec, t.ID) || len(t.Highlights) == 0 {
			continue
		}
		var md mdBuf
		for _, h := range t.Highlights {
			md.item(0, "%s", h)
		}
		out = append(out, Slide{ID: "highlights-" + t.ID, Section: SectionHighlights, Layout: LayoutContent,
			Title: t.Title, Body: md.String()})
	}
	return out
}

// termsPerSlide keeps a glossary slide readable.
const termsPerSlide = 7

func (b *builder) glossarySlides(_ model.SectionSpec, _ *Deck) []Slide {
	var out []Slide
	g := b.m.Glossary
	for i := 0; i < len(g); i += termsPerSlide {
		var md mdBuf
		for _, t := range g[i:min(i+termsPerSlide, len(g))] {
			term := mdText(t.Term)
			if len(t.Aliases) > 0 {
				term += " (" + mdText(strings.Join(t.Aliases, ", ")) + ")"
			}
			md.item(0, "**%s** %s", term, lead(t.Definition))
		}
		id := "glossary"
		if i > 0 {
			id = fmt.Sprintf("glossary-%d", i/termsPerSlide+1)
		}
		out = append(out, Slide{ID: id, Section: SectionGlossary, Layout: LayoutContent, Title: b.words.Glossary, Body: md.String()})
	}
	return append(out, Slide{ID: "qa", Section: SectionGlossary, Layout: LayoutTitle, Title: b.words.QA, Body: b.words.QABody})
}

func nonEmpty(s ...string) []string {
	var out []string
	for _, x := range s {
		if strings.TrimSpace(x) != "" {
			out = append(out, strings.TrimSpace(x))
		}
	}
	return out
}

// summaryNotes gives the title slide the model's summary as notes when it
// says more than the subtitle's first line.
func (b *builder) summaryNotes() string {
	s := strings.TrimSpace(b.m.Summary)
	if s == lead(s) {
		return ""
	}
	return s
}
