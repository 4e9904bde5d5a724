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
