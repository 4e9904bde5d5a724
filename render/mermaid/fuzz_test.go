package mermaid

import (
	"regexp"
	"strings"
	"testing"
)

var (
	safeID   = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_]*$`)
	entities = regexp.MustCompile(`#(quot|35|59|amp|lt|gt|96|124);`)
)

// FuzzEscape checks that no model text can end a Mermaid string, start a
// new statement or reach the HTML renderer as markup, and that ids are
// always plain identifiers.
func FuzzEscape(f *testing.F) {
	for _, s := range []string{"", `a "b" c`, "x#1;y", "<b>&", "end", "o--x", "`md`", "line\nbreak", "中文"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		out := entities.ReplaceAllString(escape(text), "")
		if strings.ContainsAny(out, "\"#;<>&`|\n\r") {
			t.Errorf("escape(%q) leaves a special character: %q", text, escape(text))
		}
		id := newIDs().get("n_", text)
		if !safeID.MatchString(id) {
			t.Errorf("id for %q is %q", text, id)
		}
	})
}
