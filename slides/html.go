package slides

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"github.com/archdoc/archdoc/render/icon"
	"hash/fnv"
	"html/template"
	"io"
	"sync"

	"github.com/archdoc/archdoc/internal/lazyre"
	"github.com/archdoc/archdoc/internal/uilang"
	"github.com/archdoc/archdoc/render/svg"
)

//go:embed assets/deck.html assets/deck.css assets/deck.js
var assets embed.FS

var deckTemplate = sync.OnceValue(func() *template.Template {
	return template.Must(template.ParseFS(assets, "assets/deck.html"))
})

// HTMLOptions change how the HTML deck links out.
type HTMLOptions struct {
	// Href maps an element id to a URL (relative to the deck file) for
	// Markdown element links and diagram nodes; nil or "" means plain text.
	// The site sets it so the deck inside the site links to its pages.
	Href func(elementID string) string
}

type htmlSlide struct {
	Index                int
	ID, Section, Layout  string
	Kicker, Title        string
	Icon                 template.HTML // beside the title (see Slide.Icon)
	Body, Diagram, Notes template.HTML
	Seconds              int
	Build                string // JSON of the diagram's steps (see buildJSON), "" when it shows whole
}

type presenterLabels struct {
	Current string `json:"current"`
	Next    string `json:"next"`
	Step    string `json:"step"` // what the next press shows when it is the next build step
	Notes   string `json:"notes"`
	Reset   string `json:"reset"`
	Slide   string `json:"slide"`
}

type htmlData struct {
	Lang, Title  string
	Count        int
	DurationText string
	Labels       presenterLabels
	Slides       []htmlSlide
	CSS          template.CSS
	JS           template.JS
	Data         deckData
}

// deckData goes to the script as JSON (html/template escapes it).
type deckData struct {
	Title    string          `json:"title"`
	Key      string          `json:"key"`
	Duration int             `json:"duration"`
	Labels   presenterLabels `json:"labels"`
}

// WriteHTML writes the deck as one self-contained HTML file: inline CSS,
// JS and SVG, nothing fetched, so it works from file:// and offline.
func WriteHTML(w io.Writer, d *Deck, opts HTMLOptions) error {
	md := newMarkdown(d.AllowHTML, opts.Href)
	labels := presenterLabelsFor(d.Lang)
	data := htmlData{Lang: d.Lang, Title: d.Title, Count: len(d.Slides), Labels: labels,
		DurationText: clock(d.Duration), CSS: template.CSS(mustAsset("assets/deck.css")), JS: template.JS(mustAsset("assets/deck.js")),
		Data: deckData{Title: d.Title, Key: deckKey(d), Duration: d.Duration, Labels: labels}}
	for i, s := range d.Slides {
		hs := htmlSlide{Index: i + 1, ID: s.ID, Section: s.Section, Layout: s.Layout, Kicker: s.Kicker, Title: s.Title, Seconds: s.Seconds,
			Icon: template.HTML(icon.HTML(s.Icon, "title-icon"))} // icon.HTML escapes the model's text
		var err error
		if hs.Build, err = buildJSON(s.Steps); err != nil {
			return err
		}
		if hs.Body, err = md.HTML(s.Body); err != nil {
			return fmt.Errorf("slide %s: %w", s.ID, err)
		}
		if hs.Notes, err = md.HTML(s.Notes); err != nil {
			return fmt.Errorf("slide %s notes: %w", s.ID, err)
		}
		if sc := d.Scene(s); sc != nil {
			var b bytes.Buffer
			if err := svg.Render(&b, sc, svg.Options{Href: opts.Href}); err != nil {
				return fmt.Errorf("slide %s diagram: %w", s.ID, err)
			}
			hs.Diagram = template.HTML(uniqueMarkers(b.String(), i+1)) // the SVG renderer escapes model text
		}
		data.Slides = append(data.Slides, hs)
	}
	var b bytes.Buffer
	if err := deckTemplate().Execute(&b, data); err != nil {
		return err
	}
	_, err := w.Write(b.Bytes())
	return err
}

// buildJSON tells the deck's script at which step each element of the
// slide's diagram appears (by the data-id the SVG renderer writes) and
// what each step is, for the presenter's notes.
func buildJSON(steps []Step) (string, error) {
	if len(steps) < 2 {
		return "", nil
	}
	type build struct {
		Captions []string       `json:"captions"`
		Nodes    map[string]int `json:"nodes"`
		Edges    map[string]int `json:"edges"`
	}
	b := build{Nodes: map[string]int{}, Edges: map[string]int{}}
	for i, st := range steps {
		b.Captions = append(b.Captions, st.Caption)
		for _, id := range st.Nodes {
			b.Nodes[id] = i
		}
		for _, id := range st.Edges {
			b.Edges[id] = i
		}
	}
	j, err := json.Marshal(b) // sorted keys: deterministic
	return string(j), err
}

func mustAsset(name string) string {
	b, err := assets.ReadFile(name)
	if err != nil {
		panic(err) // embedded at build time; cannot be missing
	}
	return string(b)
}

// deckKey scopes the presenter sync channel to this deck.
func deckKey(d *Deck) string {
	h := fnv.New32a()
	fmt.Fprintf(h, "%s\x00%d", d.Title, len(d.Slides))
	return fmt.Sprintf("%08x", h.Sum32())
}

func clock(seconds int) string {
	if seconds <= 0 {
		return "–"
	}
	return fmt.Sprintf("%02d:%02d", seconds/60, seconds%60)
}

func presenterLabelsFor(lang string) presenterLabels {
	if uilang.IsChinese(lang) {
		return presenterLabels{Current: "当前", Next: "下一张", Step: "下一步", Notes: "备注", Reset: "重新计时", Slide: "本页"}
	}
	return presenterLabels{Current: "Current", Next: "Next", Step: "Next step", Notes: "Notes", Reset: "Reset timer", Slide: "Slide"}
}

// uniqueMarkers gives the arrow marker of each inline SVG its own id: with
// one shared id, every diagram would point at the first slide's marker,
// which is hidden (display:none) and so draws no arrow heads at all.
func uniqueMarkers(svgText string, slide int) string {
	id := fmt.Sprintf("ad-arrow-s%d", slide)
	return arrowMarkerID().ReplaceAllLiteralString(svgText, id)
}

// arrowMarkerID matches the SVG renderer's marker id, "ad-arrow-<view>".
var arrowMarkerID = lazyre.New(`ad-arrow[^"'()\s]*`)
