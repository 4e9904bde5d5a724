package slides

import (
	"archive/zip"
	"bytes"
	"io"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/archdoc/archdoc/render/pptx"
)

func TestHTMLGolden(t *testing.T) {
	for _, c := range deckCases {
		t.Run(c.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := WriteHTML(&b, buildCase(t, c), HTMLOptions{}); err != nil {
				t.Fatal(err)
			}
			html := b.String()
			golden(t, c.name+"/deck.html", deckGolden(t, html))
			for _, bad := range []string{"<script>alert", `src="http`, `href="http`, `src="//`, "url(http", "@import"} {
				if strings.Contains(html, bad) {
					t.Errorf("deck contains %q (untrusted text or a remote reference)", bad)
				}
			}
			if got := strings.Count(html, `<div class="frame"`); got != len(buildCase(t, c).Slides) {
				t.Errorf("%d frames, want one per slide", got)
			}
		})
	}
}

func TestHTMLElementLinks(t *testing.T) {
	d := buildCase(t, deckCases[1])
	var plain, linked bytes.Buffer
	if err := WriteHTML(&plain, d, HTMLOptions{}); err != nil {
		t.Fatal(err)
	}
	if err := WriteHTML(&linked, d, HTMLOptions{Href: func(id string) string { return "module/" + id + ".html" }}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(plain.String(), "module:api") || !strings.Contains(plain.String(), "see API.") {
		t.Error("standalone deck should show element links as plain text")
	}
	if !strings.Contains(linked.String(), `<a href="module/api.html">API</a>`) {
		t.Error("deck with Href should link elements to their pages")
	}
}

func TestMarkdownGolden(t *testing.T) {
	for _, c := range deckCases {
		t.Run(c.name, func(t *testing.T) {
			md, files, err := Markdown(buildCase(t, c))
			if err != nil {
				t.Fatal(err)
			}
			golden(t, c.name+"/deck.md", md)
			for path := range files {
				if !strings.Contains(string(md), "]("+path+")") {
					t.Errorf("%s is written but not referenced", path)
				}
			}
			if !bytes.HasPrefix(md, []byte("---\nmarp: true\n")) {
				t.Error("no Marp front matter")
			}
		})
	}
}

func TestPPTXGolden(t *testing.T) {
	for _, c := range deckCases {
		t.Run(c.name, func(t *testing.T) {
			d := buildCase(t, c)
			var b bytes.Buffer
			if err := WritePPTX(&b, d); err != nil {
				t.Fatal(err)
			}
			if err := pptx.Check(b.Bytes(), len(d.Slides)); err != nil {
				t.Fatal(err)
			}
			golden(t, c.name+"/pptx.txt", dumpPPTX(t, b.Bytes()))
		})
	}
}

// dumpPPTX lists the parts and shows the slide and notes XML, one element
// a line, so the golden file diffs readably.
func dumpPPTX(t *testing.T, data []byte) []byte {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	body := map[string]string{}
	for _, f := range zr.File {
		names = append(names, f.Name)
		rc, _ := f.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		body[f.Name] = string(b)
	}
	sort.Strings(names)
	var out strings.Builder
	for _, n := range names {
		out.WriteString("== " + n + "\n")
		if (strings.HasPrefix(n, "ppt/slides/slide") || strings.HasPrefix(n, "ppt/notesSlides/notesSlide")) && strings.HasSuffix(n, ".xml") {
			out.WriteString(strings.ReplaceAll(body[n], "><", ">\n<") + "\n")
		}
	}
	return []byte(out.String())
}

func itoa(n int) string { return strconv.Itoa(n) }

func pptxParts(data []byte) (map[string]string, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			return nil, err
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return nil, err
		}
		out[f.Name] = string(b)
	}
	return out, nil
}

func sortedCounts(m map[string]int) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = k + "×" + itoa(m[k])
	}
	return strings.Join(parts, " ")
}
