package svg

import (
	"context"
	"encoding/xml"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/archdoc/archdoc/internal/lazyre"
	"github.com/archdoc/archdoc/model"
	pipeline "github.com/archdoc/archdoc/render"
	"github.com/archdoc/archdoc/render/internal/rendertest"
	"github.com/archdoc/archdoc/render/measure"
	"go.yaml.in/yaml/v3"
	"golang.org/x/text/width"
)

// TestGoldenLabelsKeepWords reads every SVG drawing among the repository's
// golden files and checks what a reader sees: a label broken inside a
// Latin word breaks where the word has a break opportunity (a case change,
// after - _ / .), or the word has none; and a tooltip that repeats a
// label is the label as the model writes it, without the line breaks
// (no "ReadHomeTimeli ne").
func TestGoldenLabelsKeepWords(t *testing.T) {
	root := filepath.Join("..", "..")
	texts := modelTexts(t, root)
	drawings, labels := 0, 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() && (d.Name() == ".git" || d.Name() == "node_modules") {
			return err
		}
		if d.IsDir() || !strings.HasSuffix(path, ".golden") && !strings.HasSuffix(path, ".svg") {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, doc := range svgDoc().FindAll(data, -1) {
			var top element
			if xml.Unmarshal(doc, &top) != nil {
				continue // an SVG inside HTML that is not XML is checked where it is made
			}
			drawings++
			top.walk(func(g element) {
				title, lines, ok := labelled(g)
				if !ok {
					return
				}
				labels++
				checkLabel(t, path+" "+g.attr("id"), title, lines, texts)
			})
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if drawings < 40 || labels < 500 {
		t.Fatalf("only %d drawings with %d labels checked", drawings, labels)
	}
}

var svgDoc = lazyre.New(`(?s)<svg[ >].*?</svg>`)

// labelled returns a box's or arrow's tooltip and label lines.
func labelled(g element) (title string, lines []string, ok bool) {
	if g.XMLName.Local != "g" {
		return "", nil, false
	}
	for _, c := range g.Children {
		if c.XMLName.Local == "title" {
			title, ok = c.Text, true
		}
	}
	g.walk(func(e element) {
		if e.XMLName.Local == "text" && e.attr("class") == "label" {
			for _, s := range e.Children {
				if s.XMLName.Local == "tspan" {
					lines = append(lines, s.Text)
				}
			}
		}
	})
	return title, lines, ok && len(lines) > 0
}

var seqPrefix = lazyre.New(`^\d+\. `)

func checkLabel(t *testing.T, where, title string, lines []string, texts map[string]bool) {
	t.Helper()
	for i := 1; i < len(lines); i++ {
		a, b := lines[i-1], lines[i]
		if word, ok := brokenWord(a, b); !ok {
			t.Errorf("%s: %q breaks %q (%q | %q) though it has a place to break", where, lines, word, a, b)
		}
	}
	plain := seqPrefix().ReplaceAllString(title, "")
	if squeeze(plain) != squeeze(strings.Join(lines, "")) {
		return // the tooltip is a description
	}
	if !texts[plain] {
		t.Errorf("%s: tooltip %q is not a label of any model (lines %q)", where, title, lines)
	}
}

// brokenWord reports the word a break between lines a and b falls in, and
// whether the break is where a reader accepts it: at a space, next to a
// Chinese character, at a place the word offers, or anywhere in a word
// that offers none.
func brokenWord(a, b string) (string, bool) {
	x, _ := utf8.DecodeLastRuneInString(a)
	y, _ := utf8.DecodeRuneInString(b)
	if wide(x) || wide(y) || unicode.IsSpace(x) || unicode.IsSpace(y) {
		return "", true
	}
	head := a[strings.LastIndexFunc(a, func(r rune) bool { return unicode.IsSpace(r) || wide(r) })+1:]
	tail := b
	if i := strings.IndexFunc(b, func(r rune) bool { return unicode.IsSpace(r) || wide(r) }); i >= 0 {
		tail = b[:i]
	}
	word := []rune(head + tail)
	at := utf8.RuneCountInString(head)
	if opportunity(word, at) {
		return string(word), true
	}
	for i := 1; i < len(word); i++ {
		if opportunity(word, i) {
			return string(word), false
		}
	}
	return string(word), true
}

// opportunity: a place inside a Latin word where it may break, before
// w[i]: after - _ / or a dot between letters, or at a case change.
func opportunity(w []rune, i int) bool {
	a, b := w[i-1], w[i]
	switch {
	case a == '-' || a == '_' || a == '/':
		return true
	case a == '.':
		return i >= 2 && unicode.IsLetter(w[i-2]) && unicode.IsLetter(b)
	case unicode.IsUpper(b):
		return unicode.IsLower(a) || unicode.IsDigit(a) || unicode.IsUpper(a) && i+1 < len(w) && unicode.IsLower(w[i+1])
	}
	return false
}

func wide(r rune) bool {
	k := width.LookupRune(r).Kind()
	return k == width.EastAsianWide || k == width.EastAsianFullwidth
}

func squeeze(s string) string { return strings.Join(strings.Fields(s), "") }

// modelTexts collects every text of the repository's models, the labels
// the drawings were made from, and the hand-built scenes' labels.
func modelTexts(t *testing.T, root string) map[string]bool {
	out := map[string]bool{}
	var add func(n *yaml.Node)
	add = func(n *yaml.Node) {
		if n.Kind == yaml.ScalarNode {
			v := strings.TrimSpace(n.Value)
			out[v] = true
			out[strings.Join(strings.Fields(v), " ")] = true
			out[measure.Unbroken(v)] = true
			out[strings.ReplaceAll(measure.Unbroken(v), "**", "")] = true // a note's Markdown, as drawn
		}
		for _, c := range n.Content {
			add(c)
		}
	}
	_ = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".yaml") && !strings.HasSuffix(path, ".yml") {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		var n yaml.Node
		if yaml.Unmarshal(data, &n) == nil {
			add(&n)
		}
		return nil
	})
	// The hand-built scenes have no model: their labels are the truth.
	for _, s := range rendertest.HandBuilt(t) {
		for _, n := range s.Nodes {
			out[measure.Unwrap(n.Label)] = true
		}
		for _, e := range s.Edges {
			out[measure.Unwrap(e.Label)] = true
		}
	}
	if len(out) < 100 {
		t.Fatalf("only %d model texts found", len(out))
	}
	return out
}

// TestExampleLabelsKeepWords draws every view of every model under
// examples/ (real systems' names: recommendationservice,
// SendOrderConfirmation, ts-travel-plan-service) and checks its labels as
// TestGoldenLabelsKeepWords does the goldens'.
func TestExampleLabelsKeepWords(t *testing.T) {
	root := filepath.Join("..", "..")
	texts := modelTexts(t, root)
	files, _ := filepath.Glob(filepath.Join(root, "examples", "*", "architecture.yaml"))
	if len(files) < 2 {
		t.Fatalf("only %d examples", len(files))
	}
	for _, f := range files {
		m, err := model.Load(f)
		if err != nil {
			t.Fatal(err)
		}
		scenes, err := pipeline.Scenes(context.Background(), m)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range scenes {
			// Labels the views make (a domain level's "3 flows") are
			// known too, as the view writes them, before wrapping.
			for _, n := range s.Nodes {
				texts[measure.Unbroken(n.Text)] = true
			}
			for _, e := range s.Edges {
				texts[measure.Unbroken(e.Text)] = true
			}
			for _, c := range s.Clusters {
				texts[measure.Unbroken(c.Text)] = true
			}
			parse(t, render(t, s, Options{})).walk(func(g element) {
				if title, lines, ok := labelled(g); ok {
					checkLabel(t, f+" "+s.ID+" "+g.attr("id"), title, lines, texts)
				}
			})
		}
	}
}
