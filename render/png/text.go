package png

import (
	"image"
	"image/color"
	"image/draw"
	"sync"

	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// fontSet draws text the way render/measure sizes it: Latin (and anything
// else Go Regular has) with Go Regular, every other rune with the CJK
// font, whose ideographs are 1em wide.
type fontSet struct {
	latin *sfnt.Font
	cjk   *sfnt.Font // nil when the labels need nothing beyond Go Regular
	// cjkPath is the file cjk came from, for warnings.
	cjkPath string
	buf     sfnt.Buffer
	glyphs  map[glyphKey]sfnt.Segments
}

type glyphKey struct {
	cjk  bool
	idx  sfnt.GlyphIndex
	ppem fixed.Int26_6
}

var goRegular = sync.OnceValues(func() (*sfnt.Font, error) { return sfnt.Parse(goregular.TTF) })

// glyph picks the font that draws r: Go Regular first, then the CJK font.
// A rune neither has falls back to Go Regular's .notdef box.
func (fs *fontSet) glyph(r rune) (f *sfnt.Font, idx sfnt.GlyphIndex, cjk bool) {
	if idx, err := fs.latin.GlyphIndex(&fs.buf, r); err == nil && idx != 0 {
		return fs.latin, idx, false
	}
	if fs.cjk != nil {
		if idx, err := fs.cjk.GlyphIndex(&fs.buf, r); err == nil && idx != 0 {
			return fs.cjk, idx, true
		}
	}
	return fs.latin, 0, false
}

// hasGlyph reports whether Go Regular (latin == true) or f has r.
func hasGlyph(f *sfnt.Font, buf *sfnt.Buffer, r rune) bool {
	idx, err := f.GlyphIndex(buf, r)
	return err == nil && idx != 0
}

func ppemOf(px float64) fixed.Int26_6 { return fixed.Int26_6(px*64 + 0.5) }

// invisible reports runes render/measure gives no width and that must
// not show up as a .notdef box: controls, zero-width space and joiner,
// the emoji variation selector.
func invisible(r rune) bool {
	return r < 32 || r == 0x7f || r == 0x200b || r == 0x200d || r == 0xfe0f
}

// advance is r's width in the same units as size.
func (fs *fontSet) advance(r rune, size float64) float64 {
	switch {
	case r == '\t':
		return 4 * fs.advance(' ', size) // as render/measure counts it
	case invisible(r):
		return 0
	}
	f, idx, _ := fs.glyph(r)
	// Measure at a large ppem so the unhinted advance is not rounded to
	// whole 1/64ths of a small size.
	const ref = 1000
	adv, err := f.GlyphAdvance(&fs.buf, idx, ppemOf(ref), 0)
	if err != nil {
		return size / 2
	}
	return float64(adv) / 64 / ref * size
}

func (fs *fontSet) width(s string, size float64) float64 {
	w := 0.0
	for _, r := range s {
		w += fs.advance(r, size)
	}
	return w
}

// segments returns glyph outlines at ppem pixels per em, cached because
// CFF charstrings are costly to interpret and labels repeat glyphs.
func (fs *fontSet) segments(f *sfnt.Font, idx sfnt.GlyphIndex, cjk bool, ppem fixed.Int26_6) sfnt.Segments {
	key := glyphKey{cjk, idx, ppem}
	if seg, ok := fs.glyphs[key]; ok {
		return seg
	}
	seg, err := f.LoadGlyph(&fs.buf, idx, ppem, nil)
	if err != nil {
		seg = nil // coloured or broken glyph: draw nothing rather than fail
	}
	seg = append(sfnt.Segments(nil), seg...) // the buffer is reused
	if fs.glyphs == nil {
		fs.glyphs = map[glyphKey]sfnt.Segments{}
	}
	fs.glyphs[key] = seg
	return seg
}

// text draws s starting at x on the given baseline, in scene units; size
// is the font size in points.
func (c *canvas) text(fs *fontSet, s string, x, baseline, size float64, col color.Color) {
	if s == "" {
		return
	}
	sc := c.scale
	w := fs.width(s, size)
	by := baseline * sc
	box, ok := c.clip((x-size*0.2)*sc, by-1.2*size*sc, (x+w+size*0.2)*sc, by+0.4*size*sc)
	if !ok {
		return
	}
	c.r.Reset(box.Dx(), box.Dy())
	c.r.DrawOp = draw.Over
	ppem := ppemOf(size * sc)
	pen := x * sc
	for _, r := range s {
		if invisible(r) {
			pen += fs.advance(r, size) * sc
			continue
		}
		f, idx, cjk := fs.glyph(r)
		c.addGlyph(fs.segments(f, idx, cjk, ppem), pen-float64(box.Min.X), by-float64(box.Min.Y))
		pen += fs.advance(r, size) * sc
	}
	c.r.Draw(c.img, box, image.NewUniform(col), image.Point{})
}

// textCentered draws s centred horizontally on cx.
func (c *canvas) textCentered(fs *fontSet, s string, cx, baseline, size float64, col color.Color) {
	c.text(fs, s, cx-fs.width(s, size)/2, baseline, size, col)
}

func (c *canvas) addGlyph(segs sfnt.Segments, ox, oy float64) {
	pt := func(p fixed.Point26_6) (float32, float32) {
		return float32(ox + float64(p.X)/64), float32(oy + float64(p.Y)/64)
	}
	open := false
	for _, seg := range segs {
		switch seg.Op {
		case sfnt.SegmentOpMoveTo:
			if open {
				c.r.ClosePath()
			}
			c.r.MoveTo(pt(seg.Args[0]))
			open = true
		case sfnt.SegmentOpLineTo:
			c.r.LineTo(pt(seg.Args[0]))
		case sfnt.SegmentOpQuadTo:
			bx, by := pt(seg.Args[0])
			cx, cy := pt(seg.Args[1])
			c.r.QuadTo(bx, by, cx, cy)
		case sfnt.SegmentOpCubeTo:
			bx, by := pt(seg.Args[0])
			cx, cy := pt(seg.Args[1])
			dx, dy := pt(seg.Args[2])
			c.r.CubeTo(bx, by, cx, cy, dx, dy)
		}
	}
	if open {
		c.r.ClosePath()
	}
}
