package slides

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/archdoc/archdoc/render/svg"
)

// Markdown returns the deck as a Marp-compatible Markdown file plus the
// files it refers to (diagrams/<view id>.svg, by path relative to the
// Markdown file). Speaker notes become HTML comments, which Marp shows as
// presenter notes.
func Markdown(d *Deck) ([]byte, map[string][]byte, error) {
	var b bytes.Buffer
	files := map[string][]byte{}
	b.WriteString("---\nmarp: true\npaginate: true\nsize: 16:9\n")
	fmt.Fprintf(&b, "title: %s\n", yamlString(d.Title))
	if d.Author != "" {
		fmt.Fprintf(&b, "author: %s\n", yamlString(d.Author))
	}
	if d.Lang != "" {
		fmt.Fprintf(&b, "lang: %s\n", yamlString(d.Lang))
	}
	b.WriteString("---\n")
	for i, s := range d.Slides {
		if i > 0 {
			b.WriteString("\n---\n")
		}
		if err := marpSlide(&b, d, s, files); err != nil {
			return nil, nil, err
		}
	}
	return b.Bytes(), files, nil
}

func marpSlide(b *bytes.Buffer, d *Deck, s Slide, files map[string][]byte) error {
	b.WriteString("\n")
	if s.Layout == LayoutTitle {
		b.WriteString("<!-- _class: lead -->\n\n")
	}
	b.WriteString(marpFitStyle(s))
	if s.Kicker != "" {
		fmt.Fprintf(b, "<!-- _header: %s -->\n\n", strings.ReplaceAll(yamlString(mdText(oneLine(s.Kicker))), "--", "- -"))
	}
	fmt.Fprintf(b, "# %s\n", mdText(oneLine(s.Title)))
	if s.Body != "" {
		b.WriteString("\n" + marpBody(plainMarkdown(s.Body), d.AllowHTML) + "\n")
	}
	if sc := d.Scene(s); sc != nil {
		path := "diagrams/" + s.Diagram + ".svg"
		if _, done := files[path]; !done {
			var svgBuf bytes.Buffer
			if err := svg.Render(&svgBuf, sc, svg.Options{Standalone: true}); err != nil {
				return fmt.Errorf("slide %s diagram: %w", s.ID, err)
			}
			files[path] = svgBuf.Bytes()
		}
		size := fmt.Sprintf("h:%d", marpDiagramHeight(s.Title))
		if s.Layout == LayoutSplit {
			size = "bg right:60% contain"
		}
		fmt.Fprintf(b, "\n![%s](%s)\n", size, path)
	}
	notes := plainMarkdown(s.Notes)
	if s.Seconds > 0 {
		notes = strings.TrimSpace("⏱ " + clock(s.Seconds) + "\n\n" + notes)
	}
	if notes != "" {
		fmt.Fprintf(b, "\n<!--\n%s\n-->\n", marpNotes(notes))
	}
	return nil
}

// oneLine keeps a heading on one line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// yamlString quotes s as a YAML double-quoted scalar.
func yamlString(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`, "\r", `\r`, "\t", `\t`)
	return `"` + r.Replace(s) + `"`
}
