package drawio

import (
	"unicode"

	"github.com/archdoc/archdoc/model"
)

// guessLanguage names the language of the generated UI for a diagram
// written in Chinese, so the seed's engineer, importing a Chinese diagram,
// gets Chinese pages and slides rather than English headings over Chinese
// boxes. It answers zh-CN when Han characters outnumber Latin letters in
// the names, descriptions, labels and notes, and no kana or Hangul says
// Japanese or Korean; otherwise "" (the default).
func guessLanguage(m *model.Model) string {
	var han, latin, other int
	count := func(s string) {
		for _, r := range s {
			switch {
			case unicode.In(r, unicode.Hiragana, unicode.Katakana, unicode.Hangul):
				other++
			case unicode.Is(unicode.Han, r):
				han++
			case unicode.In(r, unicode.Latin):
				latin++
			}
		}
	}
	for _, a := range m.Actors {
		count(a.Name)
		count(a.Description)
	}
	var domains func(ds []model.Domain)
	domains = func(ds []model.Domain) {
		for _, d := range ds {
			count(d.Name)
			count(d.Description)
			for _, mo := range d.Modules {
				count(mo.Name)
				count(mo.Description)
				for _, f := range mo.Features {
					count(f)
				}
			}
			domains(d.Domains)
		}
	}
	domains(m.Domains)
	for _, f := range m.Flows {
		count(f.Label)
	}
	for _, n := range m.Notes {
		count(n.Text)
	}
	if other == 0 && han > latin {
		return "zh-CN"
	}
	return ""
}
