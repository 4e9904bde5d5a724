package site

import (
	"bytes"
	"context"
	"fmt"
	"html/template"
	"net/url"
	"strings"

	"github.com/archdoc/archdoc/model"
	"github.com/archdoc/archdoc/render"
	"github.com/archdoc/archdoc/render/scene"
	"github.com/archdoc/archdoc/render/svg"
)

// defaultScenes lays out every view of the model.
var defaultScenes SceneFunc = func(ctx context.Context, m *model.Model) ([]*scene.Scene, error) {
	return render.NewLayouts().ScenesWithOptions(ctx, m)
}

// Diagram draws the view with id viewID as inline SVG whose boxes link to
// their pages (relative to this page), followed by a link to the same
// diagram as a standalone .svg file (for zooming on a phone or saving).
// "" when the view has no scene.
func (p *page) Diagram(viewID string) template.HTML {
	s, ok := p.b.scenes[viewID]
	if !ok {
		return ""
	}
	inline, err := p.b.svg(s, p.Root, false)
	if err != nil {
		p.warnings = append(p.warnings, viewID+": "+err.Error())
		return ""
	}
	file := diagramFile(viewID)
	p.diagrams = append(p.diagrams, viewID) // drawn once, after the pages
	// The SVG renderer XML-escapes all model text and writes only its own
	// markup, so it can be inlined as is; the file name is made safe by
	// diagramFile and the label is ours.
	return template.HTML(string(inline) + p.overviewNote(s) + `<a class="diagram-open" href="` + template.HTMLEscapeString(p.Root+file) + `">` +
		template.HTMLEscapeString(p.T["openDiagram"]) + "</a>")
}

// overviewNote tells the reader how a diagram departs from a box-by-box
// drawing (see scene.Fallbacks): why a large view shows domains (or
// technologies) and that not every link is drawn, that other domains
// are one box each, that boxes sit on a plain grid or arrows are
// straight. The build's warnings told the engineer; this tells the reader.
func (p *page) overviewNote(s *scene.Scene) string {
	f := s.Fallbacks
	var notes []string
	if f.DomainLevel || f.ChosenDomainLevel {
		note := p.T["domainLevel"]
		switch {
		case f.ChosenDomainLevel: // the model asked: no excuse to make
			note = p.T["chosenLevel"]
		case f.Reason != nil && f.Reason.Why != scene.WhyTooLarge:
			note = p.T["domainLevelWhy"] // not too large: the reason says what
		}
		if s.ID == "stack" {
			note = p.T["techsOnly"]
		}
		if f.HiddenEdges > 0 {
			note += p.T["strongestArrows"] // English starts with a space, Chinese needs none
		}
		notes = append(notes, note)
		if why := p.reason(f.Reason); why != "" {
			notes = append(notes, why)
		}
	}
	if f.CollapsedNeighbours > 0 {
		notes = append(notes, p.T["neighbourDomains"])
	}
	switch {
	case f.GridLayout:
		notes = append(notes, p.T["gridLayout"])
	case f.StraightEdges > 0:
		notes = append(notes, p.T["straightEdges"])
	}
	var b strings.Builder
	for _, n := range notes {
		b.WriteString(`<p class="diagram-note">` + template.HTMLEscapeString(n) + "</p>")
	}
	return b.String()
}

// reason says in the page's language why the view is not drawn box by
// box (see render's quality checks), or "" when the scene does not say.
func (p *page) reason(r *scene.Reason) string {
	if r == nil {
		return ""
	}
	format, ok := p.T["why."+r.Why]
	if !ok {
		return ""
	}
	return fmt.Sprintf(format, r.Value, r.Limit)
}

// svg renders s with links relative to root.
func (b *builder) svg(s *scene.Scene, root string, standalone bool) ([]byte, error) {
	href := func(id string) string {
		e, ok := b.m.Element(id)
		if !ok {
			return ""
		}
		if u := b.md.elementURL(e); u != "" {
			return root + u
		}
		return ""
	}
	draw := func(href func(string) string) ([]byte, error) {
		var buf bytes.Buffer
		err := svg.Render(&buf, s, svg.Options{Standalone: standalone, Href: href})
		return buf.Bytes(), err
	}
	if b.cfg.drawings == nil {
		return draw(href)
	}
	return b.cfg.drawings.draw(drawingKey{s, root, standalone}, href, draw)
}

// diagramFile is where the standalone SVG of a view goes:
// "diagrams/business.svg", "diagrams/module/<id>.svg" ...
func diagramFile(viewID string) string {
	kind, id, nested := strings.Cut(viewID, "/")
	if !nested {
		return "diagrams/" + fileName(kind) + ".svg"
	}
	name, _ := url.PathUnescape(fileName(id))
	return "diagrams/" + fileName(kind) + "/" + name + ".svg"
}
