package slides

import (
	"bytes"
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/archdoc/archdoc/model"
)

// punctuationModel names things the way engineers do: generics, globs,
// underscores and ampersands. None of it is Markdown.
func punctuationModel() *model.Model {
	m := &model.Model{
		Name:   "Punctuation",
		Actors: []model.Actor{{ID: "dev", Name: "R&D <team>"}},
		Domains: []model.Domain{{ID: "core", Name: "core_*", Modules: []model.Module{
			{ID: "cache", Name: "Cache<T>"},
			{ID: "list", Name: "List<Item>", Description: "Holds *items*."},
		}}},
		Flows:        []model.Flow{{ID: "read", From: "dev", To: "list", Label: "get a*b*c ~x~ [y]", Protocol: "gRPC|HTTP"}},
		Glossary:     []model.Term{{Term: "snake_case_name", Definition: "A *name*."}},
		Presentation: &model.Presentation{Author: "<b>Ann</b>"},
	}
	m.BuildIndex()
	return m
}

// TestPlainTextSurvivesEveryFormat: names, labels and terms are plain
// text, so the deck shows them exactly as written in HTML, PPTX and Marp,
// while descriptions stay Markdown.
func TestPlainTextSurvivesEveryFormat(t *testing.T) {
	d, err := Build(punctuationModel(), nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"R&D <team>", "core_*", "Cache<T>", "List<Item>", "get a*b*c ~x~ [y]", "gRPC|HTTP", "snake_case_name", "<b>Ann</b>"}
	md := newMarkdown(false, nil)
	var htmlText, pptxText strings.Builder
	for _, s := range d.Slides {
		h, err := md.HTML(s.Body)
		if err != nil {
			t.Fatal(err)
		}
		htmlText.WriteString(html.UnescapeString(regexp.MustCompile(`<[^>]*>`).ReplaceAllString(string(h), "")))
		for _, p := range md.Paragraphs(s.Body) {
			for _, r := range p.Runs {
				pptxText.WriteString(r.Text)
			}
			pptxText.WriteString("\n")
		}
	}
	marp, _, err := Markdown(d)
	if err != nil {
		t.Fatal(err)
	}
	var marpHTML bytes.Buffer
	if err := md.gm.Convert(marp, &marpHTML); err != nil {
		t.Fatal(err)
	}
	marpText := html.UnescapeString(regexp.MustCompile(`<[^>]*>`).ReplaceAllString(marpHTML.String(), ""))
	for _, w := range want {
		for format, got := range map[string]string{"HTML": htmlText.String(), "PPTX": pptxText.String(), "Marp": marpText} {
			if !strings.Contains(got, w) {
				t.Errorf("%s deck lost %q; its text:\n%s", format, w, got)
			}
		}
	}
	if !strings.Contains(htmlText.String(), "Holds items.") || strings.Contains(htmlText.String(), "*items*") {
		t.Errorf("descriptions must stay Markdown; HTML text:\n%s", htmlText.String())
	}
}
