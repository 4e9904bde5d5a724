package pptx

import (
	"bytes"
	"encoding/xml"
	"strconv"
	"strings"
	"unicode"
)

func itoa(n int) string { return strconv.Itoa(n) }

// esc escapes text for XML and drops characters XML cannot hold.
func esc(s string) string {
	s = strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' || (r >= 0x20 && r != 0xFFFE && r != 0xFFFF && !(r >= 0xD800 && r <= 0xDFFF)) {
			return r
		}
		return -1
	}, s)
	var b bytes.Buffer
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) || unicode.In(r, unicode.Hiragana, unicode.Katakana, unicode.Hangul) {
			return true
		}
	}
	return false
}

// textStyle is what a run needs besides its text.
type textStyle struct {
	lang   string
	size   int    // hundredths of a point; 0 = inherit
	color  string // RRGGBB; "" = inherit
	bold   bool
	italic bool
	code   bool
	// own is text outside every placeholder (diagram labels, the
	// kicker): it names the theme's fonts itself, as a placeholder's text
	// gets them from the master's styles.
	own bool
}

// run writes one <a:r>; newlines become <a:br/>.
func run(b *bytes.Buffer, text string, st textStyle) {
	for i, line := range strings.Split(text, "\n") {
		if i > 0 {
			b.WriteString(`<a:br>`)
			rPr(b, line, st)
			b.WriteString(`</a:br>`)
		}
		if line == "" {
			continue
		}
		b.WriteString(`<a:r>`)
		rPr(b, line, st)
		b.WriteString(`<a:t>` + esc(line) + `</a:t></a:r>`)
	}
}

// rPr writes run properties: the language (zh-CN for CJK text so spell
// checking and font fallback behave), size and style. Fonts are the
// theme's (a template's theme brings its own): a placeholder's text gets
// them from the master; other text and code name them.
func rPr(b *bytes.Buffer, text string, st textStyle) {
	lang := st.lang
	if hasHan(text) && !strings.HasPrefix(lang, "zh") && !strings.HasPrefix(lang, "ja") && !strings.HasPrefix(lang, "ko") {
		lang = "zh-CN"
	}
	b.WriteString(`<a:rPr lang="` + esc(lang) + `" altLang="en-US"`)
	if st.size > 0 {
		b.WriteString(` sz="` + itoa(st.size) + `"`)
	}
	if st.bold {
		b.WriteString(` b="1"`)
	}
	if st.italic {
		b.WriteString(` i="1"`)
	}
	b.WriteString(` dirty="0">`)
	if st.color != "" {
		b.WriteString(`<a:solidFill><a:srgbClr val="` + st.color + `"/></a:solidFill>`)
	}
	switch {
	case st.code:
		b.WriteString(`<a:latin typeface="` + codeFont + `" pitchFamily="49"/><a:ea typeface="+mn-ea"/><a:cs typeface="` + codeFont + `" pitchFamily="49"/>`)
	case st.own:
		b.WriteString(themeFonts)
	}
	b.WriteString(`</a:rPr>`)
}

// paragraphs writes body paragraphs. center centres them (title layout).
func paragraphs(b *bytes.Buffer, ps []Paragraph, lang string, center bool) {
	if len(ps) == 0 {
		b.WriteString(`<a:p><a:endParaRPr lang="` + esc(lang) + `"/></a:p>`)
		return
	}
	for _, p := range ps {
		b.WriteString(`<a:p>`)
		pPr(b, p, center)
		for _, r := range p.Runs {
			run(b, r.Text, textStyle{lang: lang, bold: r.Bold, italic: r.Italic, code: r.Code})
		}
		b.WriteString(`</a:p>`)
	}
}

func pPr(b *bytes.Buffer, p Paragraph, center bool) {
	lvl := min(max(p.Level, 0), 8)
	algn := ""
	if center {
		algn = ` algn="ctr"`
	}
	switch {
	case p.Number > 0:
		marL := 457200 * (lvl + 1)
		b.WriteString(`<a:pPr lvl="` + itoa(lvl) + `" marL="` + itoa(marL) + `" indent="-457200"` + algn + `>` +
			`<a:buFont typeface="+mj-lt"/><a:buAutoNum type="arabicPeriod" startAt="` + itoa(p.Number) + `"/></a:pPr>`)
	case p.Bullet:
		b.WriteString(`<a:pPr lvl="` + itoa(lvl) + `"` + algn + `/>`)
	default:
		b.WriteString(`<a:pPr marL="` + itoa(457200*lvl) + `" indent="0"` + algn + `><a:buNone/></a:pPr>`)
	}
}
