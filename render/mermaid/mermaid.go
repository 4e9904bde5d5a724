// Package mermaid writes a scene as Mermaid text (a flowchart for graph
// scenes, a sequenceDiagram for sequence scenes) that renders on GitHub and
// in most wikis. Mermaid lays the diagram out itself; only structure,
// shapes, labels and colours carry over from our scene.
package mermaid

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/archdoc/archdoc/internal/lazyre"
	"github.com/archdoc/archdoc/render/measure"
	"github.com/archdoc/archdoc/render/scene"
)

// Render writes s as Mermaid to w.
func Render(w io.Writer, s *scene.Scene) error {
	b := bufio.NewWriter(w)
	ids := newIDs()
	writeFrontMatter(b, s)
	if s.Kind == scene.KindSequence {
		writeSequence(b, s, ids)
	} else {
		writeFlowchart(b, s, ids)
	}
	return b.Flush()
}

// writeFrontMatter gives the diagram its title, written as a JSON string,
// which is also a valid YAML double-quoted scalar. Mermaid wraps labels
// with its own font and width: archdoc's breaks, measured for its font,
// are not written (see lines).
func writeFrontMatter(b *bufio.Writer, s *scene.Scene) {
	title := s.Title
	if title == "" {
		title = s.ID
	}
	b.WriteString("---\n")
	if title != "" {
		q, _ := json.Marshal(title)
		b.WriteString("title: " + string(q) + "\n")
	}
	b.WriteString("---\n")
}

// ids turns element ids into Mermaid-safe identifiers: ASCII letters,
// digits and underscores, with a prefix so no id is a keyword (end,
// graph ...) or starts with o/x (which Mermaid reads as an edge end).
type ids struct {
	byID map[string]string
	used map[string]bool
}

func newIDs() *ids { return &ids{byID: map[string]string{}, used: map[string]bool{}} }

func (m *ids) get(prefix, id string) string {
	key := prefix + "\x00" + id
	if v, ok := m.byID[key]; ok {
		return v
	}
	var b strings.Builder
	b.WriteString(prefix)
	for _, r := range id {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '_':
			b.WriteRune(r)
		case r < 128:
			b.WriteByte('_')
		default:
			fmt.Fprintf(&b, "u%x", r)
		}
	}
	v := b.String()
	for i := 2; m.used[v]; i++ {
		v = fmt.Sprintf("%s_%d", b.String(), i)
	}
	m.used[v] = true
	m.byID[key] = v
	return v
}

// escape makes model text safe inside a Mermaid string: characters that
// Mermaid or HTML would interpret become Mermaid entity codes (#quot; ...),
// which Mermaid decodes to plain text after parsing.
func escape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString("#quot;")
		case '#':
			b.WriteString("#35;")
		case ';':
			b.WriteString("#59;")
		case '&':
			b.WriteString("#amp;")
		case '<':
			b.WriteString("#lt;")
		case '>':
			b.WriteString("#gt;")
		case '`':
			b.WriteString("#96;")
		case '|':
			b.WriteString("#124;")
		case '\n', '\r', '\t':
			b.WriteByte(' ')
		default:
			if r < 0x20 {
				continue
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}

// lines turns wrapped label lines back into one line (measure.Unwrap):
// archdoc wrapped them for its own font, and hard breaks in Mermaid's
// would leave short or overflowing lines. Mermaid wraps it.
func lines(ls []string) string {
	return escape(measure.Unwrap(ls))
}

// label is a label as the model writes it (text, before wrapping), or
// its wrapped lines joined for a scene laid out without it.
func label(text string, ls []string) string {
	if text == "" {
		return lines(ls)
	}
	return escape(measure.Unbroken(text))
}

// itemStart is how a module's numbered feature starts ("3. "): the
// model's own line break, kept as one.
var itemStart = lazyre.New(`^\d+\. `)

// nameAndDetails keeps the breaks the model made (between the name and
// each of a module's features) and drops the ones wrapping made.
func nameAndDetails(n scene.Node) string {
	if n.NameLines <= 0 || n.NameLines >= len(n.Label) {
		return label(n.Text, n.Label)
	}
	parts := []string{label(n.Text, n.Label[:n.NameLines])}
	var item []string
	for _, l := range n.Label[n.NameLines:] {
		if itemStart().MatchString(l) && len(item) > 0 {
			parts = append(parts, lines(item))
			item = nil
		}
		item = append(item, l)
	}
	parts = append(parts, lines(item))
	return strings.Join(parts, "<br/>")
}
