package png

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"

	"github.com/archdoc/archdoc/render/scene"
)

// maxQuoted is how many pieces of text a warning quotes; a label in a
// script no font has would otherwise list every word.
const maxQuoted = 6

// textWarnings says what of s's text the picture cannot show as written:
// runes no font in fs has (drawn as empty boxes), and right-to-left text,
// which the painter lays out left to right without joining Arabic
// letters. Each is quoted as runs of such runes, "🚀" and "مرحبا", in the
// order the scene holds them, each once.
func (fs *fontSet) textWarnings(s *scene.Scene) []string {
	texts := sceneTexts(s)
	var out []string
	if runs := textRuns(texts, func(r rune) bool { return !fs.hasGlyph(r) }); len(runs) > 0 {
		out = append(out, fmt.Sprintf("%s no glyphs for %s; they are drawn as empty boxes: pass --font with a font that has them",
			fs.names(), quoteRuns(runs)))
	}
	if runs := textRuns(texts, func(r rune) bool { return isRightToLeft(r) && fs.hasGlyph(r) }); len(runs) > 0 {
		out = append(out, fmt.Sprintf("%s: right-to-left text is drawn left to right and Arabic letters unjoined in PNG; SVG shows it correctly",
			quoteRuns(runs)))
	}
	return out
}

// names says which fonts were used, as the subject of "... no glyphs".
func (fs *fontSet) names() string {
	if fs.cjk == nil {
		return "the font Go Regular has"
	}
	return "the fonts Go Regular and " + filepath.Base(fs.cjkPath) + " have"
}

// hasGlyph reports whether one of the fonts draws r.
func (fs *fontSet) hasGlyph(r rune) bool {
	_, idx, _ := fs.glyph(r)
	return idx != 0
}

// isRightToLeft reports runes of the scripts written right to left.
func isRightToLeft(r rune) bool {
	return unicode.In(r, unicode.Arabic, unicode.Hebrew, unicode.Syriac, unicode.Thaana, unicode.Nko)
}

// textRuns splits texts into the runs of consecutive runes that match;
// spaces and other runes end a run, invisible ones (joiners, variation
// selectors inside an emoji sequence) neither show nor end it.
func textRuns(texts []string, match func(rune) bool) []string {
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
			case !unicode.IsSpace(r) && match(r):
				run = append(run, r)
			default:
				add(run)
				run = run[:0:0]
			}
		}
		add(run)
	}
	return runs
}

// quoteRuns lists runs quoted, the first maxQuoted of them.
func quoteRuns(runs []string) string {
	shown := runs
	if len(shown) > maxQuoted {
		shown = shown[:maxQuoted]
	}
	quoted := make([]string, len(shown))
	for i, r := range shown {
		quoted[i] = strconv.Quote(r)
	}
	list := strings.Join(quoted, ", ")
	if more := len(runs) - len(shown); more > 0 {
		list += fmt.Sprintf(" and %d more", more)
	}
	return list
}
