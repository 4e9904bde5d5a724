package pptx

import (
	"fmt"

	"github.com/archdoc/archdoc/render/measure"
	"github.com/archdoc/archdoc/render/scene"
)

// Details geometry shared with render/svg and render/png, in points.
const (
	textPadX   = 12  // the layout's room between a box's side and its text
	detailsGap = 2   // room on each side of the rule, inside the layout's padding
	subScale   = 0.8 // the sub line's size and height, relative to the label's
)

// hasDetails is whether n's label has details under its name (a
// module's feature list).
func hasDetails(n scene.Node) bool { return n.NameLines > 0 && n.NameLines < len(n.Label) }

// withDetails sets up spec to write n's name centred and its details as
// a left-aligned list below, as render/svg draws them.
func (c *canvas) withDetails(spec shapeSpec, n scene.Node) shapeSpec {
	if !hasDetails(n) {
		return spec
	}
	left := n.TextRect().X + textPadX - n.Rect.X
	if n.Shape == scene.ShapeExternal {
		left += 4
	}
	spec.nameLines, spec.detailsLeft = n.NameLines, c.d(left)-spec.lIns
	return spec
}

// detailsText writes the name lines and sub line centred, then the
// details left-aligned, each line exactly the layout's line height so
// the rule (see rule) falls between them in PowerPoint and LibreOffice.
func (c *canvas) detailsText(s shapeSpec) {
	b := c.b
	fmt.Fprintf(b, `<p:txBody><a:bodyPr wrap="none" lIns="%d" tIns="0" rIns="0" bIns="0" anchor="ctr" rtlCol="0"><a:noAutofit/></a:bodyPr><a:lstStyle/>`, s.lIns)
	lh := func(scale float64) int { return c.fontSize(measure.LineHeight(c.fs) * scale) }
	para := func(line, algn, extra string, scale float64, color string, first bool) {
		fmt.Fprintf(b, `<a:p><a:pPr algn="%s"%s><a:lnSpc><a:spcPts val="%d"/></a:lnSpc>`, algn, extra, lh(scale))
		if first { // the rule's room
			fmt.Fprintf(b, `<a:spcBef><a:spcPts val="%d"/></a:spcBef>`, c.fontSize(2*detailsGap))
		}
		b.WriteString(`<a:buNone/></a:pPr>`)
		run(b, line, textStyle{lang: c.lang, size: autospaceSize([]string{line}, c.fontSize(c.fs*scale), c.fs*scale), color: color, own: true})
		b.WriteString(`</a:p>`)
	}
	for _, l := range s.lines[:s.nameLines] {
		para(l, "ctr", "", 1, "1F2328", false)
	}
	if s.sub != "" {
		para(s.sub, "ctr", "", subScale, "59636E", false)
	}
	for i, l := range s.lines[s.nameLines:] {
		para(l, "l", fmt.Sprintf(` marL="%d" indent="0"`, s.detailsLeft), 1, "59636E", i == 0)
	}
	b.WriteString(`</p:txBody>`)
}

// rule draws the thin line between a module's name and its details,
// where render/svg puts its divider.
func (c *canvas) rule(n scene.Node) {
	if !hasDetails(n) {
		return
	}
	x := n.TextRect()
	lh := measure.LineHeight(c.fs)
	total, head := float64(len(n.Label))*lh, float64(n.NameLines)*lh
	if n.Sub != "" {
		total, head = total+lh*subScale, head+lh*subScale
	}
	y := c.y(x.Y + (x.H-total)/2 + head)
	x0, x1 := c.x(x.X+6), c.x(x.X+x.W-6)
	// A line shape, not a connector: it joins no boxes.
	fmt.Fprintf(c.b, `<p:sp><p:nvSpPr><p:cNvPr id="%d" name="%s"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr>`, c.id(), esc("rule "+n.ID))
	fmt.Fprintf(c.b, `<a:xfrm><a:off x="%d" y="%d"/><a:ext cx="%d" cy="0"/></a:xfrm><a:prstGeom prst="line"><a:avLst/></a:prstGeom>`, x0, y, x1-x0)
	fmt.Fprintf(c.b, `<a:ln w="%d"><a:solidFill><a:srgbClr val="59636E"><a:alpha val="35000"/></a:srgbClr></a:solidFill></a:ln></p:spPr></p:sp>`, max(c.d(1), 6350))
}
