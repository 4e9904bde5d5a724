// Package png draws a laid-out scene as a PNG image in pure Go: shapes
// through golang.org/x/image/vector, text from real font outlines (Go
// Regular for Latin, an installed CJK font for Chinese) so the picture
// needs no browser, no cgo and no Graphviz.
package png

import (
	"errors"
	"fmt"
	"image/color"
	stdpng "image/png"
	"io"
	"math"

	"github.com/archdoc/archdoc/render/scene"
)

// Options tune the image.
type Options struct {
	// Scale is pixels per scene point; 0 means 2 (sharp on HiDPI screens
	// and in slides).
	Scale float64
	// FontPath is a .ttf/.otf/.ttc/.otc file drawing the runes Go
	// Regular lacks (Chinese ...), instead of searching installed fonts.
	FontPath string
	// Warn, when set, hears about text the image cannot show as written:
	// runes no font has (emoji, Arabic ... beside a CJK font) are drawn
	// as empty boxes, and right-to-left text left to right. Messages quote
	// the text (and name the fonts). The image is written anyway.
	Warn func(msg string)
}

// DefaultScale is the Scale used when Options.Scale is 0.
const DefaultScale = 2

// maxPixels bounds the image: a larger scene is drawn at a smaller scale
// (see fittingScale). 32 million pixels (8000×4000) is more than a screen
// or a printed page shows; the 100-module business view at scale 2, 100
// million, took 7.7 s and 708 MB.
const maxPixels = 32_000_000

// defaultFontSize is used when a scene does not say (FontSize 0).
const defaultFontSize = 14

// Render draws s as a PNG of Width×Scale by Height×Scale pixels
// (rounded up) onto w. Output depends only on s, opts and the font
// files, so it is byte-identical run after run.
func Render(w io.Writer, s *scene.Scene, opts Options) error {
	if s == nil {
		return errors.New("png: nil scene")
	}
	scale := opts.Scale
	if scale == 0 {
		scale = DefaultScale
	}
	if !(scale > 0) || math.IsInf(scale, 0) {
		return fmt.Errorf("png: scale must be a positive number, got %v", opts.Scale)
	}
	scale, err := fittingScale(s, scale, opts.Warn)
	if err != nil {
		return err
	}
	width, height, err := imageSize(s, scale)
	if err != nil {
		return err
	}
	fonts, err := fontsFor(s, opts.FontPath)
	if err != nil {
		return err
	}
	if opts.Warn != nil {
		for _, msg := range fonts.textWarnings(s) {
			opts.Warn(msg)
		}
	}
	c := newCanvas(width, height, scale, color.White)
	newPainter(c, fonts, s).paintScene()
	enc := stdpng.Encoder{CompressionLevel: stdpng.DefaultCompression}
	if err := enc.Encode(w, c.img); err != nil {
		return fmt.Errorf("png: %s: %w", s.ID, err)
	}
	return nil
}

// minScale is the smallest scale fittingScale falls back to: below it,
// text is no longer readable.
const minScale = 0.25

// fittingScale is scale, or for a scene too large to draw at it the
// largest scale (in hundredths) that fits maxPixels, told to warn.
func fittingScale(s *scene.Scene, scale float64, warn func(string)) (float64, error) {
	area := s.Width * s.Height
	if !(area*scale*scale > maxPixels) {
		return scale, nil
	}
	fit := math.Floor(math.Sqrt(maxPixels/area)*100) / 100
	for fit >= minScale {
		if _, _, err := imageSize(s, fit); err == nil {
			break
		}
		fit -= 0.01 // rounding up to whole pixels went over
	}
	if !(fit >= minScale) {
		_, _, err := imageSize(s, scale)
		return 0, err
	}
	if warn != nil {
		warn(fmt.Sprintf("drawn at scale %v instead of %v: at %v it would be %.0fx%.0f pixels, more than %d",
			fit, scale, scale, math.Ceil(s.Width*scale), math.Ceil(s.Height*scale), maxPixels))
	}
	return fit, nil
}

func imageSize(s *scene.Scene, scale float64) (int, int, error) {
	// The epsilon keeps 100.00000001×2 from becoming 201 pixels.
	wf, hf := math.Ceil(s.Width*scale-1e-6), math.Ceil(s.Height*scale-1e-6)
	if math.IsNaN(wf) || math.IsNaN(hf) || wf < 0 || hf < 0 {
		return 0, 0, fmt.Errorf("png: scene %s has an invalid size %vx%v", s.ID, s.Width, s.Height)
	}
	if wf*hf > maxPixels {
		return 0, 0, fmt.Errorf("png: scene %s is too large to draw: at scale %v it would be %.0fx%.0f pixels, more than %d",
			s.ID, scale, wf, hf, maxPixels)
	}
	return max(1, int(wf)), max(1, int(hf)), nil
}

// fontsFor loads Go Regular and, when some label needs it, a CJK font.
func fontsFor(s *scene.Scene, fontPath string) (*fontSet, error) {
	latin, err := goRegular()
	if err != nil {
		return nil, fmt.Errorf("png: embedded Go Regular font: %w", err)
	}
	fs := &fontSet{latin: latin}
	var need []rune
	seen := map[rune]bool{}
	for _, text := range sceneTexts(s) {
		for _, r := range text {
			if !seen[r] && r > ' ' && !hasGlyph(latin, &fs.buf, r) {
				seen[r] = true
				need = append(need, r)
			}
		}
	}
	if len(need) == 0 && fontPath == "" {
		return fs, nil
	}
	fs.cjk, fs.cjkPath, err = cjkFont(need, fontPath)
	if err != nil {
		return nil, err
	}
	return fs, nil
}

// sceneTexts is every string the painter draws.
func sceneTexts(s *scene.Scene) []string {
	var out []string
	for _, c := range s.Clusters {
		out = append(out, c.Label...)
	}
	for _, n := range s.Nodes {
		out = append(out, n.Label...)
		out = append(out, n.Sub)
	}
	for _, e := range s.Edges {
		out = append(out, e.Label...)
	}
	return out
}
