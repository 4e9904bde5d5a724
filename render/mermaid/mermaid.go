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

// writeFrontMatter gives the diagram its title and, for flowcharts, a
// wrapping width wide enough for our own line breaks: Mermaid would
// otherwise wrap our already-wrapped lines a second time. The title is
// written as a JSON string, which is also a valid YAML double-quoted scalar.
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
	if s.Kind != scene.KindSequence {
		b.WriteString("config:\n  flowchart:\n    wrappingWidth: 400\n")
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

// lines joins wrapped label lines with Mermaid's line break.
func lines(ls []string) string {
	out := make([]string, 0, len(ls))
	for _, l := range ls {
		out = append(out, escape(l))
	}
	return strings.Join(out, "<br/>")
}
