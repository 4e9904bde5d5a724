package render_test

import (
	"archive/zip"
	"bytes"
	"context"
	"image"
	"image/color"
	stdpng "image/png"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/archdoc/archdoc/model"
	"github.com/archdoc/archdoc/render"
	"github.com/archdoc/archdoc/render/mxfile"
	"github.com/archdoc/archdoc/render/png"
	"github.com/archdoc/archdoc/render/pptx"
	"github.com/archdoc/archdoc/render/scene"
	"github.com/archdoc/archdoc/render/svg"
)

// red is the user's own icon in TestIconsInEveryFormat: a red square.
var red = color.NRGBA{R: 230, A: 255}

// iconModel writes a model whose stack has Nginx (the bundled icon, found
// by name) and a technology with its own PNG icon file beside the model.
func iconModel(t *testing.T) *model.Model {
	t.Helper()
	dir := t.TempDir()
	img := image.NewNRGBA(image.Rect(0, 0, 16, 16))
	for y := range 16 {
		for x := range 16 {
			img.Set(x, y, red)
		}
	}
	var b bytes.Buffer
	if err := stdpng.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "icons"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "icons", "tool.png"), b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	yaml := `name: Icons
stack:
  layers:
    - id: web
      name: Web
      technologies:
        - {id: nginx, name: Nginx}
        - {id: tool, name: Our tool, icon: icons/tool.png}
`
	if err := os.WriteFile(filepath.Join(dir, "architecture.yaml"), []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	m, err := model.Load(filepath.Join(dir, "architecture.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestIconsInEveryFormat: a bundled icon (NGINX, green #009639) and a
// user's own PNG (red) appear in SVG, PNG, draw.io and PPTX output.
func TestIconsInEveryFormat(t *testing.T) {
	s, err := render.Scene(context.Background(), iconModel(t), "stack")
	if err != nil {
		t.Fatal(err)
	}
	nodes := map[string]scene.Node{}
	for _, n := range s.Nodes {
		nodes[n.ID] = n
	}
	if nodes["nginx"].Icon == nil || nodes["nginx"].Icon.Color != "#009639" || nodes["tool"].Icon == nil || nodes["tool"].Icon.MIME != "image/png" {
		t.Fatalf("icons: nginx %+v, tool %+v", nodes["nginx"].Icon, nodes["tool"].Icon)
	}

	var out bytes.Buffer
	if err := svg.Render(&out, s, svg.Options{Standalone: true}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`<g class="icon" transform="translate(`, `fill="#009639"`, `<image class="icon"`, `href="data:image/png;base64,`} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("SVG lacks %q", want)
		}
	}

	out.Reset()
	if err := png.Render(&out, s, png.Options{Scale: 2}); err != nil {
		t.Fatal(err)
	}
	img, err := stdpng.Decode(&out)
	if err != nil {
		t.Fatal(err)
	}
	if n := countNear(img, nodes["nginx"].IconRect(), color.NRGBA{G: 0x96, B: 0x39, A: 255}); n < 50 {
		t.Errorf("PNG: %d NGINX-green pixels in its icon's box", n)
	}
	if n := countNear(img, nodes["tool"].IconRect(), red); n < 500 {
		t.Errorf("PNG: %d red pixels in the user's icon box", n)
	}

	out.Reset()
	if err := mxfile.Render(&out, s); err != nil {
		t.Fatal(err)
	}
	d := out.String()
	if !strings.Contains(d, "image=data:image/svg+xml,") || !strings.Contains(d, "image=data:image/png,") || strings.Count(d, `id="n-nginx"`) != 1 {
		t.Errorf("draw.io: no icon in the tile's own style, or more than one cell per tile")
	}

	out.Reset()
	if err := pptx.Write(&out, &pptx.Presentation{Title: "t", Slides: []pptx.Slide{{Layout: pptx.LayoutContent, Title: "Stack", Diagram: s}}}); err != nil {
		t.Fatal(err)
	}
	slide, media := pptxParts(t, out.Bytes())
	if !strings.Contains(slide, `name="nginx icon NGINX"`) || !strings.Contains(slide, `<a:srgbClr val="009639"/>`) {
		t.Errorf("PPTX: no NGINX icon shape")
	}
	if !strings.Contains(slide, `<a:blip r:embed="rId3"/>`) || !bytes.HasPrefix(media, []byte("\x89PNG")) {
		t.Errorf("PPTX: the user's icon is not an embedded picture")
	}
}

func countNear(img image.Image, r scene.Rect, want color.NRGBA) int {
	n := 0
	for y := int(r.Y * 2); y < int((r.Y+r.H)*2); y++ {
		for x := int(r.X * 2); x < int((r.X+r.W)*2); x++ {
			c := color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA)
			if near(c.R, want.R) && near(c.G, want.G) && near(c.B, want.B) {
				n++
			}
		}
	}
	return n
}

func near(a, b uint8) bool { return int(a)-int(b) < 24 && int(b)-int(a) < 24 }

// pptxParts returns slide 1's XML and its first picture.
func pptxParts(t *testing.T, b []byte) (string, []byte) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	read := func(name string) []byte {
		f, err := zr.Open(name)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		defer f.Close()
		data, _ := io.ReadAll(f)
		return data
	}
	return string(read("ppt/slides/slide1.xml")), read("ppt/media/slide1-icon1.png")
}
