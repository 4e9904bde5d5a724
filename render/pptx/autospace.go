package pptx

import (
	"unicode"

	"github.com/archdoc/archdoc/render/measure"
)

// Office suites space East Asian text from Latin text on their own:
// LibreOffice adds a quarter em at every change of script (across a
// space too), as PowerPoint's "autospace" does in East Asian editions.
// The layout measured the labels without it, so a mixed label such as
// "基础设施（LNMP 的 L 与 N）" would grow into the box beside it.
const autospace = 0.25 // em per change of script

// minDiagramSize is the size (hundredths of a point) below which
// autospaceSize does not shrink diagram text: 12 pt reads on a projector.
const minDiagramSize = 1200

// autospaceSize is the font size (hundredths of a point) at which the
// lines, drawn at size with the office's spacing between scripts, are no
// wider than the layout measured them at fs points.
func autospaceSize(lines []string, size int, fs float64) int {
	scale := 1.0
	for _, l := range lines {
		if n := scriptChanges(l); n > 0 {
			w := measure.Width(l, fs)
			scale = min(scale, w/(w+float64(n)*autospace*fs))
		}
	}
	if scale == 1 {
		return size
	}
	return max(int(float64(size)*scale), min(size, minDiagramSize))
}

// scriptChanges counts the changes between East Asian and Latin text in
// s; spaces and other neutral characters belong to neither.
func scriptChanges(s string) int {
	n, last := 0, 0 // last: 1 East Asian, 2 Latin, 0 none yet
	for _, r := range s {
		cur := 0
		switch {
		case eastAsian(r):
			cur = 1
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsPunct(r) || unicode.IsSymbol(r):
			cur = 2
		default:
			continue
		}
		if last != 0 && cur != last {
			n++
		}
		last = cur
	}
	return n
}

// eastAsian is a Han, kana or Hangul character or full-width punctuation.
func eastAsian(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) ||
		r >= 0x3000 && r <= 0x303F || r >= 0xFF00 && r <= 0xFFEF
}
