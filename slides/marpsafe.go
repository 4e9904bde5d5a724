package slides

import (
	"strings"

	"github.com/archdoc/archdoc/internal/lazyre"
)

// Marp reads more into Markdown than CommonMark does: an HTML comment
// anywhere is a directive (<!-- _backgroundImage: url(...) -->), a
// thematic break at the top level starts a slide, and a code fence or
// comment left open swallows every later slide. marpBody makes the
// Markdown of one slide (archdoc's own markup plus model text) safe to
// place between two slide breaks: no line of it can be read as a heading,
// a slide break or a directive, raw HTML is escaped unless allowHTML, and
// an open fence is closed.
func marpBody(src string, allowHTML bool) string {
	lines := strings.Split(oneNewline(src), "\n")
	var fence string    // the open fence's marker, "" outside one
	var rawBlock string // with allowHTML: the open <pre>, <script>... block's end tag
	var htmlBlock bool  // with allowHTML: in an HTML block that ends at a blank line
	for i, line := range lines {
		if htmlBlock {
			if strings.TrimSpace(line) != "" { // a fence line in it is HTML text, not a fence
				lines[i] = marpLine(line, allowHTML)
				continue
			}
			htmlBlock = false
		}
		if rawBlock != "" {
			if strings.Contains(strings.ToLower(line), rawBlock) {
				rawBlock = ""
			}
			continue
		}
		if fence != "" {
			if isFenceClose(line, fence) {
				fence = ""
			}
			continue
		}
		if f := fenceOpen(line); f != "" {
			fence = f
			continue
		}
		lines[i] = marpLine(line, allowHTML)
		if allowHTML {
			rawBlock = openRawBlock(lines[i])
			afterBlank := i == 0 || strings.TrimSpace(lines[i-1]) == ""
			htmlBlock = rawBlock == "" && startsHTMLBlock(lines[i], afterBlank)
		}
	}
	switch {
	case fence != "":
		lines = append(lines, fence)
	case rawBlock != "":
		lines = append(lines, rawBlock)
	}
	return strings.Join(lines, "\n")
}

// rawBlockStart is a line that opens an HTML block running to its end tag
// (type 1): after the tag, any white space (a form feed too, as goldmark
// reads it), ">", "/>" or nothing.
var rawBlockStart = lazyre.New(`(?i)^ {0,3}<(pre|script|style|textarea)(?:[ \t\f>]|/>|$)`)

// openRawBlock returns the end tag of an HTML block that line starts and
// does not close: CommonMark runs it to that tag, over later slides.
func openRawBlock(line string) string {
	m := rawBlockStart().FindStringSubmatch(line)
	if m == nil {
		return ""
	}
	end := "</" + strings.ToLower(m[1]) + ">"
	if strings.Contains(strings.ToLower(line), end) {
		return ""
	}
	return end
}

// CommonMark's HTML blocks that run to a blank line: type 6 (a block
// element's tag, which may interrupt a paragraph) and type 7 (any other
// complete tag alone on its line, which may not).
var (
	htmlBlock6 = lazyre.New(`(?i)^ {0,3}</?(address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?:[ \t>]|/>|$)`)
	htmlBlock7 = lazyre.New(`^ {0,3}(?:<[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][A-Za-z0-9_.:-]*(?:\s*=\s*(?:[^\s"'=<>` + "`" + `]+|'[^']*'|"[^"]*"))?)*\s*/?>|</[A-Za-z][A-Za-z0-9-]*\s*>)\s*$`)
)

// startsHTMLBlock reports whether line starts an HTML block that lasts
// until a blank line (afterBlank: the line does not continue a paragraph).
func startsHTMLBlock(line string, afterBlank bool) bool {
	return htmlBlock6().MatchString(line) || afterBlank && htmlBlock7().MatchString(line)
}

// oneNewline turns CR LF and lone CR (a line break to Marp) into LF.
func oneNewline(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}

var (
	// blockMarker is one thing that may stand before a line's content:
	// indentation with a block quote or list marker.
	blockMarker = lazyre.New(`^[ \t]*(?:>|[-+*][ \t]|\d{1,9}[.)][ \t])`)
	// breakLine is a thematic break (a slide break at the top level) or a
	// setext heading underline.
	breakLine   = lazyre.New(`^(?:-+[ \t]*|(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|=+[ \t]*)$`)
	headingLine = lazyre.New(`^#{1,6}(?:[ \t]|$)`)
	fenceLine   = lazyre.New("^ {0,3}(`{3,}|~{3,})")
)

// marpLine escapes one line outside code fences.
func marpLine(line string, allowHTML bool) string {
	// Past each marker in turn: "- - -" is a break, "+ * * *" a list
	// item holding one.
	pos := 0
	for {
		rest := strings.TrimLeft(line[pos:], " \t")
		at := len(line) - len(rest)
		switch {
		case breakLine().MatchString(rest):
			return line[:at] + `\` + escapeHTMLOutsideCode(rest, allowHTML)
		case headingLine().MatchString(rest):
			return line[:at] + escapeHTMLOutsideCode(headingAsBold(rest), allowHTML)
		}
		m := blockMarker().FindString(line[pos:])
		if m == "" {
			return line[:at] + escapeHTMLOutsideCode(rest, allowHTML)
		}
		pos += len(m)
	}
}

// headingAsBold turns "## Steps" into "**Steps**": the slide's only
// heading is its title.
func headingAsBold(line string) string {
	text := strings.TrimSpace(strings.TrimLeft(line, "#"))
	if t := strings.TrimRight(text, "#"); t == "" || strings.HasSuffix(t, " ") || strings.HasSuffix(t, "\t") {
		text = strings.TrimSpace(t) // a closing sequence of #
	}
	if text == "" || strings.ContainsAny(text[:1]+text[len(text)-1:], "*_\\") {
		return `\` + line // bold would not close: keep the text, escaped
	}
	return "**" + text + "**"
}

// escapeHTMLOutsideCode puts a backslash before every "<" that is not in
// a code span; when allowHTML, only before "<!" and "<?" (a comment is a
// directive to Marp).
func escapeHTMLOutsideCode(s string, allowHTML bool) string {
	if !strings.Contains(s, "<") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		if s[i] == '`' {
			n := run(s[i:], '`')
			if end := closingRun(s[i+n:], n); end >= 0 {
				b.WriteString(s[i : i+n+end+n])
				i += n + end + n
				continue
			}
			b.WriteString(s[i : i+n])
			i += n
			continue
		}
		if s[i] == '<' && !escaped(s, i) && (!allowHTML || strings.HasPrefix(s[i:], "<!") || strings.HasPrefix(s[i:], "<?")) {
			b.WriteByte('\\')
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}

// closingRun is where in s a run of exactly n backticks starts, which
// closes a code span opened by n (CommonMark: one backtick, text, then
// two backticks is no code span), or -1.
func closingRun(s string, n int) int {
	for j := 0; j < len(s); {
		if s[j] != '`' {
			j++
			continue
		}
		m := run(s[j:], '`')
		if m == n {
			return j
		}
		j += m
	}
	return -1
}

// escaped reports whether s[i] follows an odd number of backslashes.
func escaped(s string, i int) bool {
	n := 0
	for j := i - 1; j >= 0 && s[j] == '\\'; j-- {
		n++
	}
	return n%2 == 1
}

func run(s string, c byte) int {
	n := 0
	for n < len(s) && s[n] == c {
		n++
	}
	return n
}

// fenceOpen returns the marker of a code fence that line opens, or "".
func fenceOpen(line string) string {
	m := fenceLine().FindStringSubmatch(line)
	if m == nil {
		return ""
	}
	if m[1][0] == '`' && strings.Contains(line[len(m[0]):], "`") {
		return "" // a backtick fence's info string has no backtick
	}
	return m[1]
}

// isFenceClose reports whether line closes a fence opened with marker.
func isFenceClose(line, marker string) bool {
	m := fenceLine().FindStringSubmatch(line)
	return m != nil && m[1][0] == marker[0] && len(m[1]) >= len(marker) &&
		strings.TrimSpace(line[len(m[0]):]) == ""
}

// marpNotes makes speaker notes safe inside an HTML comment. Marp reads a
// comment whose whole text parses as a YAML mapping as directives
// (<!-- _class: invert -->), and a comment it reads so is no longer a
// note. Notes that could parse as a mapping get a WORD JOINER (U+2060,
// invisible in the presenter view) at the start of each line, so no
// top-level key is a directive's name; other notes stay as written. And
// "-->" would end the comment early.
func marpNotes(notes string) string {
	notes = oneNewline(notes)
	notes = strings.NewReplacer("-->", "-- >", "--!>", "--! >").Replace(notes)
	if !mayBeMapping(notes) {
		return notes
	}
	lines := strings.Split(notes, "\n")
	for i, l := range lines {
		if strings.TrimSpace(l) != "" {
			lines[i] = wordJoiner + l
		}
	}
	return strings.Join(lines, "\n")
}

const wordJoiner = "\u2060"

// mayBeMapping is false for text that no YAML parser reads as a mapping:
// one needs a key's colon (followed by a space or the line's end, or
// after a quoted key), a flow mapping's "{" or an explicit key's "?".
func mayBeMapping(s string) bool {
	return strings.ContainsAny(s, "{?") || mappingColon().MatchString(s)
}

var mappingColon = lazyre.New(`:(?:[ \t\n]|$)|["']\s*:`)
