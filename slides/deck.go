// Package slides turns a model into the architecture talk of the seed
// outline (title, business diagram, domains, stack, technologies, flows,
// ideas, tasks, highlights, glossary) and writes it as HTML, PDF, PPTX or
// a Marp Markdown deck.
package slides

import (
	"github.com/archdoc/archdoc/model"
	"github.com/archdoc/archdoc/render/scene"
)

// Deck is the talk: slides in order plus what every format needs to draw them.
type Deck struct {
	Title    string  `json:"title"`
	Subtitle string  `json:"subtitle,omitempty"`
	Author   string  `json:"author,omitempty"`
	Date     string  `json:"date,omitempty"`
	Lang     string  `json:"lang"`     // BCP 47 language of the UI text, e.g. zh-CN
	Duration int     `json:"duration"` // time budget in seconds, 0 = none
	Slides   []Slide `json:"slides"`

	// AllowHTML lets raw HTML in slide Markdown through (model.Settings.AllowHTML).
	AllowHTML bool `json:"-"`
	// Scenes holds the laid-out diagrams the slides refer to, by view id.
	Scenes map[string]*scene.Scene `json:"-"`
}

// Slide is one slide. Body is Markdown; Diagram is a view id whose scene is
// in Deck.Scenes (empty when the slide has no diagram).
type Slide struct {
	ID      string `json:"id"`               // stable, unique; keys presentation.notes
	Section string `json:"section"`          // one of the Section constants
	Layout  string `json:"layout"`           // one of the Layout constants
	Kicker  string `json:"kicker,omitempty"` // small line above the title: the section's name
	Title   string `json:"title"`
	Body    string `json:"body,omitempty"`
	Diagram string `json:"diagram,omitempty"`
	Notes   string `json:"notes,omitempty"`
	Seconds int    `json:"seconds,omitempty"` // share of the time budget
	// Steps build the diagram up in the HTML deck (see Step); nil shows it whole.
	Steps []Step `json:"steps,omitempty"`
	// Icon is drawn beside the title: a technology's slide shows its
	// icon, as the stack slide does; nil for none.
	Icon *scene.Icon `json:"-"`
}

// Sections, in the default order of the talk.
const (
	SectionTitle        = "title"
	SectionBusiness     = "business"
	SectionDomains      = "domains"
	SectionStack        = "stack"
	SectionTechnologies = "technologies"
	SectionFlows        = "flows"
	SectionIdeas        = "ideas"
	SectionTasks        = "tasks"
	SectionHighlights   = "highlights"
	SectionGlossary     = "glossary"
	SectionSlides       = "slides" // hand-written slides from presentation.slides
)

// DefaultSections is the seed outline's order.
var DefaultSections = []string{
	SectionTitle, SectionBusiness, SectionDomains, SectionStack, SectionTechnologies,
	SectionFlows, SectionIdeas, SectionTasks, SectionHighlights, SectionGlossary,
}

// Layouts say how a slide is arranged.
const (
	LayoutTitle   = "title"   // big centred title and subtitle
	LayoutContent = "content" // title and Markdown body
	LayoutDiagram = "diagram" // title and a diagram filling the slide
	LayoutSplit   = "split"   // title, body on the left, diagram on the right
)

// Scene returns the scene of the slide's diagram, or nil.
func (d *Deck) Scene(s Slide) *scene.Scene {
	if s.Diagram == "" || d.Scenes == nil {
		return nil
	}
	return d.Scenes[s.Diagram]
}

// Build makes the deck of m. scenes holds laid-out views by view id
// ("business", "stack", "domain/<id>", "flow/<id>" ...); slides whose
// diagram is missing fall back to text. Problems in m.Presentation are
// returned as model.Errors with positions.
func Build(m *model.Model, scenes map[string]*scene.Scene) (*Deck, error) {
	b := &builder{m: m, scenes: scenes, words: wordsFor(m.Language)}
	return b.build()
}
