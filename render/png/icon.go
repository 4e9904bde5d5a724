package png

import (
	"bytes"
	"image"
	"image/color"
	stdpng "image/png"
	"strconv"

	xdraw "golang.org/x/image/draw"

	"github.com/archdoc/archdoc/render/icon"
	"github.com/archdoc/archdoc/render/scene"
)

// icon draws a node's icon: a bundled one filled from its outline, a
// user's PNG scaled into the icon's box. A user's SVG file is not drawn
// here (no SVG renderer in the PNG path): the node keeps its text.
func (p *painter) icon(n scene.Node) {
	if n.Icon == nil {
		return
	}
	b := n.IconRect()
	switch {
	case n.Icon.Path != "":
		k := b.W / 24
		var polys [][]vec
		for _, poly := range icon.Outline(n.Icon.Path) {
			pts := make([]vec, len(poly))
			for i, q := range poly {
				pts[i] = vec{b.X + q.X*k, b.Y + q.Y*k}
			}
			polys = append(polys, pts)
		}
		p.c.paint(hexColour(n.Icon.Color), polys)
	case n.Icon.MIME == "image/png":
		img, err := stdpng.Decode(bytes.NewReader(n.Icon.Image))
		if err != nil {
			return // validated as PNG by its signature only: a broken one is no icon
		}
		s := p.c.scale
		dst := image.Rect(int(b.X*s), int(b.Y*s), int((b.X+b.W)*s), int((b.Y+b.H)*s))
		xdraw.CatmullRom.Scale(p.c.img, dst, img, img.Bounds(), xdraw.Over, nil)
	}
}

// hexColour reads "#RRGGBB" (black when it is not).
func hexColour(s string) color.NRGBA {
	v, err := strconv.ParseUint(s[min(1, len(s)):], 16, 32)
	if err != nil || len(s) != 7 {
		return color.NRGBA{A: 255}
	}
	return color.NRGBA{R: uint8(v >> 16), G: uint8(v >> 8), B: uint8(v), A: 255}
}
