package svg

import (
	"bytes"
	"encoding/xml"
	"io"
	"regexp"
	"strings"
	"testing"

	"github.com/archdoc/archdoc/internal/golden"
	"github.com/archdoc/archdoc/render/internal/rendertest"
	"github.com/archdoc/archdoc/render/scene"
)

func href(id string) string {
	if id == "soft-login" {
		return ""
	}
	return "module/" + id + ".html"
}

func render(t *testing.T, s *scene.Scene, opts Options) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Render(&b, s, opts); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestGoldenHandBuilt(t *testing.T) {
	rendertest.EachHandBuilt(t, func(t *testing.T, name string, s *scene.Scene) {
		got := render(t, s, Options{Href: href, Standalone: true})
		wellFormed(t, got)
		golden.Check(t, rendertest.HandBuiltGoldenName(name, "svg"), got)
		again := render(t, s, Options{Href: href, Standalone: true})
		if !bytes.Equal(got, again) {
			t.Error("two renders of the same scene differ")
		}
	})
}

// wellFormed parses the whole document with encoding/xml.
func wellFormed(t *testing.T, doc []byte) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(doc))
	for {
		_, err := d.Token()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Fatalf("output is not well-formed XML: %v", err)
		}
	}
}

// element is a generic XML tree used to inspect the output.
type element struct {
	XMLName  xml.Name
	Attrs    []xml.Attr `xml:",any,attr"`
	Children []element  `xml:",any"`
	Text     string     `xml:",chardata"`
}

func (e element) attr(name string) string {
	for _, a := range e.Attrs {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

func (e element) walk(f func(element)) {
	f(e)
	for _, c := range e.Children {
		c.walk(f)
	}
}

func parse(t *testing.T, doc []byte) element {
	t.Helper()
	var root element
	if err := xml.Unmarshal(doc, &root); err != nil {
		t.Fatal(err)
	}
	return root
}

func byID(root element) map[string]element {
	m := map[string]element{}
	root.walk(func(e element) {
		if id := e.attr("id"); id != "" {
			m[id] = e
		}
	})
	return m
}

func TestUntrustedTextIsEscaped(t *testing.T) {
	s := rendertest.HandBuilt(t)["business"]
	doc := render(t, s, Options{Href: href})
	for _, bad := range []string{"<script", "<b>", `"Pay"`, `"quoted"`, `"退款"`} {
		if bytes.Contains(doc, []byte(bad)) {
			t.Errorf("raw %q in output", bad)
		}
	}
	// Escaped, the text must still be there, unchanged, for the reader.
	root := parse(t, doc)
	ids := byID(root)
	pay := ids["n-payment"]
	var text, title string
	pay.walk(func(e element) {
		switch e.XMLName.Local {
		case "tspan":
			text += e.Text
		case "title":
			title = e.Text
		}
	})
	if want := `支付网关 "Pay" <script>alert(1)</script>`; text != want {
		t.Errorf("label text = %q, want %q", text, want)
	}
	if want := `tooltip "quoted" <script>x</script> & more`; title != want {
		t.Errorf("tooltip = %q, want %q", title, want)
	}
}

func TestNodesLinksAndIDs(t *testing.T) {
	s := rendertest.HandBuilt(t)["business"]
	root := parse(t, render(t, s, Options{Href: href}))
	ids := byID(root)
	uc, ok := ids["n-user-center"]
	if !ok {
		t.Fatal("no element with id n-user-center")
	}
	if got := uc.attr("class"); got != "node module shape-box g-frontend pal-0" {
		t.Errorf("class = %q", got)
	}
	if uc.attr("data-id") != "user-center" {
		t.Errorf("data-id = %q", uc.attr("data-id"))
	}
	var links []string
	uc.walk(func(e element) {
		if e.XMLName.Local == "a" {
			links = append(links, e.attr("href"))
		}
	})
	if len(links) != 1 || links[0] != "module/user-center.html" {
		t.Errorf("links = %q", links)
	}
	// A node whose Href is empty gets no <a>.
	ids["n-soft-login"].walk(func(e element) {
		if e.XMLName.Local == "a" {
			t.Error("soft-login has a link although Href returned empty")
		}
	})
	e, ok := ids["e-proxy"]
	if !ok {
		t.Fatal("no edge e-proxy")
	}
	if e.attr("data-from") != "cashback" || e.attr("data-to") != "deals" || e.attr("class") != "edge flow" {
		t.Errorf("edge attrs = %v", e.Attrs)
	}
	if c := ids["c-data"]; c.attr("class") != "cluster domain g-data pal-2" {
		t.Errorf("cluster class = %q", c.attr("class"))
	}
	if got := ids["e-ops-tool->payment"].attr("class"); got != "edge uses dashed" {
		t.Errorf("dashed edge class = %q", got)
	}
}

func TestDocumentAttributes(t *testing.T) {
	s := rendertest.HandBuilt(t)["business"]
	doc := render(t, s, Options{})
	root := parse(t, doc)
	if root.attr("viewBox") != "0 0 900 570" || root.attr("width") != "900" || root.attr("height") != "570" {
		t.Errorf("viewBox/width/height = %q %q %q", root.attr("viewBox"), root.attr("width"), root.attr("height"))
	}
	if bytes.HasPrefix(doc, []byte("<?xml")) {
		t.Error("fragment (Standalone=false) starts with an XML declaration")
	}
	if bytes.Contains(doc, []byte("<a ")) {
		t.Error("links written although Href is nil")
	}
	css := string(doc)
	for _, want := range []string{"var(--ad-module-fill,#ffffff)", "@media (prefers-color-scheme: dark)", "Noto Sans CJK SC", "Microsoft YaHei"} {
		if !strings.Contains(css, want) {
			t.Errorf("style sheet lacks %q", want)
		}
	}
	var sizes []string
	root.walk(func(e element) {
		if e.XMLName.Local == "text" && e.attr("text-anchor") == "" && e.attr("class") != "label" {
			t.Errorf("text without anchor: %v", e.Attrs)
		}
	})
	if fs := root.attr("font-size"); fs != "14" {
		sizes = append(sizes, fs)
		t.Errorf("font-size = %q, want the scene's 14", fs)
	}
}

func TestSequenceNumbersMessages(t *testing.T) {
	s := rendertest.HandBuilt(t)["sequence"]
	root := parse(t, render(t, s, Options{}))
	var lifelines int
	var seqs []string
	root.walk(func(e element) {
		if e.attr("class") == "lifeline" {
			lifelines++
		}
		if e.attr("class") == "seq" {
			for _, c := range e.Children {
				if c.XMLName.Local == "text" {
					seqs = append(seqs, c.Text)
				}
			}
		}
	})
	if lifelines != 4 {
		t.Errorf("lifelines = %d, want 4", lifelines)
	}
	if strings.Join(seqs, ",") != "1,2,3,4,5" {
		t.Errorf("message numbers = %v", seqs)
	}
}

// Every colour the style sheet uses must be settable through ThemeVars,
// or a page switching themes would leave that colour behind.
func TestThemeVarsCoverTheStyleSheet(t *testing.T) {
	for _, dark := range []bool{false, true} {
		vars := ThemeVars(dark)
		for _, m := range regexp.MustCompile(`var\((--ad-[a-z0-9-]+),`).FindAllStringSubmatch(styleSheet(), -1) {
			if !strings.Contains(vars, m[1]+":") {
				t.Errorf("ThemeVars(%v) lacks %s", dark, m[1])
			}
		}
	}
	if !strings.Contains(ThemeVars(true), "--ad-bg:#0d1117;") || !strings.Contains(ThemeVars(false), "--ad-pal-0-fill:#eef6ff;") {
		t.Error("ThemeVars returns the wrong palette")
	}
}
