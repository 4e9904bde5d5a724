// Package svg draws a laid-out scene as a styled, themeable SVG document.
//
// The output is meant both for standalone files and for inlining into the
// site: every element carries CSS classes (kind, domain group, palette
// slot), stable ids and data-* attributes so the site's scripts can find a
// node's neighbours, and every colour goes through a CSS custom property so
// the site can switch light and dark themes. Model text is untrusted and is
// always XML-escaped.
package svg

import (
	"bufio"
	"encoding/xml"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode"

	"github.com/archdoc/archdoc/render/scene"
)

// Options change how a scene is written.
type Options struct {
	// Href maps an element id (scene Node.Link / Cluster.Link) to the URL
	// of its page. Nil or an empty result means no link.
	Href func(elementID string) string
	// Standalone writes a complete .svg file (XML declaration, background)
	// instead of a fragment meant to be inlined into HTML.
	Standalone bool
}

// FontFamily is the font stack used for every text; CJK fonts come before
// the generic fallback so Chinese labels get real glyphs on every OS.
const FontFamily = `"Noto Sans","Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Hiragino Sans GB","Microsoft YaHei","WenQuanYi Micro Hei",Arial,sans-serif`

// lineHeight is the distance between label lines, in ems; the layout
// measures boxes with the same value.
const lineHeight = 1.3

// subScale is the size of a node's secondary line relative to FontSize.
const subScale = 0.8

// Render writes s as SVG to w.
func Render(w io.Writer, s *scene.Scene, opts Options) error {
	r := &renderer{w: bufio.NewWriter(w), s: s, opts: opts, fs: s.FontSize}
	if r.fs <= 0 {
		r.fs = 14
	}
	r.pal = palette(s)
	r.document()
	return r.w.Flush()
}

type renderer struct {
	w    *bufio.Writer
	s    *scene.Scene
	opts Options
	fs   float64
	pal  map[string]int // group id -> palette slot
}

func (r *renderer) document() {
	s := r.s
	if r.opts.Standalone {
		r.p(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	}
	kind := s.Kind
	if kind == "" {
		kind = scene.KindGraph
	}
	r.p(`<svg xmlns="http://www.w3.org/2000/svg" class="archdoc-diagram ` + cls(kind) + `"`)
	r.attr("data-view", s.ID)
	r.p(` viewBox="0 0 ` + num(s.Width) + ` ` + num(s.Height) + `" width="` + num(s.Width) + `" height="` + num(s.Height) + `"`)
	r.p(` font-size="` + num(r.fs) + `" role="img">` + "\n")
	r.p("<title>")
	r.text(firstNonEmpty(s.Title, s.ID))
	r.p("</title>\n")
	r.style()
	r.defs()
	if r.opts.Standalone {
		r.p(`<rect class="bg" x="0" y="0" width="` + num(s.Width) + `" height="` + num(s.Height) + `"/>` + "\n")
	}
	r.p(`<g class="clusters">` + "\n")
	for _, c := range s.Clusters {
		r.cluster(c)
	}
	r.p("</g>\n")
	if len(s.Lifelines) > 0 {
		r.p(`<g class="lifelines">` + "\n")
		for _, l := range s.Lifelines {
			r.lifeline(l)
		}
		r.p("</g>\n")
	}
	r.p(`<g class="edges">` + "\n")
	for _, e := range s.Edges {
		r.edge(e)
	}
	r.p("</g>\n")
	r.p(`<g class="nodes">` + "\n")
	for _, n := range s.Nodes {
		r.node(n)
	}
	r.p("</g>\n</svg>\n")
}

func (r *renderer) defs() {
	// The marker id is per view: pages inline several diagrams, and a
	// marker inside a hidden (display:none) SVG does not draw elsewhere.
	r.p(`<defs><marker id="` + r.arrowID() + `" class="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z"/></marker>`)
	if r.hasAsync() {
		// An async message's head is open: two strokes, no fill.
		r.p(`<marker id="` + r.openArrowID() + `" class="arrow open" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M1,1 L9,5 L1,9"/></marker>`)
	}
	r.p("</defs>\n")
}

func (r *renderer) hasAsync() bool {
	for _, e := range r.s.Edges {
		if e.Async && e.Arrow {
			return true
		}
	}
	return false
}

func (r *renderer) lifeline(l scene.Lifeline) {
	r.p(`<line class="lifeline"`)
	r.attr("data-id", l.Node)
	r.p(` x1="` + num(l.X) + `" y1="` + num(l.Y1) + `" x2="` + num(l.X) + `" y2="` + num(l.Y2) + `"/>` + "\n")
}

// open starts an element group: <g id class data-id ...><title>..</title>
// and, when the element has a page, an <a href>. It returns the closing tags.
func (r *renderer) open(id, classes, link, tooltip string, extra ...string) string {
	r.p(`<g`)
	r.attr("id", id)
	r.attr("class", classes)
	for i := 0; i+1 < len(extra); i += 2 {
		if extra[i+1] != "" {
			r.attr(extra[i], extra[i+1])
		}
	}
	r.p(">")
	if tooltip != "" {
		r.p("<title>")
		r.text(tooltip)
		r.p("</title>")
	}
	r.p("\n")
	href := r.href(link)
	if href == "" {
		return "</g>\n"
	}
	r.p(`<a`)
	r.attr("href", href)
	r.p(">\n")
	return "</a></g>\n"
}

// href is the URL of element id's page, or "" when it has none.
func (r *renderer) href(id string) string {
	if id == "" || r.opts.Href == nil {
		return ""
	}
	return r.opts.Href(id)
}

// groupClasses returns " g-<group> pal-<n>" for a coloured element.
func (r *renderer) groupClasses(group string) string {
	if group == "" {
		return ""
	}
	return " g-" + cls(group) + " pal-" + strconv.Itoa(r.pal[group])
}

// palette gives every group its colour slot (scene.GroupIndex), so a
// domain has the same colour in every view of a model.
func palette(s *scene.Scene) map[string]int {
	slots := map[string]int{}
	add := func(g string) {
		if _, ok := slots[g]; !ok && g != "" {
			slots[g] = s.GroupIndex(g) % paletteSize
		}
	}
	for _, c := range s.Clusters {
		add(c.Group)
	}
	for _, n := range s.Nodes {
		add(n.Group)
	}
	return slots
}

// p writes raw markup.
func (r *renderer) p(s string) { r.w.WriteString(s) }

// text writes XML-escaped character data. A CR (alone or before LF) is
// written as LF: xml.EscapeText keeps it as "&#xD;", which readers show
// as no break at all.
func (r *renderer) text(s string) { xml.EscapeText(r.w, []byte(crToLF.Replace(s))) }

var crToLF = strings.NewReplacer("\r\n", "\n", "\r", "\n")

// attr writes ` name="value"` with the value escaped.
func (r *renderer) attr(name, value string) {
	r.p(" " + name + `="`)
	r.text(value)
	r.p(`"`)
}

// num formats a coordinate with at most two decimals, so output is short
// and identical across platforms.
func num(f float64) string {
	f = math.Round(f*100) / 100
	if f == 0 {
		f = 0 // no "-0"
	}
	return strconv.FormatFloat(f, 'f', -1, 64)
}

// cls turns an id into something usable inside a class attribute.
func cls(id string) string {
	var b strings.Builder
	for _, c := range id {
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '-', c == '_':
			b.WriteRune(c)
		case c > 127 && (unicode.IsLetter(c) || unicode.IsDigit(c)):
			b.WriteRune(c) // CJK ids are valid CSS identifiers
		default:
			b.WriteByte('_')
		}
	}
	return b.String()
}

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}

func (r *renderer) arrowID() string { return "ad-arrow-" + cls(r.s.ID) }

func (r *renderer) openArrowID() string { return "ad-open-arrow-" + cls(r.s.ID) }
