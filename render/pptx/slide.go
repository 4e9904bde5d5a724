package pptx

import (
	"bytes"
	"fmt"
)

// slideXML writes one slide: title placeholder, body placeholder (when
// there is text) and the diagram's shapes.
func slideXML(s Slide, deckTitle, lang string, g geometry) ([]byte, [][]byte, error) {
	lay := g.layout(s.Layout)
	var b bytes.Buffer
	b.WriteString(xmlHeader + `<p:sld ` + rootNS + `><p:cSld><p:spTree>` + emptyGroup)
	title, body := `<p:ph type="title"/>`, `<p:ph idx="1"/>`
	switch lay.kind {
	case LayoutTitle:
		title, body = `<p:ph type="ctrTitle"/>`, `<p:ph type="subTitle" idx="1"/>`
	case LayoutSection:
		body = `<p:ph type="body" idx="1"/>`
	}
	centred := lay.kind != LayoutContent
	// A diagram slide gives the diagram 900 x 420 pt, as the HTML deck
	// gives it 1200 x 560 px: a smaller title at the top. A template's
	// slide keeps its layout's title and puts the diagram in its body.
	whole := s.Diagram != nil && len(s.Body) == 0 && !centred
	titleSpPr, titleSize := `<p:spPr/>`, 0
	if whole && g.own {
		titleSpPr = fmt.Sprintf(`<p:spPr><a:xfrm><a:off x="%d" y="%d"/><a:ext cx="%d" cy="%d"/></a:xfrm></p:spPr>`, diagramX, 330000, diagramW, 680000)
		titleSize = 2600
	}
	withIcon := hasTitleIcon(s, g, centred, whole)
	if withIcon {
		titleSpPr = titleIconSpPr()
	}
	b.WriteString(`<p:sp><p:nvSpPr><p:cNvPr id="2" name="Title 1"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr>` + title +
		`</p:nvPr></p:nvSpPr>` + titleSpPr + `<p:txBody><a:bodyPr><a:normAutofit/></a:bodyPr><a:lstStyle/><a:p>`)
	run(&b, s.Title, textStyle{lang: lang, size: titleSize})
	b.WriteString(`<a:endParaRPr lang="` + esc(lang) + `"/></a:p></p:txBody></p:sp>`)

	kickerX, kickerY := marginX, titleY-91440
	if whole {
		kickerX, kickerY = diagramX, 90000
	}
	if s.Kicker != "" && !centred && g.own {
		fmt.Fprintf(&b, `<p:sp><p:nvSpPr><p:cNvPr id="4" name="Kicker"/><p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr>`+
			`<p:spPr><a:xfrm><a:off x="%d" y="%d"/><a:ext cx="%d" cy="%d"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/></p:spPr>`+
			`<p:txBody><a:bodyPr wrap="none" lIns="0" tIns="0" rIns="0" bIns="0" anchor="b"><a:noAutofit/></a:bodyPr><a:lstStyle/><a:p><a:pPr><a:buNone/></a:pPr>`,
			kickerX, kickerY, bodyW, 274320)
		run(&b, s.Kicker, textStyle{lang: lang, size: 1400, color: "2563EB", bold: true, own: true})
		b.WriteString(`</a:p></p:txBody></p:sp>`)
	}
	body0 := lay.body
	diagramBox := body0
	if whole && g.own {
		diagramBox = box{diagramX, diagramY, diagramW, diagramH}
	}
	if len(s.Body) > 0 {
		spPr := `<p:spPr/>`
		textW := body0.w
		if s.Diagram != nil && s.Split {
			left := body0.w * 36 / 100
			textW = left
			spPr = fmt.Sprintf(`<p:spPr><a:xfrm><a:off x="%d" y="%d"/><a:ext cx="%d" cy="%d"/></a:xfrm></p:spPr>`, body0.x, body0.y, left, body0.h)
			diagramBox = box{body0.x + left + 182880, body0.y, body0.w - left - 182880, body0.h}
		}
		fit := `<a:normAutofit/>`
		if !centred {
			fit = autofit(s.Body, textW, body0.h)
		}
		b.WriteString(`<p:sp><p:nvSpPr><p:cNvPr id="3" name="Content 2"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr>` + body +
			`</p:nvPr></p:nvSpPr>` + spPr + `<p:txBody><a:bodyPr>` + fit + `</a:bodyPr><a:lstStyle/>`)
		paragraphs(&b, s.Body, lang, lay.kind == LayoutTitle)
		b.WriteString(`</p:txBody></p:sp>`)
	}
	var pics [][]byte
	if s.Diagram != nil {
		var err error
		if pics, err = drawScene(&b, s.Diagram, diagramBox, lang); err != nil {
			return nil, nil, err
		}
	}
	if withIcon {
		pics = titleIcon(&b, s.Icon, pics)
	}
	footer(&b, deckTitle, lang, lay)
	b.WriteString(`</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>`)
	return b.Bytes(), pics, nil
}

// notesXML writes the notes page: the slide image and the notes text.
func notesXML(notes []Paragraph, lang string) []byte {
	var b bytes.Buffer
	b.WriteString(xmlHeader + `<p:notes ` + rootNS + `><p:cSld><p:spTree>` + emptyGroup)
	b.WriteString(`<p:sp><p:nvSpPr><p:cNvPr id="2" name="Slide Image Placeholder 1"/><p:cNvSpPr><a:spLocks noGrp="1" noRot="1" noChangeAspect="1"/></p:cNvSpPr>` +
		`<p:nvPr><p:ph type="sldImg"/></p:nvPr></p:nvSpPr><p:spPr/></p:sp>`)
	b.WriteString(`<p:sp><p:nvSpPr><p:cNvPr id="3" name="Notes Placeholder 2"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr>` +
		`<p:nvPr><p:ph type="body" idx="1"/></p:nvPr></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/><a:lstStyle/>`)
	paragraphs(&b, notes, lang, false)
	b.WriteString(`</p:txBody></p:sp></p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:notes>`)
	return b.Bytes()
}

// footer fills the layout's footer and slide number placeholders (idx 11
// and 12 in archdoc's and PowerPoint's own layouts) when it has them: the
// deck's title and the slide's number, as in the HTML deck.
func footer(b *bytes.Buffer, title, lang string, lay templateLayout) {
	if lay.footer != "" {
		b.WriteString(`<p:sp><p:nvSpPr><p:cNvPr id="5" name="Footer"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr>` +
			`<p:nvPr><p:ph type="ftr" sz="quarter" idx="` + esc(lay.footer) + `"/></p:nvPr></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/><a:lstStyle/><a:p>`)
		run(b, title, textStyle{lang: lang, own: true}) // LibreOffice does not take a footer's fonts from its layout
		b.WriteString(`</a:p></p:txBody></p:sp>`)
	}
	if lay.number == "" {
		return
	}
	b.WriteString(`<p:sp><p:nvSpPr><p:cNvPr id="6" name="Slide Number"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr>` +
		`<p:nvPr><p:ph type="sldNum" sz="quarter" idx="` + esc(lay.number) + `"/></p:nvPr></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/><a:lstStyle/><a:p>` +
		slideNumber + `</a:p></p:txBody></p:sp>`)
}
