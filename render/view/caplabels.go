package view

import (
	"strings"
	"unicode/utf8"
)

// maxLabelRunes bounds the text a drawing shows for one name or arrow
// label: three 10,000-character names made 51,528-pixel-tall images. The
// full text stays in the tooltip and on the element's page.
const maxLabelRunes = 120

// capLabels shortens every over-long label of v, in place, and returns v.
func capLabels(v *View) *View {
	for i := range v.Nodes {
		n := &v.Nodes[i]
		if short, cut := capLabel(n.Label); cut {
			n.Tooltip = withFullText(n.Label, n.Tooltip)
			n.Label = short
		}
		n.Sub, _ = capLabel(n.Sub)
		for j := range n.Details {
			n.Details[j], _ = capLabel(n.Details[j])
		}
	}
	for i := range v.Clusters {
		c := &v.Clusters[i]
		if short, cut := capLabel(c.Label); cut {
			c.Tooltip = withFullText(c.Label, c.Tooltip)
			c.Label = short
		}
	}
	for i := range v.Edges {
		e := &v.Edges[i]
		e.Label, _ = capLabel(e.Label)
		e.Note, _ = capLabel(e.Note)
	}
	return v
}

// capLabel cuts s to maxLabelRunes runes, the last one an ellipsis.
func capLabel(s string) (string, bool) {
	if utf8.RuneCountInString(s) <= maxLabelRunes {
		return s, false
	}
	return strings.TrimRight(string([]rune(s)[:maxLabelRunes-1]), " ") + "…", true
}

// withFullText puts a cut label's full text before the tooltip.
func withFullText(full, tooltip string) string {
	if tooltip == "" {
		return full
	}
	return full + "\n\n" + tooltip
}
