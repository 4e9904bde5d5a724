package site

import (
	"html/template"
	"strings"

	"github.com/archdoc/archdoc/internal/uilang"
	"github.com/archdoc/archdoc/model"
	"github.com/archdoc/archdoc/model/delta"
	"github.com/archdoc/archdoc/render/view"
)

// changeWords are the words of an option's before/after drawings, by
// language ("zh" or "en"); kept here rather than in the UI table so the
// feature stays in one file.
var changeWords = map[string]map[string]string{
	"en": {"before": "As is", "after": "With this option", "added": "added", "removed": "removed", "changed": "changed", "summary": "What changes: "},
	"zh": {"before": "现状", "after": "采用此方案后", "added": "新增", "removed": "移除", "changed": "修改", "summary": "改动："},
}

// OptionChanges draws option n of idea x when it describes changes: a
// generated summary, a legend, and the business view before and after
// side by side. "" for an option without changes.
func (p *page) OptionChanges(x *model.Idea, n int) template.HTML {
	if n < 0 || n >= len(x.Options) || x.Options[n].Changes == nil {
		return ""
	}
	idea := -1
	for i := range p.b.m.Ideas {
		if &p.b.m.Ideas[i] == x {
			idea = i
		}
	}
	if idea < 0 {
		return ""
	}
	zh := uilang.IsChinese(p.b.m.Language)
	w := changeWords["en"]
	if zh {
		w = changeWords["zh"]
	}
	summary := delta.Summary(delta.Compare(p.b.m, delta.ToBe(p.b.m, idea, n)), zh)
	id := view.OptionViewID(x.ID, n)
	esc := template.HTMLEscapeString
	var b strings.Builder
	b.WriteString(`<div class="option-changes"><h4>` + esc(x.Options[n].Name) + `</h4><p class="change-summary">` + esc(w["summary"]+summary) + `</p>`)
	b.WriteString(`<p class="change-legend"><span class="chg chg-added">` + esc(w["added"]) + `</span> <span class="chg chg-removed">` +
		esc(w["removed"]) + `</span> <span class="chg chg-changed">` + esc(w["changed"]) + `</span></p>`)
	b.WriteString(`<div class="before-after">`)
	for _, side := range []string{"before", "after"} {
		b.WriteString(`<figure class="diagram ` + side + `"><figcaption>` + esc(w[side]) + `</figcaption>`)
		b.WriteString(string(p.Diagram(id + "-" + side)))
		b.WriteString(`</figure>`)
	}
	b.WriteString(`</div></div>`)
	return template.HTML(b.String())
}
