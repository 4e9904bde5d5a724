// Package pptx writes a presentation as Office Open XML (.pptx) by hand:
// real title and body placeholders with editable text, speaker notes in
// notes pages, and diagrams drawn from a scene as native, editable shapes
// and freeform connectors. No external tool is involved and the zip is
// deterministic (fixed timestamps, sorted entries).
package pptx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"sort"
	"time"

	"github.com/archdoc/archdoc/render/scene"
)

// Layouts of a slide.
const (
	LayoutTitle   = "title"   // centred title and subtitle (title layout)
	LayoutContent = "content" // title and body (title+content layout)
	LayoutSection = "section" // a divider (section header layout; archdoc's own: the title layout)
)

// Presentation is what Write needs.
type Presentation struct {
	Title  string
	Author string
	Lang   string // BCP 47, e.g. zh-CN; default en-US
	Slides []Slide
	// Template, when set, gives the slide masters, layouts and theme
	// (see ReadTemplate); nil uses archdoc's own.
	Template *Template
}

// Slide is one slide.
type Slide struct {
	Layout  string // LayoutTitle, LayoutContent or LayoutSection
	Kicker  string // small line above the title (the section's name), may be empty
	Title   string
	Body    []Paragraph // subtitle (title layout) or body text
	Diagram *scene.Scene
	// Split puts the body in the left third and the diagram on the right;
	// otherwise a diagram fills the body area (and Body should be empty).
	Split bool
	Notes []Paragraph
	// Icon is drawn left of the title (a technology's slide); nil for none.
	Icon *scene.Icon
}

// Paragraph is a line of text, possibly a bullet at a nesting level.
type Paragraph struct {
	Level  int  // 0 = top
	Bullet bool // bulleted list item
	Number int  // >0: numbered list item with this number
	Runs   []Run
}

// Run is text with one style.
type Run struct {
	Text   string
	Bold   bool
	Italic bool
	Code   bool
}

// Slide geometry in EMU (16:9, 13.333 x 7.5 in).
const (
	emuPerPt    = 12700
	SlideWidth  = 12192000
	SlideHeight = 6858000
)

// fixedTime keeps the zip byte-identical run after run.
var fixedTime = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)

// Write writes p as a .pptx package.
func Write(w io.Writer, p *Presentation) error {
	if len(p.Slides) == 0 {
		return fmt.Errorf("pptx: presentation has no slides")
	}
	parts, err := build(p)
	if err != nil {
		return err
	}
	return writeZip(w, parts)
}

// writeZip stores the parts sorted by name with fixed timestamps.
func writeZip(w io.Writer, parts map[string][]byte) error {
	names := make([]string, 0, len(parts))
	for n := range parts {
		names = append(names, n)
	}
	sort.Strings(names)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, n := range names {
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: n, Method: zip.Deflate, Modified: fixedTime})
		if err != nil {
			return err
		}
		if _, err := fw.Write(parts[n]); err != nil {
			return err
		}
	}
	if err := zw.Close(); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// build returns every part of the package by path.
func build(p *Presentation) (map[string][]byte, error) {
	lang := p.Lang
	if lang == "" {
		lang = "en-US"
	}
	parts := map[string][]byte{}
	types := map[string]string{} // part -> content type, for [Content_Types].xml
	defaults := map[string]string{"rels": "application/vnd.openxmlformats-package.relationships+xml", "xml": "application/xml", "png": "image/png"}
	add := func(name, ct string, data []byte) {
		parts[name] = data
		if ct != "" {
			types[name] = ct
		}
	}
	n := len(p.Slides)
	g := ownGeometry()
	if t := p.Template; t != nil {
		g = t.geometry()
		for name, data := range t.parts {
			if kept(name) {
				add(name, t.types.overrides[name], data)
			}
		}
		for ext, ct := range t.types.defaults {
			if _, ok := defaults[ext]; !ok {
				defaults[ext] = ct
			}
		}
		add("ppt/theme/themeNotes.xml", ctTheme, themeXML("archdoc notes"))
		add("ppt/notesMasters/_rels/notesMaster1.xml.rels", "", []byte(notesMasterRelsTo("../theme/themeNotes.xml")))
	} else {
		add("ppt/theme/theme1.xml", ctTheme, themeXML("archdoc"))
		add("ppt/theme/theme2.xml", ctTheme, themeXML("archdoc notes"))
		add("ppt/slideMasters/slideMaster1.xml", ctPML+"slideMaster+xml", []byte(slideMaster()))
		add("ppt/slideMasters/_rels/slideMaster1.xml.rels", "", []byte(slideMasterRels))
		add("ppt/slideLayouts/slideLayout1.xml", ctPML+"slideLayout+xml", []byte(titleLayout()))
		add("ppt/slideLayouts/slideLayout2.xml", ctPML+"slideLayout+xml", []byte(contentLayout()))
		add("ppt/slideLayouts/_rels/slideLayout1.xml.rels", "", []byte(layoutRels))
		add("ppt/slideLayouts/_rels/slideLayout2.xml.rels", "", []byte(layoutRels))
		add("ppt/notesMasters/_rels/notesMaster1.xml.rels", "", []byte(notesMasterRelsTo("../theme/theme2.xml")))
	}
	add("_rels/.rels", "", []byte(rootRels))
	add("docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml", coreProps(p.Title, p.Author))
	add("docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml", appProps(n))
	add("ppt/presentation.xml", ctPML+"presentation.main+xml", presentationXML(n, g))
	add("ppt/_rels/presentation.xml.rels", "", presentationRels(n, g))
	add("ppt/presProps.xml", ctPML+"presProps+xml", []byte(presProps))
	add("ppt/viewProps.xml", ctPML+"viewProps+xml", []byte(viewProps))
	add("ppt/tableStyles.xml", ctPML+"tableStyles+xml", []byte(tableStyles))
	add("ppt/notesMasters/notesMaster1.xml", ctPML+"notesMaster+xml", []byte(notesMaster()))
	for i, s := range p.Slides {
		k := i + 1
		sx, pics, err := slideXML(s, p.Title, lang, g)
		if err != nil {
			return nil, fmt.Errorf("pptx: slide %d: %w", k, err)
		}
		add(fmt.Sprintf("ppt/slides/slide%d.xml", k), ctPML+"slide+xml", sx)
		add(fmt.Sprintf("ppt/slides/_rels/slide%d.xml.rels", k), "", slideRels(k, g.layout(s.Layout).part, len(pics)))
		for j, pic := range pics {
			add(fmt.Sprintf("ppt/media/slide%d-icon%d.png", k, j+1), "", pic)
		}
		add(fmt.Sprintf("ppt/notesSlides/notesSlide%d.xml", k), ctPML+"notesSlide+xml", notesXML(s.Notes, lang))
		add(fmt.Sprintf("ppt/notesSlides/_rels/notesSlide%d.xml.rels", k), "", notesRels(k))
	}
	parts["[Content_Types].xml"] = contentTypes(defaults, types)
	return parts, nil
}

const ctTheme = "application/vnd.openxmlformats-officedocument.theme+xml"

// geometry is what the slides need to know of their masters: the slide
// size, the layout of each kind of slide, and whether the masters are
// archdoc's own (whose title and kicker positions it may adjust).
type geometry struct {
	width, height int
	own           bool
	layouts       map[string]templateLayout
	masters       []string // sldMasterId elements with r:id="%s", template only
	targets       []string // their parts
	theme         string
	style         string // defaultTextStyle element
}

func (g geometry) layout(kind string) templateLayout {
	if l, ok := g.layouts[kind]; ok {
		return l
	}
	if kind == LayoutSection {
		return g.layouts[LayoutTitle]
	}
	return g.layouts[LayoutContent]
}

func ownGeometry() geometry {
	body := box{marginX, bodyY, bodyW, bodyH}
	return geometry{width: SlideWidth, height: SlideHeight, own: true, theme: "ppt/theme/theme1.xml",
		targets: []string{"ppt/slideMasters/slideMaster1.xml"},
		layouts: map[string]templateLayout{
			LayoutTitle:   {kind: LayoutTitle, part: "ppt/slideLayouts/slideLayout1.xml", body: body, footer: "11", number: "12"},
			LayoutContent: {kind: LayoutContent, part: "ppt/slideLayouts/slideLayout2.xml", body: body, footer: "11", number: "12"},
		}}
}

func (t *Template) geometry() geometry {
	return geometry{width: t.size[0], height: t.size[1], layouts: t.layouts, masters: t.masters,
		targets: t.targets, theme: t.theme, style: t.style}
}
