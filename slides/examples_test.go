package slides

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os/exec"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/archdoc/archdoc/internal/officetest"
	"github.com/archdoc/archdoc/model"
	"github.com/archdoc/archdoc/render/pptx"
)

// The two shipped examples: the Chinese showcase at the repository root
// and the English shop.
var examples = []struct{ name, path string }{
	{"cashback", "../architecture.yaml"},
	{"shop", "../examples/shop/architecture.yaml"},
}

var (
	exampleOnce  sync.Once
	exampleDecks map[string]*Deck
	exampleErr   error
)

// exampleDeck loads, lays out and builds an example once per test run.
func exampleDeck(t testing.TB, name string) *Deck {
	t.Helper()
	exampleOnce.Do(func() {
		exampleDecks = map[string]*Deck{}
		for _, ex := range examples {
			m, err := model.Load(ex.path)
			if err != nil {
				exampleErr = err
				return
			}
			scenes, err := Scenes(context.Background(), m)
			if err != nil {
				exampleErr = err
				return
			}
			d, err := Build(m, scenes)
			if err != nil {
				exampleErr = err
				return
			}
			exampleDecks[ex.name] = d
		}
	})
	if exampleErr != nil {
		t.Fatal(exampleErr)
	}
	return exampleDecks[name]
}

func TestExamplesDeckGolden(t *testing.T) {
	for _, ex := range examples {
		t.Run(ex.name, func(t *testing.T) {
			d := exampleDeck(t, ex.name)
			var b bytes.Buffer
			enc := json.NewEncoder(&b)
			enc.SetEscapeHTML(false)
			enc.SetIndent("", "  ")
			if err := enc.Encode(d); err != nil {
				t.Fatal(err)
			}
			golden(t, "examples/"+ex.name+"/deck.json", b.Bytes())
			for _, s := range d.Slides {
				if s.Diagram != "" && d.Scenes[s.Diagram] == nil {
					t.Errorf("slide %s refers to diagram %s, which was not laid out", s.ID, s.Diagram)
				}
			}
		})
	}
}

// svgBlock stands for an inline diagram in the HTML golden files: the
// SVG renderer has its own golden tests, and the deck's goldens should
// not change with every layout tweak.
var svgBlock = regexp.MustCompile(`(?s)<svg xmlns="http://www.w3.org/2000/svg" class="archdoc-diagram[^"]*" data-view="([^"]*)".*?</svg>`)

// deckGolden is what the HTML goldens keep of a deck: the slides' markup,
// with diagrams stubbed (see svgBlock) and the embedded deck.css and
// deck.js replaced by a marker. Those assets are the same in every deck
// and are tested by driving the deck in Chromium, so they need not be
// copied into every golden file.
func deckGolden(t *testing.T, html string) []byte {
	t.Helper()
	for _, name := range []string{"assets/deck.css", "assets/deck.js"} {
		asset := strings.TrimSpace(mustAsset(name))
		if !strings.Contains(html, asset) {
			t.Fatalf("deck does not embed %s verbatim", name)
		}
		html = strings.Replace(html, asset, "/* "+name+" */", 1)
	}
	return []byte(svgBlock.ReplaceAllString(html, `<svg data-view="$1">…</svg>`))
}

func TestExamplesHTMLGolden(t *testing.T) {
	for _, ex := range examples {
		t.Run(ex.name, func(t *testing.T) {
			d := exampleDeck(t, ex.name)
			var b bytes.Buffer
			if err := WriteHTML(&b, d, HTMLOptions{}); err != nil {
				t.Fatal(err)
			}
			golden(t, "examples/"+ex.name+"/deck.html", deckGolden(t, b.String()))
		})
	}
}

func TestExamplesMarkdownGolden(t *testing.T) {
	for _, ex := range examples {
		t.Run(ex.name, func(t *testing.T) {
			md, files, err := Markdown(exampleDeck(t, ex.name))
			if err != nil {
				t.Fatal(err)
			}
			golden(t, "examples/"+ex.name+"/deck.md", md)
			for path, data := range files {
				if !bytes.HasPrefix(data, []byte("<?xml")) || !strings.Contains(string(md), "("+path+")") {
					t.Errorf("%s: not a standalone SVG, or not referenced", path)
				}
			}
		})
	}
}

// pptxText keeps what a person reads on each slide and its notes page:
// the text of every paragraph and the names of the shapes, no geometry.
var (
	pptxPara  = regexp.MustCompile(`(?s)<a:p>.*?</a:p>`)
	pptxText  = regexp.MustCompile(`<a:t>([^<]*)</a:t>`)
	pptxShape = regexp.MustCompile(`<p:cNvPr id="\d+" name="([^"]*)"`)
	pptxGeom  = regexp.MustCompile(`<a:prstGeom prst="([^"]*)"|<a:custGeom>`)
)

func pptxSummary(t *testing.T, data []byte) []byte {
	t.Helper()
	parts, err := pptxParts(data)
	if err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	for i := 1; ; i++ {
		slide, ok := parts["ppt/slides/slide"+itoa(i)+".xml"]
		if !ok {
			break
		}
		out.WriteString("== slide " + itoa(i) + "\n")
		for _, m := range pptxShape.FindAllStringSubmatch(slide, -1) {
			out.WriteString("shape: " + m[1] + "\n")
		}
		geoms := map[string]int{}
		for _, m := range pptxGeom.FindAllStringSubmatch(slide, -1) {
			geoms[firstNonEmpty(m[1], "freeform")]++
		}
		out.WriteString("geometry: " + sortedCounts(geoms) + "\n")
		for _, p := range pptxPara.FindAllString(slide, -1) {
			if line := paraText(p); line != "" {
				out.WriteString("text: " + line + "\n")
			}
		}
		for _, p := range pptxPara.FindAllString(parts["ppt/notesSlides/notesSlide"+itoa(i)+".xml"], -1) {
			if line := paraText(p); line != "" {
				out.WriteString("notes: " + line + "\n")
			}
		}
	}
	return []byte(out.String())
}

func paraText(p string) string {
	var b strings.Builder
	for _, m := range pptxText.FindAllStringSubmatch(p, -1) {
		b.WriteString(m[1])
	}
	return b.String()
}

func TestExamplesPPTXGolden(t *testing.T) {
	for _, ex := range examples {
		t.Run(ex.name, func(t *testing.T) {
			d := exampleDeck(t, ex.name)
			var b bytes.Buffer
			if err := WritePPTX(&b, d); err != nil {
				t.Fatal(err)
			}
			if err := pptx.Check(b.Bytes(), len(d.Slides)); err != nil {
				t.Fatal(err)
			}
			golden(t, "examples/"+ex.name+"/pptx.txt", pptxSummary(t, b.Bytes()))
		})
	}
}

// TestExamplePPTXInLibreOffice renders the Chinese example's PPTX with
// LibreOffice (where installed): one page per slide, and the Chinese
// title survives as text.
func TestExamplePPTXInLibreOffice(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("LOUD SKIP: pdftotext (poppler-utils) not installed; CI installs it")
	}
	d := exampleDeck(t, "cashback")
	var b bytes.Buffer
	if err := WritePPTX(&b, d); err != nil {
		t.Fatal(err)
	}
	pdf, pages := officetest.PDF(t, b.Bytes())
	if pages != len(d.Slides) {
		t.Errorf("LibreOffice rendered %d pages, want %d", pages, len(d.Slides))
	}
	text, _ := exec.Command("pdftotext", pdf, "-").Output()
	for _, want := range []string{d.Title, "卡券系统的改进"} {
		if !strings.Contains(string(text), want) {
			t.Errorf("LibreOffice PDF text lacks %q", want)
		}
	}
}

// BenchmarkWriters times each writer on the Chinese example (layout excluded).
func BenchmarkWriters(b *testing.B) {
	d := exampleDeck(b, "cashback")
	b.Run("html", func(b *testing.B) {
		for b.Loop() {
			_ = WriteHTML(io.Discard, d, HTMLOptions{})
		}
	})
	b.Run("pptx", func(b *testing.B) {
		for b.Loop() {
			_ = WritePPTX(io.Discard, d)
		}
	})
	b.Run("md", func(b *testing.B) {
		for b.Loop() {
			_, _, _ = Markdown(d)
		}
	})
}
