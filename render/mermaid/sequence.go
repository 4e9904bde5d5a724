package mermaid

import (
	"bufio"
	"strings"

	"github.com/archdoc/archdoc/render/scene"
)

// writeSequence writes participants in scene order (actors as Mermaid
// actors) and one message per edge; Mermaid numbers them (autonumber)
// in the same order as our Seq.
func writeSequence(b *bufio.Writer, s *scene.Scene, ids *ids) {
	b.WriteString("sequenceDiagram\n")
	numbered := false
	for _, e := range s.Edges {
		if e.Seq > 0 {
			numbered = true
		}
	}
	if numbered {
		b.WriteString("  autonumber\n")
	}
	notes := map[string]string{} // message id -> note text
	var loose []string           // notes not attached to a message
	for _, n := range s.Nodes {
		if n.Shape == scene.ShapeNote {
			// Layout names a step's note "<step id>-note".
			if id, ok := strings.CutSuffix(n.ID, "-note"); ok && hasEdge(s, id) {
				notes[id] = alias(n.Label, "")
			} else {
				loose = append(loose, alias(n.Label, ""))
			}
			continue
		}
		kw := "participant"
		if n.Shape == scene.ShapeActor {
			kw = "actor"
		}
		b.WriteString("  " + kw + " " + ids.get("p_", n.ID) + " as " + alias(n.Label, n.ID) + "\n")
	}
	for _, e := range s.Edges {
		arrow := "->>"
		switch {
		case e.Async && e.Arrow:
			arrow = "-)" // Mermaid's asynchronous message: an open arrow
		case e.Dashed && e.Arrow:
			arrow = "-->>"
		case e.Dashed:
			arrow = "-->"
		case !e.Arrow:
			arrow = "->"
		}
		from, to := ids.get("p_", e.From), ids.get("p_", e.To)
		b.WriteString("  " + from + arrow + to + ": " + label(e.Text, e.Label) + "\n")
		if text, ok := notes[e.ID]; ok {
			over := from
			if to != from {
				over += "," + to
			}
			b.WriteString("  Note over " + over + ": " + text + "\n")
		}
	}
	if len(loose) > 0 && len(s.Nodes) > 0 {
		last := ""
		for _, n := range s.Nodes {
			if n.Shape != scene.ShapeNote {
				last = ids.get("p_", n.ID)
			}
		}
		for _, text := range loose {
			if last != "" {
				b.WriteString("  Note right of " + last + ": " + text + "\n")
			}
		}
	}
}

func hasEdge(s *scene.Scene, id string) bool {
	for _, e := range s.Edges {
		if e.ID == id {
			return true
		}
	}
	return false
}

// alias is a participant's display name: its label on one line (Mermaid
// aliases cannot hold line breaks reliably), or its id.
func alias(label []string, id string) string {
	text := ""
	for i, l := range label {
		if i > 0 && !endsWide(text) {
			text += " "
		}
		text += l
	}
	if text == "" {
		text = id
	}
	return escape(text)
}

// endsWide reports whether s ends in a CJK (or other non-ASCII) letter,
// after which wrapped lines join without a space.
func endsWide(s string) bool {
	r := []rune(s)
	return len(r) > 0 && r[len(r)-1] > 0x2e80
}
