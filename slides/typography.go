package slides

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/archdoc/archdoc/internal/lazyre"
)

// joinLines removes the line breaks inside a paragraph that would show as
// a space between Chinese (or Japanese) text: after CJK punctuation, and
// between two CJK characters. A break before a list item, a heading, a
// quote or a blank line stays: it is structure, not wrapping.
func joinLines(s string) string {
	lines := strings.Split(s, "\n")
	var b strings.Builder
	for i, line := range lines {
		if i > 0 {
			prev, _ := utf8.DecodeLastRuneInString(strings.TrimRight(lines[i-1], " \t"))
			next, _ := utf8.DecodeRuneInString(strings.TrimLeft(line, " \t"))
			if strings.TrimSpace(line) != "" && strings.TrimSpace(lines[i-1]) != "" && !blockStart().MatchString(line) &&
				(cjkPunct(prev) || cjk(prev) && cjk(next)) {
				b.WriteString(strings.TrimLeft(line, " \t"))
				continue
			}
			b.WriteString("\n")
		}
		b.WriteString(line)
	}
	return b.String()
}

// blockStart matches a Markdown line that begins a block of its own.
var blockStart = lazyre.New(`^\s*([-*+]\s|\d+[.)]\s|#|>|\x60\x60\x60|\|)`)

func cjk(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) || cjkPunct(r)
}

// cjkPunct is full-width punctuation: it carries its own spacing.
func cjkPunct(r rune) bool {
	return r >= 0x3000 && r <= 0x303F || r >= 0xFF01 && r <= 0xFF65 && !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

// listSep joins short items (pros, cons) in the deck's language.
func (w words) listSep() string {
	if w.Colon == "：" {
		return "；"
	}
	return "; "
}

// nameSep joins names (the technologies of a task) in the deck's language.
func (w words) nameSep() string {
	if w.Colon == "：" {
		return "、"
	}
	return ", "
}

// maxLead is how long a one-line description on a slide may be, in runes.
const maxLead = 60

// lead is the start of a description for a slide bullet: its first
// paragraph, lines joined, cut at the last sentence or clause boundary
// before maxLead and ended with an ellipsis when cut.
func lead(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.Index(s, "\n\n"); i >= 0 {
		s = s[:i]
	}
	s = strings.Join(strings.Fields(joinLines(s)), " ")
	if utf8.RuneCountInString(s) <= maxLead {
		return s
	}
	runes := []rune(s)[:maxLead]
	cut := -1
	for _, ends := range []string{"。！？.!?", "；;：:，,、"} {
		for i := len(runes) - 1; i > maxLead/3 && cut < 0; i-- {
			if strings.ContainsRune(ends, runes[i]) {
				cut = i
			}
		}
		if cut >= 0 {
			break
		}
	}
	if cut < 0 { // no boundary: cut at a space, else anywhere
		cut = len(runes)
		if i := strings.LastIndex(string(runes), " "); i > 0 {
			cut = utf8.RuneCountInString(string(runes)[:i])
		}
	}
	return strings.TrimRight(string(runes[:cut]), " ") + "…"
}
