package slides

import (
	"bytes"
	"encoding/xml"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/archdoc/archdoc/internal/officetest"
	"github.com/archdoc/archdoc/render/pptx"
	"github.com/archdoc/archdoc/render/scene"
)

// odNode is an element of an OpenDocument XML part.
type odNode struct {
	XMLName  xml.Name
	Attrs    []xml.Attr `xml:",any,attr"`
	Children []*odNode  `xml:",any"`
	Text     string     `xml:",chardata"`
}

func (n *odNode) attr(local string) string {
	for _, a := range n.Attrs {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

func (n *odNode) walk(f func(*odNode) bool) {
	if !f(n) {
		return
	}
	for _, c := range n.Children {
		c.walk(f)
	}
}

func (n *odNode) all(local string) []*odNode {
	var out []*odNode
	n.walk(func(c *odNode) bool {
		if c.XMLName.Local == local {
			out = append(out, c)
		}
		return true
	})
	return out
}

func (n *odNode) text() string {
	var b strings.Builder
	n.walk(func(c *odNode) bool { b.WriteString(c.Text); return true })
	return b.String()
}

func parseOD(t *testing.T, s string) *odNode {
	t.Helper()
	var root odNode
	if err := xml.NewDecoder(strings.NewReader(s)).Decode(&root); err != nil {
		t.Fatal(err)
	}
	return &root
}

// fontSizes maps the text styles of an OpenDocument part to their size in pt.
func fontSizes(root *odNode) map[string]float64 {
	out := map[string]float64{}
	for _, st := range root.all("style") {
		for _, tp := range st.all("text-properties") {
			if v := strings.TrimSuffix(tp.attr("font-size"), "pt"); v != tp.attr("font-size") {
				if f, err := strconv.ParseFloat(v, 64); err == nil {
					out[st.attr("name")] = f
				}
			}
		}
	}
	return out
}

// TestPPTXEditableInLibreOffice opens both example decks' PPTX in
// LibreOffice and checks what a presenter editing it gets: each diagram
// is one group; every arrow of a box diagram is a connector glued at both
// ends to shapes of its slide (so dragging a box drags its arrows); the
// diagram text is at least 12 pt; every slide with notes keeps them.
func TestPPTXEditableInLibreOffice(t *testing.T) {
	for _, ex := range examples {
		t.Run(ex.name, func(t *testing.T) {
			d := exampleDeck(t, ex.name)
			var b bytes.Buffer
			if err := WritePPTX(&b, d); err != nil {
				t.Fatal(err)
			}
			content, _ := officetest.ODP(t, b.Bytes())
			root := parseOD(t, content)
			sizes := fontSizes(root)
			pages := root.all("page")
			if len(pages) != len(d.Slides) {
				t.Fatalf("LibreOffice shows %d slides, want %d", len(pages), len(d.Slides))
			}
			for i, s := range d.Slides {
				checkPage(t, s, d.Scene(s), pages[i], sizes, 12)
			}
		})
	}
}

// checkPage checks one slide as LibreOffice shows it: notes, the
// diagram's group, its glued connectors and (minPt > 0) its text size.
func checkPage(t *testing.T, s Slide, sc *scene.Scene, page *odNode, sizes map[string]float64, minPt float64) {
	t.Helper()
	notes := page.all("notes")
	if s.Notes != "" && (len(notes) == 0 || strings.TrimSpace(notes[0].text()) == "") {
		t.Errorf("slide %s: the notes are missing", s.ID)
	}
	if sc == nil {
		return
	}
	var diagram *odNode
	for _, g := range page.all("g") {
		if strings.HasPrefix(g.attr("name"), "diagram ") {
			diagram = g
			break
		}
	}
	if diagram == nil {
		t.Errorf("slide %s: its diagram is not one group", s.ID)
		return
	}
	ids := map[string]bool{}
	page.walk(func(n *odNode) bool {
		if id := n.attr("id"); id != "" && n.XMLName.Local != "connector" {
			ids[id] = true
		}
		return true
	})
	connectors := diagram.all("connector")
	if len(connectors) != len(sc.Edges) {
		t.Errorf("slide %s: %d connectors for %d arrows", s.ID, len(connectors), len(sc.Edges))
	}
	if sc.Kind == scene.KindGraph {
		for _, c := range connectors {
			if !ids[c.attr("start-shape")] || !ids[c.attr("end-shape")] {
				t.Errorf("slide %s: arrow %q is not glued at both ends (start %q, end %q)", s.ID, c.attr("name"), c.attr("start-shape"), c.attr("end-shape"))
			}
		}
	}
	smallest := 0.0
	for _, span := range diagram.all("span") {
		if sz, ok := sizes[span.attr("style-name")]; ok && strings.TrimSpace(span.text()) != "" && (smallest == 0 || sz < smallest) {
			smallest = sz
		}
	}
	t.Logf("slide %s: %d connectors, smallest diagram text %.1f pt", s.ID, len(connectors), smallest)
	if smallest < minPt-0.05 {
		t.Errorf("slide %s: diagram text of %.1f pt, want at least %v", s.ID, smallest, minPt)
	}
}

// TestPPTXTemplateInLibreOffice writes the example's deck on the company
// template of testdata/template (hand-made: its own theme, colours,
// fonts, a band and a mark on the master, a 10 x 5.63 in slide, layouts
// named "Contoso ...") and opens it in LibreOffice: the title slides use
// the template's title layout, the appendix's divider its section header,
// the others its title-and-content layout,
// the theme is the template's, and notes and glued arrows survive.
func TestPPTXTemplateInLibreOffice(t *testing.T) {
	data, err := os.ReadFile("testdata/template/company.potx")
	if err != nil {
		t.Fatal(err)
	}
	tmpl, warnings, err := pptx.ReadTemplate(data)
	if err != nil || len(warnings) > 0 {
		t.Fatalf("ReadTemplate: %v %q", err, warnings)
	}
	d := exampleDeck(t, "cashback")
	var b bytes.Buffer
	if err := WritePPTXTemplate(&b, d, tmpl); err != nil {
		t.Fatal(err)
	}
	if err := pptx.Check(b.Bytes(), len(d.Slides)); err != nil {
		t.Fatal(err)
	}
	parts, err := pptxParts(b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(parts["ppt/theme/theme1.xml"], `name="Contoso Corporate"`) {
		t.Error("the deck's theme is not the template's Contoso Corporate")
	}
	content, styles := officetest.ODP(t, b.Bytes())
	if !strings.Contains(styles, `loext:name="Contoso Corporate"`) {
		t.Error("LibreOffice does not see the template's theme, Contoso Corporate")
	}
	root := parseOD(t, content)
	sizes := fontSizes(root)
	pages := root.all("page")
	if len(pages) != len(d.Slides) {
		t.Fatalf("LibreOffice shows %d slides, want %d", len(pages), len(d.Slides))
	}
	for i, s := range d.Slides {
		want := "Contoso_20_Content"
		switch {
		case s.Section == SectionAppendix:
			want = "Contoso_20_Section"
		case s.Layout == LayoutTitle:
			want = "Contoso_20_Title"
		}
		if got := pages[i].attr("master-page-name"); got != want {
			t.Errorf("slide %s uses master page %q, want the template's %q", s.ID, got, want)
		}
		checkPage(t, s, d.Scene(s), pages[i], sizes, 0)
	}
}
