package model

import (
	"fmt"
	"strings"

	"github.com/archdoc/archdoc/internal/uilang"
)

// Hints lists what a valid model lacks for its pages and slides to be
// complete: technologies without why or how, modules without a
// description, flows without a label, ideas without a decision, and a
// language archdoc has no translation for. They are warnings: validate
// shows them and still succeeds, unless asked to be strict.
func Hints(m *Model) Errors {
	var out Errors
	hint := func(path, format string, args ...any) {
		out = append(out, &Error{Pos: m.Pos(path), Path: m.SourcePath(path), Msg: fmt.Sprintf(format, args...)})
	}
	hintedFlows := map[string]bool{}
	if _, translated := uilang.Of(m.Language); !translated {
		hint("language", "archdoc has no %s translation: the site and slides use English (translations: en, zh)", m.Language)
	}
	for _, e := range m.Elements() {
		switch e.Kind {
		case KindTech:
			var missing []string
			if blank(e.Tech.Why) {
				missing = append(missing, "why")
			}
			if blank(e.Tech.How) {
				missing = append(missing, "how")
			}
			if len(missing) > 0 {
				hint(e.Path, "technology %q has no %s: its page explains what it is, not %s", e.ID, strings.Join(missing, " or "), reasonOf(missing))
			}
		case KindModule:
			if blank(e.Module.Description) {
				hint(e.Path, "module %q has no description", e.ID)
			}
		case KindFlow:
			if src := m.SourcePath(e.Path); blank(e.Flow.Label) && !hintedFlows[src] {
				hintedFlows[src] = true // a flow with several targets is hinted once
				hint(e.Path, "flow %q has no label: diagrams draw a bare arrow", e.ID)
			}
		case KindIdea:
			if blank(e.Idea.Decision) {
				hint(e.Path, "idea %q has no decision", e.ID)
			}
		}
	}
	return out.Sort()
}

func blank(s string) bool { return strings.TrimSpace(s) == "" }

// reasonOf says in words what the missing fields would have told.
func reasonOf(missing []string) string {
	words := map[string]string{"why": "why it was chosen", "how": "how this system uses it"}
	parts := make([]string, len(missing))
	for i, f := range missing {
		parts[i] = words[f]
	}
	return strings.Join(parts, " or ")
}
