package pptx

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/archdoc/archdoc/render/internal/rendertest"
)

// Text and diagrams built by hand may hold characters XML cannot carry:
// every part of the package stays well-formed XML 1.0.
func TestHostileTextStaysWellFormedXML(t *testing.T) {
	h := rendertest.HostileText
	runs := []Run{{Text: h}, {Text: h, Bold: true}, {Text: h, Code: true}}
	p := &Presentation{Title: h, Author: h, Lang: h, Slides: []Slide{
		{Layout: LayoutTitle, Kicker: h, Title: h, Body: []Paragraph{{Runs: runs}}, Notes: []Paragraph{{Runs: runs}}},
		{Layout: LayoutContent, Kicker: h, Title: h, Diagram: rendertest.Hostile()},
		{Layout: LayoutContent, Title: h, Split: true, Body: []Paragraph{{Bullet: true, Runs: runs}}, Diagram: rendertest.Hostile()},
	}}
	var b bytes.Buffer
	if err := Write(&b, p); err != nil {
		t.Fatal(err)
	}
	if err := Check(b.Bytes(), len(p.Slides)); err != nil {
		t.Error(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(b.Bytes()), int64(b.Len()))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if !strings.HasSuffix(f.Name, ".xml") && !strings.HasSuffix(f.Name, ".rels") {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		rendertest.CheckXML(t, f.Name, data)
	}
}
