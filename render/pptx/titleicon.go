package pptx

import (
	"bytes"
	"fmt"

	"github.com/archdoc/archdoc/render/scene"
)

// Title icon geometry in EMU: the side is the title's 32 pt size, the
// icon sits on the title's bottom-anchored line, the title moves right.
const (
	titleIconSide = 32 * emuPerPt
	titleIconGap  = 10 * emuPerPt
	titleIconY    = titleY + titleH - 45720 - titleIconSide - 4*emuPerPt
)

// hasTitleIcon is whether s shows an icon beside its title: a content
// slide on archdoc's own layouts (a template's title box is its own).
func hasTitleIcon(s Slide, g geometry, centred, whole bool) bool {
	return s.Icon != nil && g.own && !centred && !whole && (s.Icon.Path != "" || s.Icon.MIME == "image/png")
}

// titleIconSpPr places the title beside its icon.
func titleIconSpPr() string {
	x := marginX + titleIconSide + titleIconGap
	return fmt.Sprintf(`<p:spPr><a:xfrm><a:off x="%d" y="%d"/><a:ext cx="%d" cy="%d"/></a:xfrm></p:spPr>`, x, titleY, bodyW-(x-marginX), titleH)
}

// titleIcon draws the icon left of the title: a bundled one as a filled
// free-form shape, a user's PNG as a picture (the slide's relationship
// rId(3+len(pics)), appended to pics). A user's SVG is not drawn: PPTX
// pictures are raster.
func titleIcon(b *bytes.Buffer, ic *scene.Icon, pics [][]byte) [][]byte {
	id := func() int { return 7 }
	name := "title icon " + ic.Title
	if ic.Path != "" {
		freeform(b, id, name, marginX, titleIconY, titleIconSide, titleIconSide, ic)
		return pics
	}
	pics = append(pics, ic.Image)
	fmt.Fprintf(b, `<p:pic><p:nvPicPr><p:cNvPr id="%d" name="%s"/><p:cNvPicPr><a:picLocks noChangeAspect="1"/></p:cNvPicPr><p:nvPr/></p:nvPicPr>`+
		`<p:blipFill><a:blip r:embed="rId%d"/><a:stretch><a:fillRect/></a:stretch></p:blipFill>`+
		`<p:spPr><a:xfrm><a:off x="%d" y="%d"/><a:ext cx="%d" cy="%d"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>`,
		id(), esc(name), 2+len(pics), marginX, titleIconY, titleIconSide, titleIconSide)
	return pics
}
