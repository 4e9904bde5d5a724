package drawio

import (
	"html"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/archdoc/archdoc/internal/lazyre"
)

// label is a draw.io cell value turned into clean text lines.
type label struct {
	lines    []string // cleaned, non-empty, in order
	listItem []bool   // lines[i] came from <li> or a "1." / "-" prefix
	// ruled is how many lines stand above a horizontal rule (<hr>), the
	// way list shapes (and archdoc's export) set a name over details; 0
	// without a rule.
	ruled int
}

// numberedItem matches a hand-numbered list item: "1.", "2、", "3)".
var numberedItem = lazyre.New(`^[0-9]{1,3}\s*[.、)）．:：]`)

// blockTags end a line of text in a draw.io HTML label.
var blockTags = map[string]bool{
	"br": true, "div": true, "p": true, "li": true, "ul": true, "ol": true,
	"tr": true, "table": true, "h1": true, "h2": true, "h3": true, "h4": true,
	"h5": true, "h6": true, "hr": true, "blockquote": true, "pre": true,
}

// parseLabel cleans a cell value. With isHTML the value is an HTML
// fragment: tags are dropped, entities decoded and block tags
// (<br>, <div>, <li> ...) break lines; otherwise newlines break lines.
func parseLabel(value string, isHTML bool) label {
	var raw []rawLine
	if isHTML {
		raw = htmlLines(value)
	} else {
		for _, l := range strings.Split(value, "\n") {
			raw = append(raw, rawLine{text: l})
		}
	}
	var lb label
	inNumbered := false
	for _, r := range raw {
		t := cleanSpace(r.text)
		if t == "" {
			lb.markRule(r)
			continue
		}
		item, numbered := r.li, numberedItem().MatchString(t)
		if stripped := listPrefix().ReplaceAllString(t, ""); stripped != t && stripped != "" {
			t, item = stripped, true
		}
		if !item && inNumbered && len(lb.lines) > 0 {
			// A line after a numbered item without a number of its own
			// continues it: the item wrapped (archdoc's own draw.io
			// export breaks long items this way).
			last := len(lb.lines) - 1
			lb.lines[last] = joinWrapped(lb.lines[last], t)
			continue
		}
		inNumbered = numbered || (inNumbered && item)
		lb.lines = append(lb.lines, t)
		lb.listItem = append(lb.listItem, item)
		lb.markRule(r)
	}
	return lb
}

// markRule records the first rule with text above it.
func (lb *label) markRule(r rawLine) {
	if r.rule && lb.ruled == 0 && len(lb.lines) > 0 {
		lb.ruled = len(lb.lines)
	}
}

// joinWrapped glues a wrapped line back on: without a space between
// Chinese characters, with one between words.
func joinWrapped(a, b string) string {
	ra, _ := utf8.DecodeLastRuneInString(a)
	rb, _ := utf8.DecodeRuneInString(b)
	if wide(ra) || wide(rb) {
		return a + b
	}
	return a + " " + b
}

func wide(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) ||
		(r >= 0x3000 && r <= 0x303f) || (r >= 0xff00 && r <= 0xffef)
}

type rawLine struct {
	text string
	li   bool
	rule bool // a horizontal rule (<hr>) ends this line
}

// htmlLines splits an HTML fragment into text lines. It is a tolerant
// scanner, not a parser: draw.io labels are small and often sloppy.
func htmlLines(s string) []rawLine {
	var out []rawLine
	var cur strings.Builder
	li := false
	flush := func() {
		out = append(out, rawLine{text: html.UnescapeString(cur.String()), li: li})
		cur.Reset()
		li = false
	}
	skipUntil := "" // inside <style> or <script>: drop the content
	for len(s) > 0 {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			if skipUntil == "" {
				cur.WriteString(s)
			}
			break
		}
		if skipUntil == "" {
			cur.WriteString(s[:i])
		}
		s = s[i:]
		if strings.HasPrefix(s, "<!--") {
			end := strings.Index(s, "-->")
			if end < 0 {
				break
			}
			s = s[end+3:]
			continue
		}
		end := strings.IndexByte(s, '>')
		if end < 0 { // a lone "<" is text
			if skipUntil == "" {
				cur.WriteString(s)
			}
			break
		}
		closing, name := tagName(s[1:end])
		s = s[end+1:]
		switch {
		case skipUntil != "":
			if closing && name == skipUntil {
				skipUntil = ""
			}
		case !closing && (name == "style" || name == "script"):
			skipUntil = name
		case blockTags[name]:
			flush()
			li = name == "li" && !closing
			if name == "hr" {
				out[len(out)-1].rule = true
			}
		}
	}
	flush()
	return out
}

func tagName(tag string) (closing bool, name string) {
	tag = strings.TrimSpace(tag)
	if strings.HasPrefix(tag, "/") {
		closing, tag = true, tag[1:]
	}
	end := strings.IndexFunc(tag, func(r rune) bool { return unicode.IsSpace(r) || r == '/' })
	if end >= 0 {
		tag = tag[:end]
	}
	return closing, strings.ToLower(tag)
}

// listPrefix matches "1.", "2、", "3)", "a.", "一、", "-", "•" at the
// start of a line: hand-numbered list items.
var listPrefix = lazyre.New(`^(?:[0-9]{1,3}\s*[.、)）．:：]|[a-zA-Z]\s*[.)）]\s|[一二三四五六七八九十]{1,3}\s*[、.．]|[-*•·●▪◦])\s*`)

// cleanSpace trims a line and collapses runs of white space (including
// the non-breaking spaces HTML labels are full of) into one space.
func cleanSpace(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || r == '\u00a0' || r == '\u200b' || r == '\ufeff' || unicode.IsControl(r)
	}), " ")
}

func (lb label) empty() bool { return len(lb.lines) == 0 }

// name is the label's name with its line breaks: the first line, or
// every line of a short label of a few plain lines ("RDS\nMaster",
// "CLOUD\nUSER": one name drawn on two lines, not a name and a detail).
func (lb label) name() string {
	return strings.Join(lb.lines[:lb.nameLines()], "\n")
}

// nameLines is how many of the first lines make the name.
func (lb label) nameLines() int {
	if lb.ruled > 0 {
		return lb.ruled
	}
	if len(lb.lines) < 2 {
		return len(lb.lines)
	}
	if len(lb.lines) > 3 {
		return 1
	}
	// Each line a word or two: a name broken to fit the box, not a
	// name over a line of description ("Shop" / "The online shop").
	for i, l := range lb.lines {
		if lb.listItem[i] || isSentence(l) || strings.ContainsAny(l, "、：:()（）") || textWidth(l) > 16 || len(strings.Fields(l)) > 2 {
			return 1
		}
	}
	return len(lb.lines)
}

// textWidth counts a wide (CJK) character as two.
func textWidth(s string) int {
	n := 0
	for _, r := range s {
		n++
		if wide(r) {
			n++
		}
	}
	return n
}

// rest is every line after the name.
func (lb label) rest() []string {
	return lb.lines[lb.nameLines():]
}

// details are the lines after the name: text in a box's body is drawn in
// the box, so it becomes the module's features, which diagrams show.
func (lb label) details() []string {
	return lb.rest()
}

// isSentence: sentence punctuation, or too long to be an item's name.
func isSentence(l string) bool {
	return strings.ContainsAny(l, "，。；！？;") || strings.Contains(l, ". ") || strings.Contains(l, ", ") ||
		len([]rune(l)) > 40
}

// onlyList reports whether every line is a list item: a box that details
// something else rather than naming a thing of its own.
func (lb label) onlyList() bool {
	if lb.empty() {
		return false
	}
	for _, li := range lb.listItem {
		if !li {
			return false
		}
	}
	return true
}

// oneLine is all lines joined by spaces (for edge labels).
func (lb label) oneLine() string { return strings.Join(lb.lines, " ") }

// prose reports whether the label reads like a sentence rather than a
// name: sentence punctuation or a long text. Boxes like that, hanging off
// one element by a bare arrow, are comments on it.
func (lb label) prose() bool {
	for _, l := range lb.lines {
		if isSentence(l) {
			return true
		}
	}
	cjk := 0
	for _, r := range lb.name() {
		if unicode.Is(unicode.Han, r) {
			cjk++
		}
	}
	return cjk > 14 || len(strings.Fields(lb.name())) > 6
}
