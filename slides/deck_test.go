package slides

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/archdoc/archdoc/model"
	"github.com/archdoc/archdoc/render/scene"
)

var update = flag.Bool("update", false, "rewrite golden files")

type deckCase struct {
	name   string
	model  func() *model.Model
	scenes func() map[string]*scene.Scene
}

var deckCases = []deckCase{
	{"shop-handbuilt", shopModel, shopScenes},
	{"tiny-handbuilt", tinyModel, func() map[string]*scene.Scene { return nil }},
}

func buildCase(t *testing.T, c deckCase) *Deck {
	t.Helper()
	d, err := Build(c.model(), c.scenes())
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	return d
}

// golden compares got with testdata/<name>, rewriting it under -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from golden file (go test -update rewrites it); got:\n%s", path, truncate(got))
	}
}

func truncate(b []byte) string {
	if len(b) > 3000 {
		return string(b[:3000]) + "..."
	}
	return string(b)
}

func TestDeckGolden(t *testing.T) {
	for _, c := range deckCases {
		t.Run(c.name, func(t *testing.T) {
			d := buildCase(t, c)
			var buf bytes.Buffer
			enc := json.NewEncoder(&buf)
			enc.SetEscapeHTML(false)
			enc.SetIndent("", "  ")
			err := enc.Encode(d)
			got := buf.Bytes()
			if err != nil {
				t.Fatal(err)
			}
			golden(t, c.name+"/deck.json", got)
		})
	}
}

func TestDefaultOrderFollowsSeed(t *testing.T) {
	d := buildCase(t, deckCases[0])
	var sections []string
	for _, s := range d.Slides {
		if s.Section == SectionAppendix {
			break // what the 10 minutes leave out follows, in the same order
		}
		if len(sections) == 0 || sections[len(sections)-1] != s.Section {
			sections = append(sections, s.Section)
		}
	}
	// highlights are in the notes of their task's slide
	want := "title business domains stack technologies flows ideas tasks glossary"
	if got := strings.Join(sections, " "); got != want {
		t.Errorf("sections = %s\nwant       %s", got, want)
	}
	total := 0
	for _, s := range d.Slides {
		total += s.Seconds
	}
	if total != 600 || d.Duration != 600 {
		t.Errorf("seconds add up to %d of budget %d, want 600", total, d.Duration)
	}
}

func TestPresentationOrderAndHandSlides(t *testing.T) {
	d := buildCase(t, deckCases[1])
	var ids []string
	for _, s := range d.Slides {
		ids = append(ids, s.ID)
	}
	// 5 minutes: the title and 4 slides, one per section by weight; the
	// flows go to the appendix
	want := "title business tech-go extra why appendix flows"
	if got := strings.Join(ids, " "); got != want {
		t.Errorf("slides = %s, want %s", got, want)
	}
	if d.Slides[1].Title != "How it fits" || d.Slides[1].Notes != "Start here." {
		t.Errorf("section title/notes not applied: %+v", d.Slides[1])
	}
	// business has weight 2 of 5 sections-worth (title 1, business 2, tech+extra, slides, flows 1 each).
	if diff := d.Slides[1].Seconds - 2*d.Slides[0].Seconds; diff < -1 || diff > 1 {
		t.Errorf("weight 2 slide got %ds, weight 1 slide %ds", d.Slides[1].Seconds, d.Slides[0].Seconds)
	}
}

func TestPresentationErrors(t *testing.T) {
	tests := []struct {
		name string
		edit func(p *model.Presentation)
		want string
	}{
		{"unknown section", func(p *model.Presentation) { p.Sections = []model.SectionSpec{{Section: "intro"}} },
			`presentation.sections[0].section: unknown section "intro"`},
		{"duplicate section", func(p *model.Presentation) {
			p.Sections = []model.SectionSpec{{Section: "title"}, {Section: "title"}}
		}, `presentation.sections[1].section: section "title" appears twice`},
		{"bad duration", func(p *model.Presentation) { p.Duration = "ten minutes" },
			`presentation.duration: time budget "ten minutes" is not a duration`},
		{"only wrong kind", func(p *model.Presentation) {
			p.Sections = []model.SectionSpec{{Section: "domains", Only: []string{"front", "mall", "nope"}}}
		}, "presentation.sections[0].only[1]: \"mall\" is a module, section \"domains\" lists domains\n" +
			"x.yaml:1:1: presentation.sections[0].only[2]: unknown domain \"nope\""},
		{"notes for unknown slide", func(p *model.Presentation) { p.Notes = map[string]string{"nope": "x"} },
			`presentation.notes.nope: notes for slide "nope", which is not in the deck`},
		{"after unknown section", func(p *model.Presentation) {
			p.Sections = []model.SectionSpec{{Section: "title"}}
			p.Slides = []model.SlideSpec{{ID: "a", Title: "A", After: "ideas"}}
		}, `presentation.slides[0].after: slide "a" goes after section "ideas", which is not in the presentation`},
		{"duplicate slide id", func(p *model.Presentation) {
			p.Slides = []model.SlideSpec{{ID: "business", Title: "B"}}
		}, `presentation.slides[0].id: slide id "business" is used by another slide`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := shopModel()
			m.File = "x.yaml"
			m.SetPos("presentation", model.Pos{File: "x.yaml", Line: 1, Col: 1})
			tt.edit(m.Presentation)
			_, err := Build(m, nil)
			if err == nil {
				t.Fatal("no error")
			}
			if !strings.Contains(err.Error(), "x.yaml:1:1: "+tt.want) {
				t.Errorf("error:\n%v\nwant it to contain:\nx.yaml:1:1: %s", err, tt.want)
			}
		})
	}
}

func TestLargestRemainder(t *testing.T) {
	got := largestRemainder(10, []float64{1, 1, 1})
	if got[0]+got[1]+got[2] != 10 || got[0] != 4 || got[1] != 3 {
		t.Errorf("largestRemainder(10, 1 1 1) = %v", got)
	}
}
