package slides

import (
	"fmt"
	"strings"
)

// mdBuf builds slide Markdown. Model text is inserted as Markdown (it is
// Markdown in the model); the renderers escape what must not pass.
type mdBuf struct{ strings.Builder }

// para adds a paragraph.
func (b *mdBuf) para(text string) {
	text = joinLines(strings.TrimSpace(text))
	if text == "" {
		return
	}
	b.gap()
	b.WriteString(text)
	b.WriteString("\n")
}

// labelled adds "**label** text" as a paragraph; nothing when text is
// empty. Text that is a list (a STAR action's numbered steps) stays a
// list under the label.
func (b *mdBuf) labelled(label, text string) {
	text = joinLines(strings.TrimSpace(text))
	if text == "" {
		return
	}
	b.gap()
	if blockStart().MatchString(text) {
		fmt.Fprintf(b, "**%s**\n\n%s\n", label, text)
		return
	}
	fmt.Fprintf(b, "**%s** %s\n", label, text)
}

// head adds a bold label introducing the list that follows.
func (b *mdBuf) head(label string) {
	b.gap()
	fmt.Fprintf(b, "**%s**\n", label)
}

// item adds a list item at a nesting level.
func (b *mdBuf) item(level int, format string, args ...any) {
	text := strings.TrimSpace(fmt.Sprintf(format, args...))
	text = strings.ReplaceAll(joinLines(text), "\n", " ")
	if b.Len() > 0 && !strings.HasSuffix(b.Builder.String(), "\n") {
		b.WriteString("\n")
	}
	if level == 0 && b.Len() > 0 && !b.inList() {
		b.WriteString("\n")
	}
	fmt.Fprintf(b, "%s- %s\n", strings.Repeat("  ", level), text)
}

// line adds a raw line (e.g. a numbered list item).
func (b *mdBuf) line(format string, args ...any) {
	fmt.Fprintf(b, format+"\n", args...)
}

func (b *mdBuf) inList() bool {
	s := strings.TrimRight(b.Builder.String(), "\n")
	last := s[strings.LastIndex(s, "\n")+1:]
	return strings.HasPrefix(strings.TrimLeft(last, " "), "- ")
}

func (b *mdBuf) gap() {
	if b.Len() > 0 {
		b.WriteString("\n")
	}
}

func (b *mdBuf) String() string { return strings.TrimSpace(b.Builder.String()) }

// mdText escapes plain model text (names, labels, terms) for insertion
// into slide Markdown, so a name like "List<Item>" or "a*b*c" shows as
// written instead of being dropped as raw HTML or turned into emphasis.
// Backslash escapes of ASCII punctuation are standard CommonMark, so
// goldmark (HTML, PPTX) and Marp both read them back as the plain text.
func mdText(s string) string {
	return mdEscaper.Replace(s)
}

var mdEscaper = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", `*`, `\*`, `_`, `\_`, `[`, `\[`, `]`, `\]`,
	`<`, `\<`, `>`, `\>`, `&`, `\&`, `~`, `\~`, `|`, `\|`,
)
