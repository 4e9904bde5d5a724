package svg

import "strings"

// markRules style the changes a scene marks (an idea's before and after,
// `archdoc diff`): added green, removed red, dashed and struck through,
// changed amber; the rest is dimmed but stays for context. The colours
// read on light and dark backgrounds alike.
var markRules = [][2]string{
	{" .chg-context", "opacity:.35"},
	{" .node.chg-added .shape, .archdoc-diagram .cluster.chg-added > .shape", "stroke:#1a7f37;stroke-width:2.6;fill:#dafbe1"},
	{" .node.chg-removed .shape, .archdoc-diagram .cluster.chg-removed > .shape", "stroke:#cf222e;stroke-width:2.6;stroke-dasharray:5 3;fill:#ffebe9"},
	{" .node.chg-changed .shape, .archdoc-diagram .cluster.chg-changed > .shape", "stroke:#bf8700;stroke-width:2.6;fill:#fff8c5"},
	{" .node.chg-added text, .archdoc-diagram .node.chg-removed text, .archdoc-diagram .node.chg-changed text", "fill:#1f2328"},
	{" .chg-removed text", "text-decoration:line-through"},
	{" .edge.chg-added .line", "stroke:#1a7f37;stroke-width:2.6"},
	{" .edge.chg-removed .line", "stroke:#cf222e;stroke-width:2.6;stroke-dasharray:5 3"},
	{" .edge.chg-changed .line", "stroke:#bf8700;stroke-width:2.6"},
}

// markClass is " chg-<change>" for a marked element, " chg-context" for
// the others of a scene with marks, "" for a scene without.
func (r *renderer) markClass(id string) string {
	if r.s.Marks == nil {
		return ""
	}
	if m, ok := r.s.Marks[id]; ok {
		return " chg-" + cls(m)
	}
	return " chg-context"
}

// markSheet is the CSS of markRules, only in scenes with marks: other
// drawings stay as they were.
func (r *renderer) markSheet() string {
	if r.s.Marks == nil {
		return ""
	}
	var b strings.Builder
	for _, rule := range markRules {
		b.WriteString(".archdoc-diagram" + rule[0] + "{" + rule[1] + "}\n")
	}
	return b.String()
}
