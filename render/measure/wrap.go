package measure

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// noLineStart are characters a line must not begin with (simple kinsoku
// shori): closing punctuation stays with the character before it.
const noLineStart = "，。、；：！？）」』》】〕〉”’,.;:!?)]}%…·ー"

// noLineEnd are characters a line must not end with: opening punctuation
// stays with the character after it.
const noLineEnd = "（「『《【〔〈“‘([{"

// Wrap breaks text into lines no wider than maxWidth at fontSize. It breaks
// between CJK characters anywhere (keeping closing punctuation off the start
// of a line), Latin text after spaces, hyphens and slashes, and hard-breaks
// a word that is wider than a whole line. A newline in text always starts a
// new line. Lines carry no leading or trailing spaces. maxWidth <= 0 means
// "do not wrap". Invalid UTF-8 comes back as U+FFFD.
func Wrap(text string, maxWidth, fontSize float64) []string {
	var out []string
	text = strings.ToValidUTF8(text, "\uFFFD")
	for _, para := range strings.Split(strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(text), "\n") {
		out = append(out, wrapParagraph(para, maxWidth, fontSize)...)
	}
	return out
}

func wrapParagraph(text string, maxWidth, fontSize float64) []string {
	text = strings.TrimSpace(text)
	if text == "" {
		return []string{""}
	}
	if maxWidth <= 0 || Width(text, fontSize) <= maxWidth {
		return []string{text}
	}
	var lines []string
	line := ""
	flush := func() {
		if l := strings.TrimSpace(line); l != "" {
			lines = append(lines, l)
		}
		line = ""
	}
	for _, atom := range atoms(text) {
		candidate := line + atom
		if Width(strings.TrimRight(candidate, " "), fontSize) <= maxWidth {
			line = candidate
			continue
		}
		flush()
		atom = strings.TrimLeft(atom, " ")
		if Width(strings.TrimRight(atom, " "), fontSize) <= maxWidth {
			line = atom
			continue
		}
		// A word wider than a whole line: cut it where it must be cut.
		for _, r := range atom {
			s := string(r)
			if line != "" && Width(strings.TrimRight(line+s, " "), fontSize) > maxWidth {
				flush()
			}
			if line == "" && s == " " {
				continue
			}
			line += s
		}
	}
	flush()
	if len(lines) == 0 {
		return []string{""}
	}
	return noLoneHan(lines, maxWidth, fontSize)
}

// LoneHan reports a line that holds one Chinese character and nothing
// else but punctuation ("利", "数。").
func LoneHan(line string) bool {
	han, other := 0, 0
	for _, r := range line {
		switch {
		case unicode.Is(unicode.Han, r):
			han++
		case !unicode.IsPunct(r) && !strings.ContainsRune(noLineStart+noLineEnd, r):
			other++
		}
	}
	return han == 1 && other == 0
}

// noLoneHan moves the last piece of a line onto the next when that next
// line would be a single Chinese character: "是否有返|利" reads as a
// mistake, "是否有|返利" does not. A moved piece keeps its punctuation.
func noLoneHan(lines []string, maxWidth, fontSize float64) []string {
	for i := 1; i < len(lines); i++ {
		if !LoneHan(lines[i]) {
			continue
		}
		prev := atoms(lines[i-1])
		last := prev[len(prev)-1]
		lr, _ := utf8.DecodeLastRuneInString(last)
		fr, _ := utf8.DecodeRuneInString(last)
		if len(prev) < 2 || !isWide(lr) || !isWide(fr) || Width(last+lines[i], fontSize) > maxWidth {
			continue
		}
		lines[i-1] = strings.TrimRight(strings.Join(prev[:len(prev)-1], ""), " ")
		lines[i] = last + lines[i]
	}
	return lines
}

// atoms splits text into the smallest pieces a line may break between.
func atoms(text string) []string {
	var out []string
	cur := []rune{}
	emit := func() {
		if len(cur) > 0 {
			out = append(out, string(cur))
			cur = cur[:0]
		}
	}
	runes := []rune(text)
	for i, r := range runes {
		cur = append(cur, r)
		if i+1 < len(runes) && canBreakBetween(r, runes[i+1]) {
			emit()
		}
	}
	emit()
	return out
}

// canBreakBetween reports whether a line may end after a and begin with b.
func canBreakBetween(a, b rune) bool {
	switch {
	case strings.ContainsRune(noLineStart, b), strings.ContainsRune(noLineEnd, a):
		return false
	case unicode.IsSpace(b):
		return false // spaces stay at the end of the line they follow
	case unicode.IsSpace(a):
		return true
	case a == '-' || a == '/' || a == '－' || a == '／':
		return !unicode.IsSpace(b) && !isDigit(b) || a == '/'
	case isWide(a) || isWide(b):
		return true
	}
	return false
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

func isWide(r rune) bool {
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return true
	}
	return false
}

// Unwrap joins lines Wrap made back into one line of text, for tooltips:
// with a space between lines, except between two Chinese characters,
// where Wrap breaks without one ("合并", not "合 并").
func Unwrap(lines []string) string {
	var b strings.Builder
	for i, l := range lines {
		if i > 0 && b.Len() > 0 && l != "" {
			last, _ := utf8.DecodeLastRuneInString(b.String())
			first, _ := utf8.DecodeRuneInString(l)
			if !isWide(last) || !isWide(first) {
				b.WriteByte(' ')
			}
		}
		b.WriteString(l)
	}
	return b.String()
}
