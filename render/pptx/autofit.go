package pptx

import (
	"fmt"
	"math"
	"strings"

	"github.com/archdoc/archdoc/render/measure"
)

// PowerPoint only computes the shrink of an autofit text box when the text
// is edited; a file that just says <a:normAutofit/> opens with overflowing
// text. So we estimate the shrink ourselves with the same text measurement
// the diagrams use, and write it as fontScale.

// levelSizes are the body font sizes (pt) per list level, as in the master.
var levelSizes = []float64{20, 18, 16}

// fontScales are the steps PowerPoint itself uses.
var fontScales = []float64{1, 0.925, 0.85, 0.775, 0.7, 0.625, 0.55, 0.475, 0.4}

// autofit returns the <a:normAutofit> element for paragraphs in a box of
// w x h EMU.
func autofit(ps []Paragraph, w, h int) string {
	for _, f := range fontScales {
		if textHeight(ps, float64(w)/emuPerPt, f) <= float64(h)/emuPerPt {
			if f == 1 {
				return `<a:normAutofit/>`
			}
			return fmt.Sprintf(`<a:normAutofit fontScale="%d" lnSpcReduction="10000"/>`, int(math.Round(f*100000)))
		}
	}
	return `<a:normAutofit fontScale="40000" lnSpcReduction="20000"/>`
}

// textHeight estimates the height in points of the paragraphs wrapped to
// width points at scale f of the master's sizes.
func textHeight(ps []Paragraph, width, f float64) float64 {
	const insets = 14.4 // left+right and top+bottom default insets, 0.1 in each
	total := insets
	for _, p := range ps {
		size := levelSizes[min(max(p.Level, 0), len(levelSizes)-1)] * f
		indent := 36 * float64(p.Level+1) * f
		if !p.Bullet && p.Number == 0 {
			indent = 36 * float64(p.Level) * f
		}
		var text strings.Builder
		for _, r := range p.Runs {
			text.WriteString(r.Text)
		}
		lines := 0
		for _, line := range strings.Split(text.String(), "\n") {
			lines += len(measure.Wrap(line, math.Max(width-insets-indent, size), size))
		}
		total += float64(max(lines, 1))*size*1.2 + 6*f // line height plus space before
	}
	return total
}
