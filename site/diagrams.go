package site

import (
	"bytes"
	"context"
	"html/template"

	"github.com/archdoc/archdoc/model"
	"github.com/archdoc/archdoc/render"
	"github.com/archdoc/archdoc/render/scene"
	"github.com/archdoc/archdoc/render/svg"
)

// defaultScenes lays out every view of the model.
var defaultScenes SceneFunc = func(ctx context.Context, m *model.Model) ([]*scene.Scene, error) {
	return render.Scenes(ctx, m)
}

// Diagram draws the view with id viewID as inline SVG whose boxes link to
// their pages (relative to this page). "" when the view has no scene.
func (p *page) Diagram(viewID string) template.HTML {
	s, ok := p.b.scenes[viewID]
	if !ok {
		return ""
	}
	var buf bytes.Buffer
	err := svg.Render(&buf, s, svg.Options{Href: func(id string) string {
		e, ok := p.b.m.Element(id)
		if !ok {
			return ""
		}
		if u := p.b.md.elementURL(e); u != "" {
			return p.Root + u
		}
		return ""
	}})
	if err != nil {
		p.b.report.Warnings = append(p.b.report.Warnings, viewID+": "+err.Error())
		return ""
	}
	p.b.report.Diagrams++
	// The SVG renderer XML-escapes all model text and writes only its own
	// markup, so it can be inlined as is.
	return template.HTML(buf.String())
}
