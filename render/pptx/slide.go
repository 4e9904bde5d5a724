package pptx

import (
	"bytes"
	"fmt"
)

// slideXML writes one slide: title placeholder, body placeholder (when
// there is text) and the diagram's shapes.
func slideXML(s Slide, lang string) ([]byte, [][]byte, error) {
	var b bytes.Buffer
	b.WriteString(xmlHeader + `<p:sld ` + rootNS + `><p:cSld><p:spTree>` + emptyGroup)
	title, body := `<p:ph type="title"/>`, `<p:ph idx="1"/>`
	if s.Layout == LayoutTitle {
		title, body = `<p:ph type="ctrTitle"/>`, `<p:ph type="subTitle" idx="1"/>`
	}
	b.WriteString(`<p:sp><p:nvSpPr><p:cNvPr id="2" name="Title 1"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr>` + title +
		`</p:nvPr></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr><a:normAutofit/></a:bodyPr><a:lstStyle/><a:p>`)
	run(&b, s.Title, textStyle{lang: lang})
	b.WriteString(`<a:endParaRPr lang="` + esc(lang) + `"/></a:p></p:txBody></p:sp>`)

	if s.Kicker != "" && s.Layout != LayoutTitle {
		fmt.Fprintf(&b, `<p:sp><p:nvSpPr><p:cNvPr id="4" name="Kicker"/><p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr>`+
			`<p:spPr><a:xfrm><a:off x="%d" y="%d"/><a:ext cx="%d" cy="%d"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/></p:spPr>`+
			`<p:txBody><a:bodyPr wrap="none" lIns="0" tIns="0" rIns="0" bIns="0" anchor="b"><a:noAutofit/></a:bodyPr><a:lstStyle/><a:p><a:pPr><a:buNone/></a:pPr>`,
			marginX, titleY-91440, bodyW, 274320)
		run(&b, s.Kicker, textStyle{lang: lang, size: 1400, color: "2563EB", bold: true})
		b.WriteString(`</a:p></p:txBody></p:sp>`)
	}
	diagramBox := box{marginX, bodyY, bodyW, bodyH}
	if len(s.Body) > 0 {
		spPr := `<p:spPr/>`
		textW := bodyW
		if s.Diagram != nil && s.Split {
			left := bodyW * 36 / 100
			textW = left
			spPr = fmt.Sprintf(`<p:spPr><a:xfrm><a:off x="%d" y="%d"/><a:ext cx="%d" cy="%d"/></a:xfrm></p:spPr>`, marginX, bodyY, left, bodyH)
			diagramBox = box{marginX + left + 182880, bodyY, bodyW - left - 182880, bodyH}
		}
		fit := `<a:normAutofit/>`
		if s.Layout != LayoutTitle {
			fit = autofit(s.Body, textW, bodyH)
		}
		b.WriteString(`<p:sp><p:nvSpPr><p:cNvPr id="3" name="Content 2"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr>` + body +
			`</p:nvPr></p:nvSpPr>` + spPr + `<p:txBody><a:bodyPr>` + fit + `</a:bodyPr><a:lstStyle/>`)
		paragraphs(&b, s.Body, lang, s.Layout == LayoutTitle)
		b.WriteString(`</p:txBody></p:sp>`)
	}
	var pics [][]byte
	if s.Diagram != nil {
		var err error
		if pics, err = drawScene(&b, s.Diagram, diagramBox, lang); err != nil {
			return nil, nil, err
		}
	}
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
