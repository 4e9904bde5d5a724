package measure

import (
	"math"
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

// Wrap breaks text into lines no wider than maxWidth at fontSize (see
// WrapGrow; here a word is never wider than the line may grow).
func Wrap(text string, maxWidth, fontSize float64) []string {
	return WrapGrow(text, maxWidth, maxWidth, fontSize)
}

// WrapGrow breaks text into lines no wider than maxWidth at fontSize, the
// way a reader expects: between CJK characters anywhere (keeping closing
// punctuation off the start of a line and no Chinese character alone on
// one), Latin text at spaces; a Latin word too long for a line at its case
// changes ("HomeTimeline|Service") and after - _ / . ; and inside a word
// only when a piece without such a place is wider than limit, the widest
// the box may grow: a piece up to limit wide gets a line of its own
// ("recommendationservice" is not cut into "recommendationservi|ce"). A
// newline in text always starts a new line. Lines carry no leading or
// trailing spaces. maxWidth <= 0 means "do not wrap". Invalid UTF-8 comes
// back as U+FFFD.
func WrapGrow(text string, maxWidth, limit, fontSize float64) []string {
	var out []string
	text = strings.ToValidUTF8(text, "\uFFFD")
	for _, para := range strings.Split(strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(text), "\n") {
		out = append(out, wrapParagraph(para, maxWidth, math.Max(limit, maxWidth), fontSize)...)
	}
	return out
}

// filler fills lines greedily with pieces of text.
type filler struct {
	maxWidth, limit, fs float64
	line                string
	lines               []string
}

func (f *filler) fits(s string, width float64) bool {
	return Width(strings.TrimRight(s, " "), f.fs) <= width
}

func (f *filler) flush() {
	if l := strings.TrimSpace(f.line); l != "" {
		f.lines = append(f.lines, l)
	}
	f.line = ""
}

// add puts piece on the current line, or on a new one when it does not
// fit; it reports false, adding nothing, when piece alone is wider than a
// line.
func (f *filler) add(piece string) bool {
	if f.fits(f.line+piece, f.maxWidth) {
		f.line += piece
		return true
	}
	piece = strings.TrimLeft(piece, " ")
	if !f.fits(piece, f.maxWidth) {
		return false
	}
	f.flush()
	f.line = piece
	return true
}

// addWord adds a word (an atom) that may be wider than a line: split at
// its soft breaks, each piece on a line of its own when it is wider than
// a line but not than limit, cut where it must be cut when wider still.
func (f *filler) addWord(word string) {
	if f.add(word) {
		return
	}
	for _, piece := range softPieces(word) {
		if f.add(piece) {
			continue
		}
		f.flush()
		piece = strings.TrimLeft(piece, " ")
		if f.fits(piece, f.limit) {
			f.line = piece
			f.flush()
			continue
		}
		f.cut(piece)
	}
}

// cut breaks a piece with no better place to break where the line is full.
func (f *filler) cut(piece string) {
	for _, r := range piece {
		s := string(r)
		if f.line != "" && !f.fits(f.line+s, f.maxWidth) {
			f.flush()
		}
		if f.line == "" && s == " " {
			continue
		}
		f.line += s
	}
}

func wrapParagraph(text string, maxWidth, limit, fontSize float64) []string {
	text = strings.TrimSpace(text)
	if text == "" {
		return []string{""}
	}
	if maxWidth <= 0 || Width(text, fontSize) <= maxWidth {
		return []string{text}
	}
	f := &filler{maxWidth: maxWidth, limit: limit, fs: fontSize}
	for _, atom := range atoms(text) {
		f.addWord(atom)
	}
	f.flush()
	if len(f.lines) == 0 {
		return []string{""}
	}
	return noLoneHan(f.lines, maxWidth, fontSize)
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
	case a == '－' || a == '／':
		return true
	case isWide(a) || isWide(b):
		return true
	}
	return false
}

// softPieces splits a Latin word at the places a too long word breaks
// best: case changes ("Home|Timeline", "HTTP|Server") and after - _ / .
// ("order-|service", "v1.2" stays whole).
func softPieces(word string) []string {
	var out []string
	runes := []rune(word)
	last := 0
	for i := 1; i < len(runes); i++ {
		if softBreak(runes, i) {
			out = append(out, string(runes[last:i]))
			last = i
		}
	}
	return append(out, string(runes[last:]))
}

// softBreak reports whether a too long word may break before runes[i].
func softBreak(runes []rune, i int) bool {
	a, b := runes[i-1], runes[i]
	switch {
	case strings.ContainsRune(noLineStart, b), strings.ContainsRune(noLineEnd, a), unicode.IsSpace(b):
		return false
	case a == '/' || a == '_':
		return true
	case a == '-':
		return !isDigit(b)
	case a == '.':
		return i >= 2 && unicode.IsLetter(runes[i-2]) && unicode.IsLetter(b)
	case unicode.IsUpper(b):
		return unicode.IsLower(a) || isDigit(a) ||
			unicode.IsUpper(a) && i+1 < len(runes) && unicode.IsLower(runes[i+1])
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

// Unbroken is text as one line, the way a tooltip shows a label: the
// model's own line breaks (and the breaks between parts, such as a name
// and its details) joined as Unwrap joins lines, wrapping's breaks never
// made. "HomeTimelineService" stays one word, not "HomeTimeline Service".
func Unbroken(parts ...string) string {
	var lines []string
	for _, p := range parts {
		for _, l := range strings.Split(strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(p), "\n") {
			if l = strings.TrimSpace(l); l != "" {
				lines = append(lines, l)
			}
		}
	}
	return Unwrap(lines)
}
