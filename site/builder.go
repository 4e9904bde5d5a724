package site

import (
	"html/template"
	"io/fs"
	"strings"

	"github.com/archdoc/archdoc/model"
	"github.com/archdoc/archdoc/render/scene"
	"github.com/archdoc/archdoc/render/view"
	"github.com/archdoc/archdoc/templates"
)

// builder renders one site into memory.
type builder struct {
	m      *model.Model
	elems  []model.Element // m.Elements(), made once: it formats every path
	flows  []model.Element // the flows among elems
	cfg    config
	ui     map[string]string
	md     *markdown
	scenes map[string]*scene.Scene
	pages  map[string]*template.Template // template name ("module") -> set
	out    output
	report *Report
	errs   model.Errors
	search []searchEntry
	tour   []link                   // reading path, site-relative Hrefs
	icons  map[string]template.HTML // technology id -> techIcon, made before pages render in parallel
	queue  []*page                  // pages to render, in order (see emit)
	ends   map[string]*view.View    // view.AllFlowEnds, made once
}

// link is a labelled, page-relative link as the templates use it. An
// empty Href means "no page": the label is shown as plain text.
type link struct {
	Href, Label, Note string
	Current           bool
	Icon              template.HTML // a technology's icon (see techIcon), "" for anything else
}

type tour struct {
	Prev, Next  *link
	Step, Total int
}

// page is what every template sees as ".": the frame's data plus D, the
// data of the kind of page.
type page struct {
	b        *builder
	Path     string // file path, e.g. "module/user-center.html"
	Root     string // "" or "../": the way back to the site root
	Title    string
	Lang     string
	SiteName string
	Version  string
	T        map[string]string
	Nav      []link
	Crumbs   []link
	Tour     *tour
	D        any

	kind     string   // of template
	warnings []string // found while rendering it, whole lines
	diagrams []string // ids of the views it shows
}

func newBuilder(m *model.Model, scenes []*scene.Scene, cfg config, out output) (*builder, error) {
	b := &builder{
		m: m, cfg: cfg, out: out, ui: uiTable(m.Language), md: newMarkdown(m),
		scenes: map[string]*scene.Scene{}, pages: map[string]*template.Template{},
		report: &Report{},
	}
	b.elems = m.Elements()
	b.ends = view.AllFlowEnds(m)
	b.icons = map[string]template.HTML{}
	for _, e := range b.elems {
		switch e.Kind {
		case model.KindFlow:
			b.flows = append(b.flows, e)
		case model.KindTech:
			b.icons[e.ID] = techIcon(e.Tech)
		}
	}
	for _, s := range scenes {
		b.scenes[s.ID] = s
		for _, w := range s.Warnings {
			b.report.Warnings = append(b.report.Warnings, s.ID+": "+w)
		}
	}
	if err := b.parseTemplates(); err != nil {
		return nil, err
	}
	return b, nil
}

// parseTemplates makes one template set per page kind: the layout plus
// that kind's "content".
func (b *builder) parseTemplates() error {
	base, err := template.New("").ParseFS(templates.FS, "html/layout.html")
	if err != nil {
		return err
	}
	names, err := fs.Glob(templates.FS, "html/*.html")
	if err != nil {
		return err
	}
	for _, n := range names {
		kind := strings.TrimSuffix(strings.TrimPrefix(n, "html/"), ".html")
		if kind == "layout" || kind == "error" {
			continue
		}
		t, err := template.Must(base.Clone()).ParseFS(templates.FS, n)
		if err != nil {
			return err
		}
		b.pages[kind] = t
	}
	return nil
}

// newPage starts a page at path.
func (b *builder) newPage(path, title string) *page {
	p := &page{
		b: b, Path: path, Root: relTo(path), Title: title,
		Lang: htmlLang(b.m.Language), SiteName: b.siteName(), Version: b.m.Version, T: b.ui,
	}
	p.Nav = b.nav(p)
	p.Tour = b.tourFor(p)
	return p
}

func (b *builder) siteName() string {
	if b.m.Name != "" {
		return b.m.Name
	}
	return "Architecture"
}

// nav is the top menu, with the current section marked.
func (b *builder) nav(p *page) []link {
	items := []struct{ url, key string }{{"index.html", "home"}, {"stack.html", "stack"}, {"flows.html", "flows"}}
	if len(b.m.Ideas) > 0 {
		items = append(items, struct{ url, key string }{"ideas.html", "ideas"})
	}
	if len(b.m.Tasks) > 0 {
		items = append(items, struct{ url, key string }{"tasks.html", "tasks"})
	}
	if len(b.m.Glossary) > 0 {
		items = append(items, struct{ url, key string }{"glossary.html", "glossary"})
	}
	if len(b.m.Docs) > 0 {
		items = append(items, struct{ url, key string }{"docs.html", "docs"})
	}
	if _, ok := b.cfg.extra["slides.html"]; ok {
		items = append(items, struct{ url, key string }{"slides.html", "slides"})
	}
	section := map[string]string{"tech/": "stack.html", "flow/": "flows.html", "docs/": "docs.html"}
	current := p.Path
	for prefix, u := range section {
		if strings.HasPrefix(p.Path, prefix) {
			current = u
		}
	}
	out := make([]link, len(items))
	for i, it := range items {
		out[i] = link{Href: p.Root + it.url, Label: b.ui[it.key], Current: it.url == current}
	}
	return out
}

// tourFor places p on the reading path, if it is on it.
func (b *builder) tourFor(p *page) *tour {
	for i, l := range b.tour {
		if l.Href != p.Path {
			continue
		}
		t := &tour{Step: i + 1, Total: len(b.tour)}
		if i > 0 {
			prev := b.tour[i-1]
			prev.Href = p.Root + prev.Href
			t.Prev = &prev
		}
		if i+1 < len(b.tour) {
			next := b.tour[i+1]
			next.Href = p.Root + next.Href
			t.Next = &next
		}
		return t
	}
	return nil
}

// ref links to the element with id from page p; unknown ids become a
// plain label.
func (p *page) ref(id string) link {
	e, ok := p.b.m.Element(id)
	if !ok {
		return link{Label: id}
	}
	u := p.b.md.elementURL(e)
	l := link{Label: p.b.elementName(e), Href: ""}
	if e.Kind == model.KindTech {
		l.Icon = p.b.techIcon(e.Tech)
	}
	if u != "" {
		l.Href = p.Root + u
	}
	return l
}

func (p *page) refs(ids []string) []link {
	out := make([]link, 0, len(ids))
	for _, id := range ids {
		out = append(out, p.ref(id))
	}
	return out
}

// elementName is what a reader calls e. A flow with no label is named by
// the names of its two ends, not their ids.
func (b *builder) elementName(e model.Element) string {
	if e.Name != "" {
		return e.Name
	}
	if e.Kind == model.KindFlow && e.Flow != nil {
		return b.nameOf(e.Flow.From) + " → " + b.nameOf(e.Flow.To)
	}
	return e.ID
}

// nameOf is the name of the element with id, or the id if it has none.
func (b *builder) nameOf(id string) string {
	if e, ok := b.m.Element(id); ok && e.Kind != model.KindFlow {
		return b.elementName(e)
	}
	return id
}

// MD renders model Markdown for this page.
func (p *page) MD(src string) template.HTML {
	var problems []string
	out := p.b.md.render(src, p.Root, "", &problems)
	p.warn(problems)
	return out
}

// MDInline renders a short Markdown phrase without a paragraph around it.
func (p *page) MDInline(src string) template.HTML {
	var problems []string
	out := p.b.md.inline(src, p.Root, &problems)
	p.warn(problems)
	return out
}

// warn records problems found while rendering this page.
func (p *page) warn(problems []string) {
	for _, w := range problems {
		p.warnings = append(p.warnings, p.Path+": "+w)
	}
}

// Status is an idea's status in the UI language.
func (p *page) Status(s string) string {
	if t, ok := p.T["status."+s]; ok {
		return t
	}
	return s
}
