package slides

import (
	"fmt"
	"github.com/archdoc/archdoc/internal/lazyre"
	"strings"

	"github.com/archdoc/archdoc/render/measure"
)

// Marp's default theme sets a slide's text at 29 px in a 1280×720 slide
// with 78.5 px of padding, and cuts off what does not fit (the HTML deck
// shrinks it, PPTX autofits). marpFontSize estimates, with the diagrams'
// text measure, the largest size at which a content slide's title and
// body fit above the page number, for a scoped style.
const (
	marpFont       = 29
	marpMinFont    = 18
	marpWidth      = 1280 - 2*78.5
	marpBottom     = 720 - 78.5 // the page number sits in the bottom padding
	marpTop        = 78.5
	marpLineHeight = 1.5  // the theme's line height, in em
	marpGap        = 0.55 // space after a paragraph or list item, in em
	marpIndent     = 1.6  // a list level's indent, in em
	marpHeading    = 2.6  // the title's height with its margin, in em of the text
)

// marpFontSize is the body font size (px) a slide needs, 0 when the
// theme's own fits.
func marpFontSize(title, body string) int {
	for f := marpFont; f > marpMinFont; f-- {
		if marpHeight(title, body, float64(f)) <= marpBottom {
			if f == marpFont {
				return 0
			}
			return f
		}
	}
	return marpMinFont
}

var (
	marpListMarker = lazyre.New(`^(\s*)(?:[-*+]|\d{1,9}[.)])\s+`)
	marpEmphasis   = strings.NewReplacer("**", "", "`", "", "\\", "")
)

// marpHeight estimates the height (px) of a slide's content at font f.
func marpHeight(title, body string, f float64) float64 {
	titleLines := len(measure.Wrap(title, marpWidth, f*1.8))
	h := marpTop + f*marpHeading + float64(titleLines-1)*f*1.8*1.25
	for _, line := range strings.Split(body, "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		indent := 0.0
		if m := marpListMarker().FindStringSubmatch(line); m != nil {
			indent = float64(len(m[1])/2+1) * marpIndent * f
			line = line[len(m[0]):]
		}
		text := marpEmphasis.Replace(strings.TrimSpace(line))
		lines := len(measure.Wrap(text, marpWidth-indent, f))
		h += float64(lines)*f*marpLineHeight + marpGap*f
	}
	return h
}

// marpFitStyle is the scoped style that sets a slide's font size, or "".
func marpFitStyle(s Slide) string {
	if s.Layout != LayoutContent || s.Body == "" {
		return ""
	}
	f := marpFontSize(s.Title, plainMarkdown(s.Body))
	if f == 0 {
		return ""
	}
	return fmt.Sprintf("<style scoped>section{font-size:%dpx}</style>\n\n", f)
}

// marpDiagramHeight is the height (px) of a diagram under the title: what
// the slide has left below a title of one or more lines.
func marpDiagramHeight(title string) int {
	lines := len(measure.Wrap(title, marpWidth, marpFont*1.8))
	return max(440-65*(lines-1), 300)
}
