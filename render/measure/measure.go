// Package measure sizes label text the way the renderers will draw it, so
// layout can give Graphviz boxes that the text really fits in.
//
// Graphviz guesses text widths from its own Latin font tables and sizes CJK
// glyphs far too narrow; we measure ourselves: East Asian wide and fullwidth
// characters take 1em, everything else takes the advance width of Go Regular
// (metrically the same as Helvetica/Arial) enlarged by latinMargin, because
// an SVG viewer may substitute a wider sans serif such as DejaVu Sans.
package measure

import (
	"sync"
	"unicode"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
	"golang.org/x/text/width"
)

// latinMargin covers fonts a viewer may substitute for Helvetica: DejaVu
// Sans, the usual Linux fallback, is about 11.5% wider than Arial over
// printable ASCII; Noto Sans CJK's Latin glyphs are about Arial's width.
const latinMargin = 1.12

// lineSpacing is the line height as a multiple of the font size; CJK
// glyphs need a little more room than Latin ones.
const lineSpacing = 1.3

// unitsPerEm is the size at which advances are cached (in 1/1000 em).
const unitsPerEm = 1000

type metrics struct {
	font  *sfnt.Font
	mu    sync.Mutex
	buf   sfnt.Buffer
	cache map[rune]float64 // advance in em
}

var (
	loadOnce sync.Once
	goFont   *metrics
)

func goMetrics() *metrics {
	loadOnce.Do(func() {
		f, err := sfnt.Parse(goregular.TTF)
		if err != nil {
			// The font is compiled into the binary; failing to parse it is a
			// build defect, not a runtime condition callers could handle.
			panic("measure: parse embedded Go Regular: " + err.Error())
		}
		goFont = &metrics{font: f, cache: make(map[rune]float64, 256)}
		for r := rune(32); r < 127; r++ {
			goFont.lookup(r)
		}
	})
	return goFont
}

// advance returns r's advance in em, and false when the font has no glyph.
func (m *metrics) advance(r rune) (float64, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if a, ok := m.cache[r]; ok {
		return a, a >= 0
	}
	a := m.lookup(r)
	return a, a >= 0
}

// lookup reads r's advance from the font; -1 means no glyph. Callers hold mu
// (or run inside loadOnce).
func (m *metrics) lookup(r rune) float64 {
	idx, err := m.font.GlyphIndex(&m.buf, r)
	if err != nil || idx == 0 {
		m.cache[r] = -1
		return -1
	}
	adv, err := m.font.GlyphAdvance(&m.buf, idx, fixed.I(unitsPerEm), font.HintingNone)
	if err != nil {
		m.cache[r] = -1
		return -1
	}
	a := float64(adv) / 64 / unitsPerEm
	m.cache[r] = a
	return a
}

// RuneWidth returns the width of r in em.
func RuneWidth(r rune) float64 {
	switch {
	case r == '\t':
		return 4 * RuneWidth(' ')
	case r < 32 || r == 0x7f || unicode.Is(unicode.Mn, r) || r == 0x200b || r == 0x200d || r == 0xfe0f:
		return 0 // control, combining mark, zero-width space/joiner, variation selector
	}
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return 1
	case width.EastAsianAmbiguous:
		// Ambiguous characters (·, “ ”, —, Greek ...) are drawn 1em wide by
		// CJK fonts, which the renderers fall back to for Chinese labels.
		if a, ok := goMetrics().advance(r); ok && a*latinMargin > 1 {
			return a * latinMargin
		}
		return 1
	}
	if a, ok := goMetrics().advance(r); ok {
		return a * latinMargin
	}
	return 1 // unknown to Go Regular: another font will draw it; assume a full em
}

// Width returns how wide text is drawn at fontSize, in the same unit as
// fontSize (points). Line breaks are not interpreted: see Wrap.
func Width(text string, fontSize float64) float64 {
	w := 0.0
	for _, r := range text {
		w += RuneWidth(r)
	}
	return w * fontSize
}

// LineHeight is the distance between two baselines of wrapped text.
func LineHeight(fontSize float64) float64 { return fontSize * lineSpacing }

// Height returns the height of n lines of text.
func Height(lines int, fontSize float64) float64 { return float64(lines) * LineHeight(fontSize) }

// MaxWidth returns the width of the widest line.
func MaxWidth(lines []string, fontSize float64) float64 {
	w := 0.0
	for _, l := range lines {
		w = max(w, Width(l, fontSize))
	}
	return w
}
