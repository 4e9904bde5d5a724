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
)

// Presentation is what Write needs.
type Presentation struct {
	Title  string
	Author string
	Lang   string // BCP 47, e.g. zh-CN; default en-US
	Slides []Slide
}

// Slide is one slide.
type Slide struct {
	Layout  string // LayoutTitle or LayoutContent
	Kicker  string // small line above the title (the section's name), may be empty
	Title   string
	Body    []Paragraph // subtitle (title layout) or body text
	Diagram *scene.Scene
	// Split puts the body in the left third and the diagram on the right;
	// otherwise a diagram fills the body area (and Body should be empty).
	Split bool
	Notes []Paragraph
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
	n := len(p.Slides)
	parts["[Content_Types].xml"] = contentTypes(n)
	parts["_rels/.rels"] = []byte(rootRels)
	parts["docProps/core.xml"] = coreProps(p.Title, p.Author)
	parts["docProps/app.xml"] = appProps(n)
	parts["ppt/presentation.xml"] = presentationXML(n)
	parts["ppt/_rels/presentation.xml.rels"] = presentationRels(n)
	parts["ppt/presProps.xml"] = []byte(presProps)
	parts["ppt/viewProps.xml"] = []byte(viewProps)
	parts["ppt/tableStyles.xml"] = []byte(tableStyles)
	parts["ppt/theme/theme1.xml"] = themeXML("archdoc")
	parts["ppt/theme/theme2.xml"] = themeXML("archdoc notes")
	parts["ppt/slideMasters/slideMaster1.xml"] = []byte(slideMaster)
	parts["ppt/slideMasters/_rels/slideMaster1.xml.rels"] = []byte(slideMasterRels)
	parts["ppt/slideLayouts/slideLayout1.xml"] = []byte(titleLayout)
	parts["ppt/slideLayouts/slideLayout2.xml"] = []byte(contentLayout)
	parts["ppt/slideLayouts/_rels/slideLayout1.xml.rels"] = []byte(layoutRels)
	parts["ppt/slideLayouts/_rels/slideLayout2.xml.rels"] = []byte(layoutRels)
	parts["ppt/notesMasters/notesMaster1.xml"] = []byte(notesMaster)
	parts["ppt/notesMasters/_rels/notesMaster1.xml.rels"] = []byte(notesMasterRels)
	for i, s := range p.Slides {
		k := i + 1
		sx, err := slideXML(s, p.Title, lang)
		if err != nil {
			return nil, fmt.Errorf("pptx: slide %d: %w", k, err)
		}
		parts[fmt.Sprintf("ppt/slides/slide%d.xml", k)] = sx
		parts[fmt.Sprintf("ppt/slides/_rels/slide%d.xml.rels", k)] = slideRels(k, s.Layout)
		parts[fmt.Sprintf("ppt/notesSlides/notesSlide%d.xml", k)] = notesXML(s.Notes, lang)
		parts[fmt.Sprintf("ppt/notesSlides/_rels/notesSlide%d.xml.rels", k)] = notesRels(k)
	}
	return parts, nil
}
