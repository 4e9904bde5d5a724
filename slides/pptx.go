package slides

import (
	"io"

	"github.com/archdoc/archdoc/render/pptx"
)

// WritePPTX writes the deck as a native PowerPoint file: editable titles
// and bullets, notes pages, diagrams as shapes.
func WritePPTX(w io.Writer, d *Deck) error {
	return pptx.Write(w, PPTX(d))
}

// WritePPTXTemplate writes the deck on a company template (see
// pptx.ReadTemplate): its masters, layouts and theme.
func WritePPTXTemplate(w io.Writer, d *Deck, t *pptx.Template) error {
	p := PPTX(d)
	p.Template = t
	return pptx.Write(w, p)
}

// PPTX converts the deck into the pptx writer's presentation.
func PPTX(d *Deck) *pptx.Presentation {
	md := newMarkdown(false, nil)
	p := &pptx.Presentation{Title: d.Title, Author: d.Author, Lang: d.Lang}
	for _, s := range d.Slides {
		ps := pptx.Slide{Layout: pptx.LayoutContent, Kicker: s.Kicker, Title: s.Title, Diagram: d.Scene(s), Notes: md.Paragraphs(s.Notes), Icon: s.Icon}
		if s.Section == SectionAppendix {
			ps.Layout = pptx.LayoutSection
		} else if s.Layout == LayoutTitle {
			ps.Layout = pptx.LayoutTitle
		}
		if ps.Diagram == nil || s.Layout != LayoutDiagram {
			ps.Body = md.Paragraphs(s.Body)
		}
		ps.Split = s.Layout == LayoutSplit
		p.Slides = append(p.Slides, ps)
	}
	return p
}
