package slides

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"

	"github.com/archdoc/archdoc/model"
)

// hostileMarpModel puts, in every string the Marp deck shows, text that
// Marp would read as a slide break, a heading, a directive or raw HTML.
const hostileMarpModel = `name: Shop
summary: Sells things.
domains:
  - id: shop
    name: Shop
    description: "Sells.\n\n<img src=x onerror=alert(1)>\n\n<!-- _backgroundImage: url(http://evil.example/d.png) -->"
    modules:
      - {id: web, name: "Web\n---\n# not a heading"}
presentation:
  title: "Talk\n---\nmore"
  subtitle: "Sub\n\n---\n\n# Injected heading\n\n<!-- _backgroundImage: url(http://evil.example/a.png) -->\n\n<script>alert(1)</script>"
  author: "Ann\n\n<!-- _class: invert -->"
  date: "2026\n\n***\n\n<style>section{background:url(http://evil.example/s.png)}</style>"
  sections:
    - {section: title}
    - section: domains
      title: "Domains\n<!-- _backgroundImage: url(http://evil.example/t.png) -->"
      notes: "_backgroundImage: url(http://evil.example/n.png)\n_class: invert"
    - {section: slides}
  slides:
    - id: hand
      title: Hand
      body: "Text\n\n---\n\n## Heading 2\n\nSetext\n===\n\n<pre>\n\nunclosed pre swallows the rest\n\n` + "```" + `\nan open fence"
      notes: "| a | b |\n|---|---|\n| 1 | 2 |\n\n--> and <!-- in notes"
`

// hostileMarpDeck builds the deck of hostileMarpModel and its Markdown.
func hostileMarpDeck(t *testing.T, allowHTML bool) (*Deck, []byte) {
	t.Helper()
	m, err := model.Parse("architecture.yaml", []byte(hostileMarpModel))
	if err != nil {
		t.Fatal(err)
	}
	m.Settings.AllowHTML = allowHTML
	m.Presentation.Author += "\r# CR heading\r<!-- _paginate: false -->" // a lone CR is a line break to Marp
	d, err := Build(m, nil)
	if err != nil {
		t.Fatal(err)
	}
	md, _, err := Markdown(d)
	if err != nil {
		t.Fatal(err)
	}
	return d, md
}

// TestMarkdownDeckInMarp renders the Markdown deck of a hostile model with
// the real Marp core, as 'marp --html' would: every slide archdoc wrote is
// one slide, no model text became a directive, a heading or an element,
// and notes stay notes with their tables intact.
func TestMarkdownDeckInMarp(t *testing.T) {
	core := marpCore(t)
	for _, allowHTML := range []bool{false, true} {
		d, md := hostileMarpDeck(t, allowHTML)
		got := renderMarp(t, core, md)
		if got.Slides != len(d.Slides) {
			t.Errorf("allow_html %v: Marp made %d slides of archdoc's %d:\n%s", allowHTML, got.Slides, len(d.Slides), md)
		}
		if strings.Contains(got.CSS, "evil.example") || marpLoads.MatchString(got.HTML) {
			t.Errorf("allow_html %v: Marp would load a URL from model text:\n%s", allowHTML, marpLoads.FindString(got.HTML))
		}
		if d := marpDirectiveApplied.FindString(got.HTML); d != "" {
			t.Errorf("allow_html %v: model text set a directive: %s", allowHTML, d)
		}
		for _, bad := range []string{"Injected heading</h", "not a heading</h", "Heading 2</h", "CR heading</h", "Setext</h"} {
			if strings.Contains(got.HTML, bad) {
				t.Errorf("allow_html %v: model text made a heading: %q", allowHTML, bad)
			}
		}
		if !allowHTML {
			for _, bad := range []string{"<script", "<style", "<img src=\"x\"", "<pre>\n"} {
				if strings.Contains(got.HTML, bad) {
					t.Errorf("allow_html off: Marp output holds raw HTML %q", bad)
				}
			}
		}
		if h1 := strings.Count(got.HTML, "<h1"); h1 != len(d.Slides) {
			t.Errorf("allow_html %v: %d h1 headings for %d slides", allowHTML, h1, len(d.Slides))
		}
		notes := strings.Join(got.Notes, "\n")
		for _, want := range []string{"|---|---|", "_backgroundImage: url(http://evil.example/n.png)"} {
			if !strings.Contains(notes, want) {
				t.Errorf("allow_html %v: the notes lost %q:\n%s", allowHTML, want, notes)
			}
		}
	}
}

var (
	// marpLoads finds a model URL Marp would load: a background image
	// (directive or ![bg]) or an <img>. Text such as a header's CSS
	// variable may name it.
	marpLoads = regexp.MustCompile(`(?:background(?:-image)?:[^;"]*|src="[^"]*|data-background-image="[^"]*)evil\.example`)
	// marpDirectiveApplied finds the effect of a directive in model text.
	marpDirectiveApplied = regexp.MustCompile(`class="[^"]*invert|data-paginate="false"|data-class="invert"`)
)

type marpResult struct {
	Slides int        `json:"slides"`
	HTML   string     `json:"html"`
	CSS    string     `json:"css"`
	Notes  []string   `json:"notes"`
	Raw    [][]string `json:"comments"`
}

// marpCore is the folder of Marp core ($ARCHDOC_MARP_CORE), or it skips
// the test.
func marpCore(t *testing.T) string {
	t.Helper()
	core := os.Getenv("ARCHDOC_MARP_CORE")
	if core == "" {
		t.Skip("SKIPPED: set ARCHDOC_MARP_CORE to the folder of @marp-team/marp-core (npm install @marp-team/marp-core; .ci/run does) to render the Markdown deck with Marp")
	}
	if _, err := exec.LookPath("node"); err != nil {
		t.Skip("SKIPPED: node is not installed; it runs Marp core")
	}
	return core
}

// renderMarp runs Marp core on md with html enabled and returns what it made.
func renderMarp(t *testing.T, core string, md []byte) marpResult {
	t.Helper()
	dir := t.TempDir()
	deck := filepath.Join(dir, "deck.md")
	if err := os.WriteFile(deck, md, 0o644); err != nil {
		t.Fatal(err)
	}
	// Resolved from the package's own folder, as its package.json exports it.
	script := `const {Marp} = require('module').createRequire(require('path').join(process.argv[1], 'package.json'))('@marp-team/marp-core');
const md = require('fs').readFileSync(process.argv[2], 'utf8');
const marp = new Marp({html: true, script: false});
const {html, css, comments} = marp.render(md);
const slides = (html.match(/<section\b/g) || []).length;
process.stdout.write(JSON.stringify({slides, html, css, comments, notes: comments.flat()}));`
	out, err := exec.Command("node", "-e", script, core, deck).Output()
	if err != nil {
		if ee, ok := err.(*exec.ExitError); ok {
			t.Fatalf("marp: %v\n%s", err, ee.Stderr)
		}
		t.Fatal(err)
	}
	var r marpResult
	if err := json.Unmarshal(out, &r); err != nil {
		t.Fatal(err)
	}
	return r
}

// TestMarkdownDeckKeepsModelTextInItsSlide reads the Markdown deck of the
// hostile model with a CommonMark parser (no Marp needed): one thematic
// break between slides, one heading per slide, and only archdoc's own
// comments (Marp directives and notes).
func TestMarkdownDeckKeepsModelTextInItsSlide(t *testing.T) {
	d, md := hostileMarpDeck(t, false)
	_, body, ok := strings.Cut(strings.TrimPrefix(string(md), "---\n"), "\n---\n") // past the front matter
	if !ok {
		t.Fatalf("no front matter:\n%s", md)
	}
	source := []byte(body)
	doc := goldmark.New(goldmark.WithExtensions(extension.GFM)).Parser().Parse(text.NewReader(source))
	breaks, headings := 0, 0
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.ThematicBreak:
			breaks++
		case *ast.Heading:
			headings++
		case *ast.HTMLBlock:
			var raw strings.Builder
			for i := 0; i < n.Lines().Len(); i++ {
				seg := n.Lines().At(i)
				raw.Write(seg.Value(source))
			}
			if s := raw.String(); !ownComment.MatchString(s) {
				t.Errorf("model text made an HTML block: %q", s)
			}
		case *ast.RawHTML:
			t.Errorf("model text made raw HTML: %q", n.Segments.Value(source))
		}
		return ast.WalkContinue, nil
	})
	if breaks != len(d.Slides)-1 || headings != len(d.Slides) {
		t.Errorf("%d slide breaks and %d headings for %d slides:\n%s", breaks, headings, len(d.Slides), md)
	}
}

// ownComment is what archdoc itself writes as HTML: a Marp class or
// header directive, speaker notes, or the scoped style that fits a long
// slide's text.
var ownComment = regexp.MustCompile(`^(?:<!-- _class: lead -->|<!-- _header: "[^\n]*" -->|<!--\n|<style scoped>section\{font-size:\d+px\}</style>\n$)`)

// TestMarpNotesAsWritten renders the example decks with the real Marp
// core: every slide's speaker notes reach Marp's presenter notes as
// archdoc wrote them (timer, then the notes), with nothing visible added
// and no note read as a directive.
func TestMarpNotesAsWritten(t *testing.T) {
	core := marpCore(t)
	for _, ex := range examples {
		d := exampleDeck(t, ex.name)
		md, _, err := Markdown(d)
		if err != nil {
			t.Fatal(err)
		}
		got := renderMarp(t, core, md)
		if len(got.Raw) != len(d.Slides) {
			t.Fatalf("%s: Marp gave notes for %d slides, the deck has %d", ex.name, len(got.Raw), len(d.Slides))
		}
		for i, s := range d.Slides {
			want := plainMarkdown(s.Notes)
			if s.Seconds > 0 {
				want = strings.TrimSpace("⏱ " + clock(s.Seconds) + "\n\n" + want)
			}
			note := strings.Join(got.Raw[i], "\n\n")
			if visible := strings.ReplaceAll(note, wordJoiner, ""); visible != want {
				t.Errorf("%s slide %d (%s): Marp's notes\n%q\nwant\n%q", ex.name, i+1, s.ID, visible, want)
			}
		}
	}
	// Notes that read as YAML stay notes, their text as written.
	d := &Deck{Title: "T", Slides: []Slide{{ID: "a", Layout: LayoutContent, Title: "A", Notes: "class: invert\npaginate: false"}}}
	md, _, err := Markdown(d)
	if err != nil {
		t.Fatal(err)
	}
	got := renderMarp(t, core, md)
	if marpDirectiveApplied.MatchString(got.HTML) || len(got.Raw) != 1 || len(got.Raw[0]) != 1 ||
		strings.ReplaceAll(got.Raw[0][0], wordJoiner, "") != "class: invert\npaginate: false" {
		t.Errorf("notes that parse as directives: comments %q, directive applied: %v", got.Raw, marpDirectiveApplied.FindString(got.HTML))
	}
}
