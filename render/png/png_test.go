package png

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"image"
	"image/draw"
	stdpng "image/png"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/archdoc/archdoc/render/measure"
	"github.com/archdoc/archdoc/render/scene"
)

var update = flag.Bool("update", false, "rewrite golden files")

// loadScene reads a hand-built scene from testdata/scenes.
func loadScene(t testing.TB, name string) *scene.Scene {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "scenes", name+".json"))
	if err != nil {
		t.Fatal(err)
	}
	var s scene.Scene
	if err := json.Unmarshal(data, &s); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return &s
}

// requireCJKFont skips, loudly, where no CJK font is installed.
func requireCJKFont(t testing.TB) {
	t.Helper()
	if _, _, err := cjkFont([]rune("前台数据"), ""); err != nil {
		t.Skipf("!!!!!!!! NO CJK FONT INSTALLED: %v -- the Chinese PNG checks did NOT run; "+
			"CI installs fonts-noto-cjk (apt-get install fonts-noto-cjk) !!!!!!!!", err)
	}
}

func renderPNG(t testing.TB, s *scene.Scene, opts Options) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Render(&b, s, opts); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func decode(t testing.TB, data []byte) image.Image {
	t.Helper()
	img, err := stdpng.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("output is not a PNG: %v", err)
	}
	return img
}

// ink counts text-dark pixels inside r (scene units) shrunk by inset, so
// borders, fills and faint lines under label backgrounds do not count;
// muted text (a module's features, #59636e) does.
func ink(img image.Image, r scene.Rect, scale, inset float64) int {
	x0, y0 := int((r.X+inset)*scale), int((r.Y+inset)*scale)
	x1, y1 := int((r.X+r.W-inset)*scale), int((r.Y+r.H-inset)*scale)
	rgba, ok := img.(*image.RGBA)
	if !ok {
		rgba = image.NewRGBA(img.Bounds())
		draw.Draw(rgba, rgba.Bounds(), img, img.Bounds().Min, draw.Src)
	}
	n := 0
	for y := max(y0, 0); y < min(y1, rgba.Rect.Max.Y); y++ {
		for x := max(x0, 0); x < min(x1, rgba.Rect.Max.X); x++ {
			p := rgba.Pix[rgba.PixOffset(x, y):]
			if lum := (299*int(p[0]) + 587*int(p[1]) + 114*int(p[2])) / 1000; lum < 100 {
				n++
			}
		}
	}
	return n
}

// labelBand is where a node's label lines are drawn: the whole box, or
// for an actor the band under the figure.
func labelBand(n scene.Node, lh float64) scene.Rect {
	if n.Shape != scene.ShapeActor {
		return n.Rect
	}
	h := float64(len(n.Label)) * lh
	return scene.Rect{X: n.Rect.X, Y: n.Rect.Y + n.Rect.H - h, W: n.Rect.W, H: h}
}

func TestRenderDrawsEveryChineseLabel(t *testing.T) {
	requireCJKFont(t)
	for _, name := range []string{"business", "sequence"} {
		t.Run(name, func(t *testing.T) {
			s := loadScene(t, name)
			for _, scale := range []float64{0, 1, 3} {
				img := decode(t, renderPNG(t, s, Options{Scale: scale}))
				eff := scale
				if eff == 0 {
					eff = DefaultScale
				}
				wantW, wantH := int(math.Ceil(s.Width*eff)), int(math.Ceil(s.Height*eff))
				if b := img.Bounds(); b.Dx() != wantW || b.Dy() != wantH {
					t.Fatalf("scale %v: image is %dx%d, want %dx%d", scale, b.Dx(), b.Dy(), wantW, wantH)
				}
				checkLabelsInked(t, s, img, eff)
			}
		})
	}
}

// checkLabelsInked asserts each label's box holds dark text pixels in
// proportion to its characters: glyphs were drawn, not blanks or boxes.
func checkLabelsInked(t *testing.T, s *scene.Scene, img image.Image, scale float64) {
	t.Helper()
	lh := measure.LineHeight(s.FontSize)
	minInk := func(lines []string) int {
		n := 0
		for _, l := range lines {
			n += len([]rune(strings.TrimSpace(l)))
		}
		// At 14pt and scale 1 a Latin letter inks ~13 dark pixels, an
		// ideograph ~28; blanks or stray lines stay far below 6.
		return int(6 * scale * scale * float64(n))
	}
	for _, n := range s.Nodes {
		if got, want := ink(img, labelBand(n, lh), scale, 3), minInk(n.Label); got < want {
			t.Errorf("scale %v: node %s %q: %d text pixels, want at least %d", scale, n.ID, n.Label, got, want)
		}
	}
	for _, c := range s.Clusters {
		r := scene.Rect{X: c.LabelPos.X, Y: c.LabelPos.Y, W: measure.MaxWidth(c.Label, s.FontSize), H: lh * float64(len(c.Label))}
		if got, want := ink(img, r, scale, 0), minInk(c.Label); got < want {
			t.Errorf("scale %v: cluster %s %q: %d text pixels, want at least %d", scale, c.ID, c.Label, got, want)
		}
	}
	for _, e := range s.Edges {
		if got, want := ink(img, e.LabelRect, scale, 1), minInk(e.Label); got < want {
			t.Errorf("scale %v: edge %s %q: %d text pixels, want at least %d", scale, e.ID, e.Label, got, want)
		}
	}
}

// TestDrawnTextFitsMeasuredWidth: layout sizes boxes with render/measure;
// what the PNG draws must never be wider, or text would overflow.
func TestDrawnTextFitsMeasuredWidth(t *testing.T) {
	requireCJKFont(t)
	var texts []string
	for _, name := range []string{"business", "sequence"} {
		texts = append(texts, sceneTexts(loadScene(t, name))...)
	}
	texts = append(texts, "Hello, World! iIl1 WMW", "用户中心模块", "“引号”·—…，。！", "Redis 缓存 (cache) v7.2", "ｆｕｌｌ　ｗｉｄｔｈ", "ひらがな カタカナ 한글",
		"tab\there", "zero\u200bwidth", "emoji 🚀 rocket", "e\u0301clair")
	s := &scene.Scene{Nodes: []scene.Node{{Label: texts}}}
	fonts, err := fontsFor(s, "")
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range texts {
		for _, r := range text {
			if _, idx, _ := fonts.glyph(r); idx == 0 && !invisible(r) && r != '🚀' {
				t.Errorf("%q: no font has %q; it would be drawn as a box", text, r)
			}
		}
		drawn, measured := fonts.width(text, 14), measure.Width(text, 14)
		if drawn > measured+0.01 {
			t.Errorf("%q: drawn %.2fpt wide, measured %.2fpt: the label would overflow its box", text, drawn, measured)
		}
	}
}

func TestRenderIsDeterministic(t *testing.T) {
	requireCJKFont(t)
	s := loadScene(t, "business")
	first := renderPNG(t, s, Options{})
	resetFontSearch() // a fresh search must find and draw the same font
	if again := renderPNG(t, s, Options{}); !bytes.Equal(first, again) {
		t.Error("two renders of the same scene differ")
	}
}

// latinScene has no text beyond Go Regular, so its pixels are the same
// on every machine whatever fonts are installed.
func latinScene(t testing.TB) *scene.Scene {
	s := loadScene(t, "business")
	lat := *s
	lat.Nodes = nil
	for _, n := range s.Nodes {
		if n.ID == "anonymous" || n.ID == "coupon" || n.ID == "deals" {
			lat.Nodes = append(lat.Nodes, n)
		}
	}
	lat.Nodes[1].Label = []string{"Coupon service"}
	lat.Nodes[2].Label = []string{"Deals"}
	lat.Nodes[2].Sub = "v2 (beta)"
	lat.Clusters = nil
	lat.Edges = nil
	for _, e := range s.Edges {
		if e.From == "cashback" && e.To == "deals" {
			e.Label = []string{"proxy"}
			lat.Edges = append(lat.Edges, e)
		}
	}
	return &lat
}

// TestGoldenLatin compares pixels (not bytes, which depend on the PNG
// encoder) with testdata/latin.png, a picture a reviewer can open.
func TestGoldenLatin(t *testing.T) {
	checkGoldenPNG(t, filepath.Join("testdata", "latin.png"), renderPNG(t, latinScene(t), Options{Scale: 1}))
}

// checkGoldenPNG compares the pixels of got with the picture at path.
func checkGoldenPNG(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	a, b := decode(t, got), decode(t, want)
	if a.Bounds() != b.Bounds() {
		t.Fatalf("size %v, golden %v", a.Bounds(), b.Bounds())
	}
	diff := 0
	for y := a.Bounds().Min.Y; y < a.Bounds().Max.Y; y++ {
		for x := a.Bounds().Min.X; x < a.Bounds().Max.X; x++ {
			if a.At(x, y) != b.At(x, y) {
				diff++
			}
		}
	}
	if diff > 0 {
		t.Errorf("%d pixels differ from %s; run go test -update and look at the picture", diff, path)
	}
}

func TestBadOptions(t *testing.T) {
	s := latinScene(t)
	for _, tc := range []struct {
		name string
		s    *scene.Scene
		opts Options
		want string
	}{
		{"negative scale", s, Options{Scale: -1}, "scale must be a positive number, got -1"},
		{"NaN scale", s, Options{Scale: math.NaN()}, "scale must be a positive number"},
		{"huge", &scene.Scene{ID: "big", Width: 50000, Height: 50000}, Options{}, "scene big is too large to draw: at scale 2 it would be 100000x100000 pixels"},
		{"nil scene", nil, Options{}, "nil scene"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := Render(&bytes.Buffer{}, tc.s, tc.opts)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want it to contain %q", err, tc.want)
			}
		})
	}
}

// TestOversizedSceneFallsBackToASmallerScale: a view too large at the
// asked scale is drawn at the largest scale that fits, and says so,
// instead of failing the whole PNG run. (Only the scale is computed here:
// drawing it would take half a gigabyte.)
func TestOversizedSceneFallsBackToASmallerScale(t *testing.T) {
	s := &scene.Scene{ID: "tall", Width: 2000, Height: 40000}
	var warnings []string
	scale, err := fittingScale(s, 2, func(m string) { warnings = append(warnings, m) })
	if err != nil {
		t.Fatal(err)
	}
	w, h, err := imageSize(s, scale)
	if err != nil || scale != 0.63 || float64(w)*float64(h) > maxPixels {
		t.Errorf("scale %v gives %dx%d, %v; want 0.63, the largest that fits %d pixels", scale, w, h, err, maxPixels)
	}
	want := fmt.Sprintf("drawn at scale %v instead of 2: at 2 it would be 4000x80000 pixels, more than %d", scale, maxPixels)
	if len(warnings) != 1 || warnings[0] != want {
		t.Errorf("warnings %q, want %q", warnings, want)
	}
	if scale, err := fittingScale(latinScene(t), 2, func(m string) { t.Errorf("warned %q for a small scene", m) }); scale != 2 || err != nil {
		t.Errorf("small scene: scale %v, %v", scale, err)
	}
}

func TestEmptySceneIsOnePixel(t *testing.T) {
	img := decode(t, renderPNG(t, &scene.Scene{ID: "empty"}, Options{}))
	if img.Bounds().Dx() != 1 || img.Bounds().Dy() != 1 {
		t.Errorf("empty scene gave %v, want 1x1", img.Bounds())
	}
}

func BenchmarkRenderBusiness(b *testing.B) {
	requireCJKFont(b)
	s := loadScene(b, "business")
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := Render(&buf, s, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestConcurrentRenders: the CLI renders views in parallel; fonts and
// caches are shared, so concurrent renders must agree (run with -race).
func TestConcurrentRenders(t *testing.T) {
	requireCJKFont(t)
	s := loadScene(t, "sequence")
	want := renderPNG(t, s, Options{})
	resetFontSearch()
	results := make(chan []byte, 4)
	for range 4 {
		go func() {
			var b bytes.Buffer
			if err := Render(&b, s, Options{}); err != nil {
				t.Error(err)
			}
			results <- b.Bytes()
		}()
	}
	for range 4 {
		if got := <-results; !bytes.Equal(got, want) {
			t.Error("a concurrent render differs from a lone one")
		}
	}
}
