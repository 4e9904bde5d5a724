package pptx

import (
	"strings"
	"sync"
)

// The fixed parts: theme, slide master, the two layouts and the notes
// master.
//
// Fonts: the theme names a Latin, an East Asian and a complex-script face
// for titles and body (every text refers to them, so a template's theme
// replaces them all) and a face per East Asian script, which PowerPoint
// takes for text in that language. The faces are Windows' and come with
// Office for Mac; the panose, pitch and charset say "sans serif, Chinese
// (GB2312)" so that where a face is missing the office suite substitutes
// a sans serif of the same script: PingFang SC on macOS, Noto Sans CJK SC
// (fontconfig's choice for zh-CN) and Liberation Sans or DejaVu Sans on
// Linux. Labels are measured with room for DejaVu Sans (render/measure).
const (
	latinFont = `<a:latin typeface="Arial" panose="020B0604020202020204" pitchFamily="34" charset="0"/>`
	eaFont    = `<a:ea typeface="Microsoft YaHei" panose="020B0503020204020204" pitchFamily="34" charset="-122"/>`
	csFont    = `<a:cs typeface="Arial" panose="020B0604020202020204" pitchFamily="34" charset="0"/>`
	// scriptFonts are the faces per script, as Office's own themes list them.
	scriptFonts = `<a:font script="Hans" typeface="Microsoft YaHei"/><a:font script="Hant" typeface="Microsoft JhengHei"/>` +
		`<a:font script="Jpan" typeface="Yu Gothic"/><a:font script="Hang" typeface="Malgun Gothic"/>`
	codeFont = "Consolas"
)

func themeXML(name string) []byte {
	return []byte(xmlHeader + `<a:theme xmlns:a="` + nsA + `" name="` + name + `"><a:themeElements>` +
		`<a:clrScheme name="archdoc">` +
		`<a:dk1><a:srgbClr val="1F2937"/></a:dk1><a:lt1><a:srgbClr val="FFFFFF"/></a:lt1>` +
		`<a:dk2><a:srgbClr val="1E3A5F"/></a:dk2><a:lt2><a:srgbClr val="EEF2F7"/></a:lt2>` +
		`<a:accent1><a:srgbClr val="2563EB"/></a:accent1><a:accent2><a:srgbClr val="0EA5E9"/></a:accent2>` +
		`<a:accent3><a:srgbClr val="10B981"/></a:accent3><a:accent4><a:srgbClr val="F59E0B"/></a:accent4>` +
		`<a:accent5><a:srgbClr val="8B5CF6"/></a:accent5><a:accent6><a:srgbClr val="EF4444"/></a:accent6>` +
		`<a:hlink><a:srgbClr val="2563EB"/></a:hlink><a:folHlink><a:srgbClr val="7C3AED"/></a:folHlink>` +
		`</a:clrScheme>` +
		`<a:fontScheme name="archdoc">` +
		`<a:majorFont>` + latinFont + eaFont + csFont + scriptFonts + `</a:majorFont>` +
		`<a:minorFont>` + latinFont + eaFont + csFont + scriptFonts + `</a:minorFont>` +
		`</a:fontScheme>` +
		`<a:fmtScheme name="archdoc"><a:fillStyleLst>` +
		`<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>` +
		`<a:solidFill><a:schemeClr val="phClr"><a:tint val="50000"/></a:schemeClr></a:solidFill>` +
		`<a:solidFill><a:schemeClr val="phClr"><a:shade val="80000"/></a:schemeClr></a:solidFill>` +
		`</a:fillStyleLst><a:lnStyleLst>` +
		`<a:ln w="9525"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln>` +
		`<a:ln w="19050"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln>` +
		`<a:ln w="28575"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln>` +
		`</a:lnStyleLst><a:effectStyleLst>` +
		`<a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle>` +
		`</a:effectStyleLst><a:bgFillStyleLst>` +
		`<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>` +
		`<a:solidFill><a:schemeClr val="phClr"><a:tint val="95000"/></a:schemeClr></a:solidFill>` +
		`<a:solidFill><a:schemeClr val="phClr"><a:shade val="90000"/></a:schemeClr></a:solidFill>` +
		`</a:bgFillStyleLst></a:fmtScheme>` +
		`</a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>`)
}

const clrMap = `<p:clrMap bg1="lt1" tx1="dk1" bg2="lt2" tx2="dk2" accent1="accent1" accent2="accent2" accent3="accent3" ` +
	`accent4="accent4" accent5="accent5" accent6="accent6" hlink="hlink" folHlink="folHlink"/>`

const emptyGroup = `<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>` +
	`<p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/><a:chOff x="0" y="0"/><a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr>`

const rootNS = `xmlns:a="` + nsA + `" xmlns:r="` + nsR + `" xmlns:p="` + nsP + `"`

// placeholder is a layout/master placeholder shape with a box in EMU.
func placeholder(id int, name, ph string, x, y, cx, cy int, body string) string {
	return `<p:sp><p:nvSpPr><p:cNvPr id="` + itoa(id) + `" name="` + name + `"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr>` +
		`<p:nvPr>` + ph + `</p:nvPr></p:nvSpPr><p:spPr><a:xfrm><a:off x="` + itoa(x) + `" y="` + itoa(y) + `"/>` +
		`<a:ext cx="` + itoa(cx) + `" cy="` + itoa(cy) + `"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr>` +
		`<p:txBody><a:bodyPr` + body + `/><a:lstStyle/><a:p><a:endParaRPr lang="en-US"/></a:p></p:txBody></p:sp>`
}

// Boxes of the placeholders (EMU).
const (
	marginX   = 548640
	titleY    = 320040
	titleH    = 914400
	bodyY     = 1371600
	bodyW     = SlideWidth - 2*marginX
	bodyH     = 5029200
	ctrTitleY = 2130000
	subTitleY = 3740000
	// the diagram of a diagram slide: 900 x 420 pt, centred
	diagramW = 11430000
	diagramH = 5334000
	diagramX = (SlideWidth - diagramW) / 2
	diagramY = 1080000
	// footer and slide number
	footerY = 6470000
	footerH = 320000
)

// centred centres a placeholder's text (the master's title style is
// left-aligned).
func centred(ph string) string {
	return strings.Replace(ph, `<a:lstStyle/>`, `<a:lstStyle><a:lvl1pPr algn="ctr"/></a:lstStyle>`, 1)
}

// footers are the footer and slide number placeholders of the master and
// every layout: small grey text at the bottom, as in the HTML deck.
var footers = sync.OnceValue(func() string {
	return footerPlaceholder(5, "Footer Placeholder 4", `<p:ph type="ftr" sz="quarter" idx="11"/>`, diagramX, 7000000, "l", `<a:endParaRPr lang="en-US"/>`) +
		footerPlaceholder(6, "Slide Number Placeholder 5", `<p:ph type="sldNum" sz="quarter" idx="12"/>`, SlideWidth-diagramX-2000000, 2000000, "r", slideNumber)
})

// slideNumber is the field that shows a slide's number; LibreOffice
// shows it only when the master's placeholder has it too.
const slideNumber = `<a:fld id="{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}" type="slidenum"><a:rPr lang="en-US">` + themeFonts + `</a:rPr><a:t>‹#›</a:t></a:fld>`

// themeFonts are the theme's body faces, Latin, East Asian and complex.
const themeFonts = `<a:latin typeface="+mn-lt"/><a:ea typeface="+mn-ea"/><a:cs typeface="+mn-cs"/>`

func footerPlaceholder(id int, name, ph string, x, cx int, algn, text string) string {
	return `<p:sp><p:nvSpPr><p:cNvPr id="` + itoa(id) + `" name="` + name + `"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr>` +
		`<p:nvPr>` + ph + `</p:nvPr></p:nvSpPr><p:spPr><a:xfrm><a:off x="` + itoa(x) + `" y="` + itoa(footerY) + `"/>` +
		`<a:ext cx="` + itoa(cx) + `" cy="` + itoa(footerH) + `"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr>` +
		`<p:txBody><a:bodyPr anchor="ctr"/><a:lstStyle><a:lvl1pPr algn="` + algn + `"><a:defRPr sz="1100"><a:solidFill><a:srgbClr val="59636E"/></a:solidFill>` + themeFonts + `</a:defRPr></a:lvl1pPr></a:lstStyle>` +
		`<a:p>` + text + `</a:p></p:txBody></p:sp>`
}

func lvl(n, marL, indent, sz int, bu string) string {
	return `<a:lvl` + itoa(n) + `pPr marL="` + itoa(marL) + `" indent="` + itoa(indent) + `" algn="l">` +
		`<a:spcBef><a:spcPts val="600"/></a:spcBef>` + bu +
		`<a:defRPr sz="` + itoa(sz) + `"><a:solidFill><a:schemeClr val="tx1"/></a:solidFill>` +
		themeFonts + `</a:defRPr></a:lvl` + itoa(n) + `pPr>`
}

var slideMaster = sync.OnceValue(func() string {
	return xmlHeader + `<p:sldMaster ` + rootNS + `><p:cSld><p:bg><p:bgPr><a:solidFill><a:schemeClr val="bg1"/></a:solidFill><a:effectLst/></p:bgPr></p:bg><p:spTree>` +
		emptyGroup +
		placeholder(2, "Title Placeholder 1", `<p:ph type="title"/>`, marginX, titleY, bodyW, titleH, ` anchor="b"`) +
		placeholder(3, "Text Placeholder 2", `<p:ph type="body" idx="1"/>`, marginX, bodyY, bodyW, bodyH, ``) +
		footers() +
		`</p:spTree></p:cSld>` + clrMap +
		`<p:sldLayoutIdLst><p:sldLayoutId id="2147483649" r:id="rId1"/><p:sldLayoutId id="2147483650" r:id="rId2"/></p:sldLayoutIdLst>` +
		`<p:hf hdr="0" dt="0"/>` +
		`<p:txStyles><p:titleStyle><a:lvl1pPr algn="l"><a:defRPr sz="3200" b="1"><a:solidFill><a:schemeClr val="tx2"/></a:solidFill>` +
		`<a:latin typeface="+mj-lt"/><a:ea typeface="+mj-ea"/><a:cs typeface="+mj-cs"/></a:defRPr></a:lvl1pPr></p:titleStyle>` +
		`<p:bodyStyle>` +
		lvl(1, 342900, -342900, 2000, `<a:buFont typeface="Arial"/><a:buChar char="•"/>`) +
		lvl(2, 742950, -285750, 1800, `<a:buFont typeface="Arial"/><a:buChar char="–"/>`) +
		lvl(3, 1143000, -228600, 1600, `<a:buFont typeface="Arial"/><a:buChar char="•"/>`) +
		`</p:bodyStyle><p:otherStyle><a:defPPr><a:defRPr lang="en-US"/></a:defPPr><a:lvl1pPr><a:defRPr>` + themeFonts + `</a:defRPr></a:lvl1pPr></p:otherStyle></p:txStyles></p:sldMaster>`
})

var titleLayout = sync.OnceValue(func() string {
	return xmlHeader + `<p:sldLayout ` + rootNS + ` type="title" preserve="1"><p:cSld name="Title Slide"><p:spTree>` +
		emptyGroup +
		centred(placeholder(2, "Title 1", `<p:ph type="ctrTitle"/>`, 1524000, ctrTitleY, 9144000, 1470000, ` anchor="b"`)) +
		placeholder(3, "Subtitle 2", `<p:ph type="subTitle" idx="1"/>`, 1524000, subTitleY, 9144000, 1500000, ``) +
		footers() +
		`</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>`
})

var contentLayout = sync.OnceValue(func() string {
	return xmlHeader + `<p:sldLayout ` + rootNS + ` type="obj" preserve="1"><p:cSld name="Title and Content"><p:spTree>` +
		emptyGroup +
		placeholder(2, "Title 1", `<p:ph type="title"/>`, marginX, titleY, bodyW, titleH, ` anchor="b"`) +
		placeholder(3, "Content Placeholder 2", `<p:ph idx="1"/>`, marginX, bodyY, bodyW, bodyH, ``) +
		footers() +
		`</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>`
})

var notesMaster = sync.OnceValue(func() string {
	return xmlHeader + `<p:notesMaster ` + rootNS + `><p:cSld><p:bg><p:bgRef idx="1001"><a:schemeClr val="bg1"/></p:bgRef></p:bg><p:spTree>` +
		emptyGroup +
		`<p:sp><p:nvSpPr><p:cNvPr id="2" name="Slide Image Placeholder 1"/><p:cNvSpPr><a:spLocks noGrp="1" noRot="1" noChangeAspect="1"/></p:cNvSpPr>` +
		`<p:nvPr><p:ph type="sldImg" idx="2"/></p:nvPr></p:nvSpPr><p:spPr><a:xfrm><a:off x="685800" y="1143000"/><a:ext cx="5486400" cy="3086100"/></a:xfrm>` +
		`<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln w="12700"><a:solidFill><a:prstClr val="black"/></a:solidFill></a:ln></p:spPr></p:sp>` +
		placeholder(3, "Notes Placeholder 2", `<p:ph type="body" sz="quarter" idx="3"/>`, 685800, 4400550, 5486400, 3600450, ``) +
		`</p:spTree></p:cSld>` + clrMap +
		`<p:notesStyle><a:lvl1pPr marL="0" algn="l"><a:defRPr sz="1200"><a:solidFill><a:schemeClr val="tx1"/></a:solidFill>` +
		themeFonts + `</a:defRPr></a:lvl1pPr></p:notesStyle></p:notesMaster>`
})
