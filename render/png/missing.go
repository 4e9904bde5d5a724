package png

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"

	"github.com/archdoc/archdoc/render/scene"
)

// maxMissingShown is how many undrawable pieces of text a warning quotes;
// a label in a script no font has would otherwise list every word.
const maxMissingShown = 6

// missingWarning says which text of s no font in fs draws (it would come
// out as empty boxes), "" when every visible rune has a glyph. The text
// is quoted as runs of consecutive undrawable runes, "🚀" and "مرحبا", in
// the order the scene holds them, each once.
func (fs *fontSet) missingWarning(s *scene.Scene) string {
	runs := fs.undrawableRuns(sceneTexts(s))
	if len(runs) == 0 {
		return ""
	}
	shown := runs
	if len(shown) > maxMissingShown {
		shown = shown[:maxMissingShown]
	}
	quoted := make([]string, len(shown))
	for i, r := range shown {
		quoted[i] = strconv.Quote(r)
	}
	list := strings.Join(quoted, ", ")
	if more := len(runs) - len(shown); more > 0 {
		list += fmt.Sprintf(" and %d more", more)
	}
	return fmt.Sprintf("%s no glyphs for %s; they are drawn as empty boxes: pass --font with a font that has them",
		fs.names(), list)
}

// names says which fonts were searched, as the subject of "... no glyphs".
func (fs *fontSet) names() string {
	if fs.cjk == nil {
		return "the font Go Regular has"
	}
	return "the fonts Go Regular and " + filepath.Base(fs.cjkPath) + " have"
}

// undrawableRuns splits texts into the runs of runes no font draws.
func (fs *fontSet) undrawableRuns(texts []string) []string {
	var runs []string
	seen := map[string]bool{}
	add := func(run []rune) {
		if len(run) > 0 && !seen[string(run)] {
			seen[string(run)] = true
			runs = append(runs, string(run))
		}
	}
	for _, text := range texts {
		var run []rune
		for _, r := range text {
			switch {
			case invisible(r):
				// Joiners and variation selectors inside an emoji
				// sequence neither show nor split it.
			case unicode.IsSpace(r) || fs.hasGlyph(r):
				add(run)
				run = run[:0:0]
			default:
				run = append(run, r)
			}
		}
		add(run)
	}
	return runs
}

// hasGlyph reports whether one of the fonts draws r.
func (fs *fontSet) hasGlyph(r rune) bool {
	_, idx, _ := fs.glyph(r)
	return idx != 0
}
