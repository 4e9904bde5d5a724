package mermaid

import (
	"bufio"

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
	for _, n := range s.Nodes {
		kw := "participant"
		if n.Shape == scene.ShapeActor {
			kw = "actor"
		}
		b.WriteString("  " + kw + " " + ids.get("p_", n.ID) + " as " + alias(n.Label, n.ID) + "\n")
	}
	for _, e := range s.Edges {
		arrow := "->>"
		switch {
		case e.Dashed && e.Arrow:
			arrow = "-->>"
		case e.Dashed:
			arrow = "-->"
		case !e.Arrow:
			arrow = "->"
		}
		b.WriteString("  " + ids.get("p_", e.From) + arrow + ids.get("p_", e.To) + ": " + lines(e.Label) + "\n")
	}
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
