package site

import (
	"encoding/base64"
	"html/template"

	"github.com/archdoc/archdoc/model"
	"github.com/archdoc/archdoc/render/icon"
)

// techIcon is techIcon(t), made once per technology by newBuilder: a
// 1,000-module site names each technology on hundreds of pages, and
// pages render in parallel, so the table is only read here.
func (b *builder) techIcon(t *model.Technology) template.HTML {
	if t == nil {
		return ""
	}
	return b.icons[t.ID]
}

// techIcon is technology t's icon as inline HTML, the same one its
// diagram tile shows: a bundled icon as an inline <svg> path, the user's
// own file as an <img> of a data: URL, so pages work offline and from
// file:// with nothing to copy. "" when t has none. The picture is
// decorative: the technology's name always stands beside it.
func techIcon(t *model.Technology) template.HTML {
	i, ok := icon.For(t)
	if !ok {
		return ""
	}
	switch {
	case i.Path != "":
		return template.HTML(`<svg class="tech-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="` +
			template.HTMLEscapeString(i.Color) + `" d="` + template.HTMLEscapeString(i.Path) + `"/></svg>`)
	case len(i.Image) > 0 && (i.MIME == "image/svg+xml" || i.MIME == "image/png"):
		// An SVG shown through <img> runs no script; base64 needs no escaping.
		return template.HTML(`<img class="tech-icon" alt="" src="data:` + i.MIME + ";base64," +
			base64.StdEncoding.EncodeToString(i.Image) + `">`)
	}
	return ""
}
