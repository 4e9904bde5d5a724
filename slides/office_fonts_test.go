package slides

import (
	"bytes"
	"fmt"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/archdoc/archdoc/internal/officetest"
	"github.com/archdoc/archdoc/render/scene"
)

// TestPPTXFontsInLibreOffice renders both example decks' PPTX with
// LibreOffice, as a presenter on Linux sees them, and checks the fonts it
// chose for the faces the file names: sans serif everywhere (no serif
// stand-in for a missing face), a CJK face for the Chinese deck's text,
// and every box's label inside its box, clear of the borders.
func TestPPTXFontsInLibreOffice(t *testing.T) {
	for _, ex := range examples {
		t.Run(ex.name, func(t *testing.T) {
			d := exampleDeck(t, ex.name)
			var b bytes.Buffer
			if err := WritePPTX(&b, d); err != nil {
				t.Fatal(err)
			}
			parts, err := pptxParts(b.Bytes())
			if err != nil {
				t.Fatal(err)
			}
			pdf, pages := officetest.PDF(t, b.Bytes())
			if pages != len(d.Slides) {
				t.Fatalf("LibreOffice rendered %d pages, want %d", pages, len(d.Slides))
			}
			fonts := pdfFonts(t, pdf)
			for _, f := range fonts {
				if strings.Contains(f, "Serif") || strings.Contains(f, "Times") || strings.Contains(f, "Song") || strings.Contains(f, "Ming") {
					t.Errorf("LibreOffice drew text in %s, a serif face: a face the deck names has no sans serif stand-in", f)
				}
			}
			if ex.name == "cashback" && !strings.Contains(strings.Join(fonts, " "), "CJK") {
				t.Errorf("the Chinese deck is drawn without a CJK face: %q", fonts)
			}
			checked := 0
			for i, s := range d.Slides {
				sc := d.Scene(s)
				if sc == nil {
					continue
				}
				boxes := shapeRects(t, parts[fmt.Sprintf("ppt/slides/slide%d.xml", i+1)])
				words := pdfWords(t, pdf, i+1)
				for _, n := range sc.Nodes {
					r, ok := boxes[n.ID]
					if !ok || n.Shape == scene.ShapeActor {
						continue
					}
					checked++
					for _, w := range words {
						// A word on the box's rows that reaches its border
						// from inside (its own label) or from outside (a
						// container's label beside it) runs into it.
						const border = 1.5 // pt: the box's line and a hair of air
						cy := (w.y0 + w.y1) / 2
						if cy < r.Y || cy > r.Y+r.H || w.x1 <= r.X-border || w.x0 >= r.X+r.W+border {
							continue
						}
						if w.x0 < r.X+border || w.x1 > r.X+r.W-border {
							t.Errorf("slide %d (%s): %q runs into the border of box %s: text %.1f–%.1f pt, box %.1f–%.1f pt",
								i+1, s.ID, w.text, n.ID, w.x0, w.x1, r.X, r.X+r.W)
						}
					}
				}
			}
			if checked == 0 {
				t.Error("no box checked: the shapes are not named after the scene's nodes any more?")
			}
		})
	}
}

// pdfFonts lists the faces in a PDF, without subset prefixes.
func pdfFonts(t *testing.T, pdf string) []string {
	t.Helper()
	out, err := exec.Command("pdffonts", pdf).Output()
	if err != nil {
		t.Fatalf("pdffonts: %v", err)
	}
	var fonts []string
	for _, line := range strings.Split(string(out), "\n")[2:] {
		if f := strings.Fields(line); len(f) > 0 {
			_, name, _ := strings.Cut(f[0], "+")
			fonts = append(fonts, name)
		}
	}
	return fonts
}

type pdfWord struct {
	text           string
	x0, y0, x1, y1 float64
}

var bboxWord = regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>`)

// pdfWords are the words of one page with their boxes in pt.
func pdfWords(t *testing.T, pdf string, page int) []pdfWord {
	t.Helper()
	p := strconv.Itoa(page)
	out, err := exec.Command("pdftotext", "-bbox", "-f", p, "-l", p, pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext -bbox: %v", err)
	}
	var words []pdfWord
	for _, m := range bboxWord.FindAllStringSubmatch(string(out), -1) {
		w := pdfWord{text: m[5]}
		for i, v := range []*float64{&w.x0, &w.y0, &w.x1, &w.y1} {
			*v, _ = strconv.ParseFloat(m[i+1], 64)
		}
		words = append(words, w)
	}
	return words
}

// shapeRects maps the names of a slide's shapes to their boxes in pt
// (archdoc's groups keep their children's coordinates, so a shape's
// offset is on the slide).
func shapeRects(t *testing.T, slideXML string) map[string]scene.Rect {
	t.Helper()
	out := map[string]scene.Rect{}
	for _, sp := range parseOD(t, slideXML).all("sp") {
		var name string
		var r scene.Rect
		sp.walk(func(n *odNode) bool {
			f := func(a string) float64 { v, _ := strconv.ParseFloat(n.attr(a), 64); return v / 12700 }
			switch n.XMLName.Local {
			case "cNvPr":
				name = n.attr("name")
			case "off":
				r.X, r.Y = f("x"), f("y")
			case "ext":
				r.W, r.H = f("cx"), f("cy")
			}
			return true
		})
		if name != "" && r.W > 0 {
			out[name] = r
		}
	}
	return out
}
