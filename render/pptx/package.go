package pptx

import (
	"bytes"
	"fmt"
	"strings"
)

const xmlHeader = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"

const (
	nsP   = `http://schemas.openxmlformats.org/presentationml/2006/main`
	nsA   = `http://schemas.openxmlformats.org/drawingml/2006/main`
	nsR   = `http://schemas.openxmlformats.org/officeDocument/2006/relationships`
	nsRel = `http://schemas.openxmlformats.org/package/2006/relationships`
	relT  = `http://schemas.openxmlformats.org/officeDocument/2006/relationships/`
	ctPML = `application/vnd.openxmlformats-officedocument.presentationml.`
)

func contentTypes(slides int) []byte {
	var b bytes.Buffer
	b.WriteString(xmlHeader)
	b.WriteString(`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`)
	b.WriteString(`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>`)
	b.WriteString(`<Default Extension="xml" ContentType="application/xml"/>`)
	b.WriteString(`<Default Extension="png" ContentType="image/png"/>`)
	over := func(part, ct string) {
		fmt.Fprintf(&b, `<Override PartName="/%s" ContentType="%s"/>`, part, ct)
	}
	over("docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml")
	over("docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml")
	over("ppt/presentation.xml", ctPML+"presentation.main+xml")
	over("ppt/presProps.xml", ctPML+"presProps+xml")
	over("ppt/viewProps.xml", ctPML+"viewProps+xml")
	over("ppt/tableStyles.xml", ctPML+"tableStyles+xml")
	over("ppt/theme/theme1.xml", "application/vnd.openxmlformats-officedocument.theme+xml")
	over("ppt/theme/theme2.xml", "application/vnd.openxmlformats-officedocument.theme+xml")
	over("ppt/slideMasters/slideMaster1.xml", ctPML+"slideMaster+xml")
	over("ppt/slideLayouts/slideLayout1.xml", ctPML+"slideLayout+xml")
	over("ppt/slideLayouts/slideLayout2.xml", ctPML+"slideLayout+xml")
	over("ppt/notesMasters/notesMaster1.xml", ctPML+"notesMaster+xml")
	for i := 1; i <= slides; i++ {
		over(fmt.Sprintf("ppt/slides/slide%d.xml", i), ctPML+"slide+xml")
		over(fmt.Sprintf("ppt/notesSlides/notesSlide%d.xml", i), ctPML+"notesSlide+xml")
	}
	b.WriteString(`</Types>`)
	return b.Bytes()
}

const rootRels = xmlHeader + `<Relationships xmlns="` + nsRel + `">` +
	`<Relationship Id="rId1" Type="` + relT + `officeDocument" Target="ppt/presentation.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
	`<Relationship Id="rId3" Type="` + relT + `extended-properties" Target="docProps/app.xml"/>` +
	`</Relationships>`

func coreProps(title, author string) []byte {
	return []byte(xmlHeader + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
		`xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ` +
		`xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
		`<dc:title>` + esc(title) + `</dc:title><dc:creator>` + esc(author) + `</dc:creator>` +
		`</cp:coreProperties>`)
}

func appProps(slides int) []byte {
	return []byte(fmt.Sprintf(xmlHeader+`<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">`+
		`<Application>archdoc</Application><Slides>%d</Slides><Notes>%d</Notes></Properties>`, slides, slides))
}

// Relationship ids in presentation.xml.rels: rId1 master, rId2 notes
// master, rId3 theme, rId4-6 props, rId(10+i) slide i.
func presentationXML(slides int) []byte {
	var b bytes.Buffer
	b.WriteString(xmlHeader)
	fmt.Fprintf(&b, `<p:presentation xmlns:a="%s" xmlns:r="%s" xmlns:p="%s" saveSubsetFonts="1">`, nsA, nsR, nsP)
	b.WriteString(`<p:sldMasterIdLst><p:sldMasterId id="2147483648" r:id="rId1"/></p:sldMasterIdLst>`)
	b.WriteString(`<p:notesMasterIdLst><p:notesMasterId r:id="rId2"/></p:notesMasterIdLst>`)
	b.WriteString(`<p:sldIdLst>`)
	for i := 1; i <= slides; i++ {
		fmt.Fprintf(&b, `<p:sldId id="%d" r:id="rId%d"/>`, 255+i, 10+i)
	}
	b.WriteString(`</p:sldIdLst>`)
	fmt.Fprintf(&b, `<p:sldSz cx="%d" cy="%d"/><p:notesSz cx="6858000" cy="9144000"/>`, SlideWidth, SlideHeight)
	b.WriteString(`</p:presentation>`)
	return b.Bytes()
}

func presentationRels(slides int) []byte {
	var b bytes.Buffer
	b.WriteString(xmlHeader + `<Relationships xmlns="` + nsRel + `">`)
	rel := func(id int, typ, target string) {
		fmt.Fprintf(&b, `<Relationship Id="rId%d" Type="%s%s" Target="%s"/>`, id, relT, typ, target)
	}
	rel(1, "slideMaster", "slideMasters/slideMaster1.xml")
	rel(2, "notesMaster", "notesMasters/notesMaster1.xml")
	rel(3, "theme", "theme/theme1.xml")
	rel(4, "presProps", "presProps.xml")
	rel(5, "viewProps", "viewProps.xml")
	rel(6, "tableStyles", "tableStyles.xml")
	for i := 1; i <= slides; i++ {
		rel(10+i, "slide", fmt.Sprintf("slides/slide%d.xml", i))
	}
	b.WriteString(`</Relationships>`)
	return b.Bytes()
}

// slideRels relates slide k to its layout, its notes and its pics
// pictures (rId3 ... , ppt/media/slide<k>-icon<n>.png).
func slideRels(k int, layout string, pics int) []byte {
	lay := 2
	if layout == LayoutTitle {
		lay = 1
	}
	var images strings.Builder
	for j := 1; j <= pics; j++ {
		fmt.Fprintf(&images, `<Relationship Id="rId%d" Type="%simage" Target="../media/slide%d-icon%d.png"/>`, j+2, relT, k, j)
	}
	return []byte(fmt.Sprintf(xmlHeader+`<Relationships xmlns="%s">`+
		`<Relationship Id="rId1" Type="%sslideLayout" Target="../slideLayouts/slideLayout%d.xml"/>`+
		`<Relationship Id="rId2" Type="%snotesSlide" Target="../notesSlides/notesSlide%d.xml"/>`+
		`%s</Relationships>`, nsRel, relT, lay, relT, k, images.String()))
}

func notesRels(k int) []byte {
	return []byte(fmt.Sprintf(xmlHeader+`<Relationships xmlns="%s">`+
		`<Relationship Id="rId1" Type="%snotesMaster" Target="../notesMasters/notesMaster1.xml"/>`+
		`<Relationship Id="rId2" Type="%sslide" Target="../slides/slide%d.xml"/>`+
		`</Relationships>`, nsRel, relT, relT, k))
}

const presProps = xmlHeader + `<p:presentationPr xmlns:a="` + nsA + `" xmlns:r="` + nsR + `" xmlns:p="` + nsP + `"/>`

const viewProps = xmlHeader + `<p:viewPr xmlns:a="` + nsA + `" xmlns:r="` + nsR + `" xmlns:p="` + nsP + `">` +
	`<p:normalViewPr><p:restoredLeft sz="15620"/><p:restoredTop sz="80000"/></p:normalViewPr>` +
	`<p:gridSpacing cx="76200" cy="76200"/></p:viewPr>`

const tableStyles = xmlHeader + `<a:tblStyleLst xmlns:a="` + nsA + `" def="{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}"/>`

const slideMasterRels = xmlHeader + `<Relationships xmlns="` + nsRel + `">` +
	`<Relationship Id="rId1" Type="` + relT + `slideLayout" Target="../slideLayouts/slideLayout1.xml"/>` +
	`<Relationship Id="rId2" Type="` + relT + `slideLayout" Target="../slideLayouts/slideLayout2.xml"/>` +
	`<Relationship Id="rId3" Type="` + relT + `theme" Target="../theme/theme1.xml"/>` +
	`</Relationships>`

const layoutRels = xmlHeader + `<Relationships xmlns="` + nsRel + `">` +
	`<Relationship Id="rId1" Type="` + relT + `slideMaster" Target="../slideMasters/slideMaster1.xml"/>` +
	`</Relationships>`

const notesMasterRels = xmlHeader + `<Relationships xmlns="` + nsRel + `">` +
	`<Relationship Id="rId1" Type="` + relT + `theme" Target="../theme/theme2.xml"/>` +
	`</Relationships>`
