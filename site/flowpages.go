package site

import (
	"html/template"
	"strings"

	"github.com/archdoc/archdoc/model"
	"github.com/archdoc/archdoc/render/layout"
)

type stepRow struct {
	Step     model.Step
	From, To link
}

func (b *builder) flowPages() error {
	p := b.newPage("flows.html", b.ui["flows"])
	p.D = struct{ Flows []flowRow }{b.flowRows(p, nil)}
	if err := b.emit("flows", p); err != nil {
		return err
	}
	for _, e := range b.elems {
		if e.Kind != model.KindFlow {
			continue
		}
		f := e.Flow
		p := b.newPage(filePath(e), b.elementName(e))
		p.Crumbs = []link{{Href: p.Root + "flows.html", Label: b.ui["flows"]}}
		var steps []stepRow
		for _, s := range f.Steps {
			steps = append(steps, stepRow{Step: s, From: p.ref(s.From), To: p.ref(s.To)})
		}
		p.D = struct {
			Flow     *model.Flow
			ViewID   string
			From, To link
			Steps    []stepRow
			Ends     template.HTML
		}{f, "flow/" + e.ID, p.ref(f.From), p.ref(f.To), steps, b.flowEnds(p, e.ID)}
		text := strings.Join([]string{f.Protocol, f.Data, plain(f.Description)}, "\n")
		for _, s := range f.Steps {
			text += "\n" + s.Label + " " + plain(s.Note)
		}
		b.addSearch("flow", b.elementName(e), PageURL(e), text)
		if err := b.emit("flow", p); err != nil {
			return err
		}
	}
	return nil
}

// flowEnds draws a flow without steps as its two ends and its arrow
// (layout.Pair, no Graphviz), inline: a page that is otherwise a title
// and a sentence shows what talks to what.
func (b *builder) flowEnds(p *page, id string) template.HTML {
	v, ok := b.ends[id]
	if !ok {
		return ""
	}
	s, err := layout.Pair(v)
	if err == nil {
		var svg []byte
		if svg, err = b.svg(s, p.Root, false); err == nil {
			// The SVG renderer escapes all model text (see page.Diagram).
			return template.HTML(svg)
		}
	}
	b.report.Warnings = append(b.report.Warnings, "flow/"+id+": "+err.Error())
	return ""
}
