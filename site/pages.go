package site

import (
	"github.com/archdoc/archdoc/model"
)

// build renders every page, the assets and the search index.
func (b *builder) build() error {
	b.tour = b.readingPath()
	steps := []func() error{
		b.homePage, b.domainPages, b.modulePages, b.stackPages, b.flowPages,
		b.ideasPage, b.tasksPage, b.glossaryPage, b.docPages, b.viewPages, b.changesPage, b.notFoundPage,
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	if len(b.errs) > 0 {
		return b.errs.Sort()
	}
	if err := b.renderPages(); err != nil {
		return err
	}
	return b.assets()
}

// readingPath is the newcomer's tour: home, the docs, each domain, the
// stack, the flows, the ideas, the tasks and the glossary.
func (b *builder) readingPath() []link {
	path := []link{{Href: "index.html", Label: b.ui["home"]}}
	for _, e := range b.elems {
		if e.Kind == model.KindDoc {
			path = append(path, link{Href: PageURL(e), Label: b.docTitle(e)})
		}
	}
	for _, e := range b.elems {
		if e.Kind == model.KindDomain {
			path = append(path, link{Href: PageURL(e), Label: b.elementName(e)})
		}
	}
	path = append(path, link{Href: "stack.html", Label: b.ui["stack"]}, link{Href: "flows.html", Label: b.ui["flows"]})
	if len(b.m.Ideas) > 0 {
		path = append(path, link{Href: "ideas.html", Label: b.ui["ideas"]})
	}
	if len(b.m.Tasks) > 0 {
		path = append(path, link{Href: "tasks.html", Label: b.ui["tasks"]})
	}
	if len(b.m.Glossary) > 0 {
		path = append(path, link{Href: "glossary.html", Label: b.ui["glossary"]})
	}
	return path
}

type domainCard struct {
	Name, Description string
	Href              string
	Modules           []link
}

func (b *builder) homePage() error {
	p := b.newPage("index.html", "")
	p.Title = ""
	var domains []domainCard
	for _, e := range b.elems {
		if e.Kind != model.KindDomain || e.Parent != "" {
			continue
		}
		c := domainCard{Name: e.Name, Description: e.Domain.Description, Href: p.Root + PageURL(e)}
		for _, mo := range e.Domain.Modules {
			c.Modules = append(c.Modules, p.ref(mo.ID))
		}
		for _, sub := range e.Domain.Domains {
			c.Modules = append(c.Modules, p.ref(sub.ID))
		}
		domains = append(domains, c)
	}
	path := make([]link, 0, len(b.tour))
	for _, l := range b.tour[1:] {
		path = append(path, link{Href: p.Root + l.Href, Label: l.Label})
	}
	var views []link
	for _, e := range b.elems {
		if e.Kind == model.KindView {
			l := p.ref(e.ID)
			l.Note = plain(e.View.Description)
			views = append(views, l)
		}
	}
	p.D = struct {
		Summary string
		Domains []domainCard
		Views   []link
		Actors  []model.Actor
		Path    []link
	}{b.m.Summary, domains, views, b.m.Actors, path}
	b.addSearch("home", b.siteName(), "index.html", plain(b.m.Summary))
	for _, a := range b.m.Actors {
		b.addSearch("actor", a.Name, "index.html#"+fragment(a.ID), plain(a.Description))
	}
	return b.emit("home", p)
}

// Related lists the ideas and tasks that concern an element.
type related struct{ Ideas, Tasks []link }

func (b *builder) related(p *page, id string) *related {
	r := &related{}
	for _, i := range b.m.Ideas {
		if contains(i.Related, id) {
			r.Ideas = append(r.Ideas, p.ref(i.ID))
		}
	}
	for _, t := range b.m.Tasks {
		if contains(t.Modules, id) || contains(t.Tech, id) {
			r.Tasks = append(r.Tasks, p.ref(t.ID))
		}
	}
	if len(r.Ideas)+len(r.Tasks) == 0 {
		return nil
	}
	return r
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// notesOn gathers the model's notes attached to id.
func (b *builder) notesOn(id string) []string {
	var out []string
	for _, n := range b.m.Notes {
		if n.On == id {
			out = append(out, n.Text)
		}
	}
	return out
}

type moduleCard struct {
	ID, Name, Description string
	Link                  link
	Tech                  []link
}

type flowRow struct {
	Flow           *model.Flow
	Link, From, To link
	Dir            string // "in", "out" or "" seen from the page's element
}

// flowRows lists the flows that touch any of ids, marked in or out.
func (b *builder) flowRows(p *page, ids map[string]bool) []flowRow {
	var rows []flowRow
	for _, e := range b.flows {
		f := e.Flow
		from, to := ids == nil || ids[f.From], ids == nil || ids[f.To]
		if !from && !to && !inSteps(f, ids) {
			continue
		}
		row := flowRow{Flow: f, Link: p.ref(e.ID), From: p.ref(f.From), To: p.ref(f.To)}
		switch {
		case ids == nil || from == to:
		case to:
			row.Dir = "in"
		default:
			row.Dir = "out"
		}
		rows = append(rows, row)
	}
	return rows
}

// inSteps reports whether any step of f involves one of ids: a module
// that only takes part in the middle of a flow still lists it.
func inSteps(f *model.Flow, ids map[string]bool) bool {
	for _, st := range f.Steps {
		if ids[st.From] || ids[st.To] {
			return true
		}
	}
	return false
}

func (b *builder) domainPages() error {
	for _, e := range b.elems {
		if e.Kind != model.KindDomain {
			continue
		}
		d := e.Domain
		p := b.newPage(filePath(e), e.Name)
		p.Crumbs = b.crumbs(p, e.Parent)
		ids := map[string]bool{e.ID: true}
		var mods []moduleCard
		for _, mo := range d.Modules {
			ids[mo.ID] = true
			mods = append(mods, moduleCard{ID: mo.ID, Name: mo.Name, Description: mo.Description, Link: p.ref(mo.ID), Tech: p.refs(mo.Tech)})
		}
		var subs []link
		for _, s := range d.Domains {
			subs = append(subs, p.ref(s.ID))
		}
		p.D = struct {
			Domain     *model.Domain
			ViewID     string
			Modules    []moduleCard
			Subdomains []link
			Flows      []flowRow
			Notes      []string
			Related    *related
		}{d, "domain/" + e.ID, mods, subs, b.flowRows(p, ids), b.notesOn(e.ID), b.related(p, e.ID)}
		b.addSearch("domain", e.Name, PageURL(e), plain(d.Description))
		if err := b.emit("domain", p); err != nil {
			return err
		}
	}
	return nil
}

// crumbs is the trail of parent domains down to (and including) parent.
func (b *builder) crumbs(p *page, parent string) []link {
	var out []link
	for id := parent; id != ""; {
		e, ok := b.m.Element(id)
		if !ok {
			break
		}
		out = append([]link{p.ref(id)}, out...)
		id = e.Parent
	}
	return out
}

func (b *builder) modulePages() error {
	for _, e := range b.elems {
		if e.Kind != model.KindModule {
			continue
		}
		mo := e.Module
		p := b.newPage(filePath(e), e.Name)
		p.Crumbs = b.crumbs(p, e.Parent)
		var domain *link
		if e.Parent != "" {
			d := p.ref(e.Parent)
			domain = &d
		}
		notes := append(append([]string{}, mo.Notes...), b.notesOn(e.ID)...)
		ends := map[string]bool{e.ID: true} // the flows of its stores are the module's too
		for _, s := range mo.Stores {
			ends[s.ID] = true
		}
		p.D = struct {
			Module  *model.Module
			ViewID  string
			Domain  *link
			Tech    []link
			Stores  []storeRow
			Flows   []flowRow
			Notes   []string
			Related *related
		}{mo, "module/" + e.ID, domain, p.refs(mo.Tech), b.storeRows(p, mo), b.flowRows(p, ends), notes, b.related(p, e.ID)}
		text := plain(mo.Description)
		for _, f := range mo.Features {
			text += "\n" + plain(f)
		}
		for _, op := range mo.Operations {
			text += "\n" + op.Name + " " + plain(op.Description)
		}
		for _, s := range mo.Stores {
			text += "\n" + s.DisplayName() + " " + plain(s.Description)
		}
		b.addSearch("module", e.Name, PageURL(e), text)
		if err := b.emit("module", p); err != nil {
			return err
		}
	}
	return nil
}

// notFoundPage is 404.html, the site's own "no such page": `serve` answers
// unknown paths with it, and so do static hosts such as GitHub Pages.
func (b *builder) notFoundPage() error {
	p := b.newPage("404.html", b.ui["notFound"])
	return b.emit("notfound", p)
}
