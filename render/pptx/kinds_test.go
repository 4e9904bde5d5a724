package pptx

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/archdoc/archdoc/internal/golden"
	"github.com/archdoc/archdoc/render/internal/rendertest"
	"github.com/archdoc/archdoc/render/scene"
)

// kindsSlide is the diagram slide of the kinds fixture's business view:
// one module of each kind and a service's two stores.
func kindsSlide(t *testing.T) []byte {
	t.Helper()
	var business *scene.Scene
	for _, s := range rendertest.ExampleScenes(t)["kinds"] {
		if s.ID == "business" {
			business = s
		}
	}
	var buf bytes.Buffer
	p := &Presentation{Title: "Kinds", Lang: "en", Slides: []Slide{{Layout: LayoutContent, Title: business.Title, Diagram: business}}}
	if err := Write(&buf, p); err != nil {
		t.Fatal(err)
	}
	return unzip(t, buf.Bytes())["ppt/slides/slide1.xml"]
}

// TestGoldenKinds keeps the slide that draws every module kind with
// PowerPoint's preset shapes; the shapes are checked by name too.
func TestGoldenKinds(t *testing.T) {
	slide := kindsSlide(t)
	golden.Check(t, filepath.Join("testdata", "kinds-business.slide.xml.golden"), slide)
	for id, prst := range map[string]string{
		"catalog-db": "can", "order-db": "can", "sessions": "can", "order-cache": "can",
		"order-events": "flowChartMagneticDrum", "api": "hexagon", "web": "parallelogram", "nightly": "trapezoid",
		"order-service": "roundRect", "mailer": "roundRect", "payments": "rect",
	} {
		shape := shapeNamed(string(slide), id)
		if !strings.Contains(shape, `<a:prstGeom prst="`+prst+`">`) {
			t.Errorf("%s is not a %s: %s", id, prst, shape)
		}
		cache := id == "sessions" || id == "order-cache"
		if dashed := strings.Contains(shape, `<a:prstDash val="dash"/>`); dashed != cache {
			t.Errorf("%s: dashed outline %v, want %v", id, dashed, cache)
		}
	}
}

// shapeNamed is the <p:sp> element whose name is id.
func shapeNamed(slide, id string) string {
	i := strings.Index(slide, `name="`+id+`"`)
	if i < 0 {
		return ""
	}
	start := strings.LastIndex(slide[:i], "<p:sp>")
	end := strings.Index(slide[i:], "</p:sp>")
	return slide[start : i+end]
}

// TestAsyncConnectors: the kinds fixture's two async flows are dashed
// connectors with an open (arrow) head; every other flow keeps a solid
// line and a filled (triangle) head.
func TestAsyncConnectors(t *testing.T) {
	slide := string(kindsSlide(t))
	for _, part := range strings.Split(slide, "<p:cxnSp>")[1:] {
		name := part[strings.Index(part, `name="`)+6:]
		name = name[:strings.IndexByte(name, '"')]
		async := name == "edge order-service-order-events" || name == "edge order-events-mailer"
		dashed := strings.Contains(part, `<a:prstDash val="dash"/>`)
		open := strings.Contains(part, `<a:tailEnd type="arrow"`)
		if !strings.HasPrefix(name, "edge ") || strings.HasPrefix(name, "edge uses:") || strings.HasPrefix(name, "edge owns:") {
			continue
		}
		if dashed != async || open != async {
			t.Errorf("%s: dashed %v, open head %v; want both %v", name, dashed, open, async)
		}
	}
	if n := strings.Count(slide, `<a:tailEnd type="arrow"`); n != 2 {
		t.Errorf("%d open heads, want the 2 async flows'", n)
	}
}

// TestGlueSites: an arrow is glued to the connection site on the side it
// reaches. Presets number their sites differently (ECMA-376 cxnLst): a
// parallelogram's left is site 5 and its right site 2, a hexagon's left
// corner site 3 and its right corner site 0, so gluing them as if they
// were rectangles put the arrow's end on the top edge, or across the
// label, once PowerPoint or LibreOffice redraws the connector.
func TestGlueSites(t *testing.T) {
	slide := string(kindsSlide(t))
	for edge, want := range map[string]string{
		"edge shopper-web":  `<a:endCxn id="14" idx="5"/>`,
		"edge web-api":      `<a:stCxn id="14" idx="2"/><a:endCxn id="15" idx="3"/>`,
		"edge api-sessions": `<a:stCxn id="15" idx="0"/>`,
		"edge place-order":  `<a:stCxn id="15" idx="0"/>`,
	} {
		i := strings.Index(slide, `name="`+edge+`"`)
		if i < 0 {
			t.Fatalf("no connector %q", edge)
		}
		end := i + strings.Index(slide[i:], "</p:cNvCxnSpPr>")
		if got := slide[i:end]; !strings.Contains(got, want) {
			t.Errorf("%s: %s, want %s", edge, got, want)
		}
	}
}
