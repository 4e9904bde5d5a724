package site

import (
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

// techIcon is technology t's icon as inline HTML (see icon.HTML), the
// same one its diagram tile shows; "" when t has none.
func techIcon(t *model.Technology) template.HTML {
	i, ok := icon.For(t)
	if !ok {
		return ""
	}
	return template.HTML(icon.HTML(i, "tech-icon")) // icon.HTML escapes the model's text
}
