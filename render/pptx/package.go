package pptx

import (
	"bytes"
	"fmt"
	"sort"
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

// contentTypes lists the extension defaults and every part's type.
func contentTypes(defaults, types map[string]string) []byte {
	var b bytes.Buffer
	b.WriteString(xmlHeader)
	b.WriteString(`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`)
	for _, ext := range sortedKeys(defaults) {
		fmt.Fprintf(&b, `<Default Extension="%s" ContentType="%s"/>`, esc(ext), esc(defaults[ext]))
	}
	for _, part := range sortedKeys(types) {
		fmt.Fprintf(&b, `<Override PartName="/%s" ContentType="%s"/>`, esc(part), esc(types[part]))
	}
	b.WriteString(`</Types>`)
	return b.Bytes()
}

func sortedKeys(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
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

// Relationship ids in presentation.xml.rels: rId1.. the masters, then
// rId(M+1) notes master, rId(M+2) theme, rId(M+3..M+5) props, rId(100+i)
// slide i.
func presentationXML(slides int, g geometry) []byte {
	var b bytes.Buffer
	b.WriteString(xmlHeader)
	fmt.Fprintf(&b, `<p:presentation xmlns:a="%s" xmlns:r="%s" xmlns:p="%s" saveSubsetFonts="1">`, nsA, nsR, nsP)
	b.WriteString(`<p:sldMasterIdLst>`)
	if g.own {
		b.WriteString(`<p:sldMasterId id="2147483648" r:id="rId1"/>`)
	}
	for i, m := range g.masters {
		fmt.Fprintf(&b, m, fmt.Sprintf("rId%d", i+1))
	}
	b.WriteString(`</p:sldMasterIdLst>`)
	fmt.Fprintf(&b, `<p:notesMasterIdLst><p:notesMasterId r:id="rId%d"/></p:notesMasterIdLst>`, len(g.targets)+1)
	b.WriteString(`<p:sldIdLst>`)
	for i := 1; i <= slides; i++ {
		fmt.Fprintf(&b, `<p:sldId id="%d" r:id="rId%d"/>`, 255+i, 100+i)
	}
	b.WriteString(`</p:sldIdLst>`)
	fmt.Fprintf(&b, `<p:sldSz cx="%d" cy="%d"/><p:notesSz cx="6858000" cy="9144000"/>`, g.width, g.height)
	b.WriteString(g.style)
	b.WriteString(`</p:presentation>`)
	return b.Bytes()
}

func presentationRels(slides int, g geometry) []byte {
	var b bytes.Buffer
	b.WriteString(xmlHeader + `<Relationships xmlns="` + nsRel + `">`)
	rel := func(id int, typ, target string) {
		fmt.Fprintf(&b, `<Relationship Id="rId%d" Type="%s%s" Target="%s"/>`, id, relT, typ, esc(target))
	}
	m := len(g.targets)
	for i, t := range g.targets {
		rel(i+1, "slideMaster", strings.TrimPrefix(t, "ppt/"))
	}
	rel(m+1, "notesMaster", "notesMasters/notesMaster1.xml")
	rel(m+2, "theme", strings.TrimPrefix(g.theme, "ppt/"))
	rel(m+3, "presProps", "presProps.xml")
	rel(m+4, "viewProps", "viewProps.xml")
	rel(m+5, "tableStyles", "tableStyles.xml")
	for i := 1; i <= slides; i++ {
		rel(100+i, "slide", fmt.Sprintf("slides/slide%d.xml", i))
	}
	b.WriteString(`</Relationships>`)
	return b.Bytes()
}

// slideRels relates slide k to its layout part, its notes and its pics
// pictures (rId3 ... , ppt/media/slide<k>-icon<n>.png).
func slideRels(k int, layoutPart string, pics int) []byte {
	var images strings.Builder
	for j := 1; j <= pics; j++ {
		fmt.Fprintf(&images, `<Relationship Id="rId%d" Type="%simage" Target="../media/slide%d-icon%d.png"/>`, j+2, relT, k, j)
	}
	return []byte(fmt.Sprintf(xmlHeader+`<Relationships xmlns="%s">`+
		`<Relationship Id="rId1" Type="%sslideLayout" Target="../%s"/>`+
		`<Relationship Id="rId2" Type="%snotesSlide" Target="../notesSlides/notesSlide%d.xml"/>`+
		`%s</Relationships>`, nsRel, relT, esc(strings.TrimPrefix(layoutPart, "ppt/")), relT, k, images.String()))
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

func notesMasterRelsTo(theme string) string {
	return xmlHeader + `<Relationships xmlns="` + nsRel + `">` +
		`<Relationship Id="rId1" Type="` + relT + `theme" Target="` + theme + `"/>` +
		`</Relationships>`
}
