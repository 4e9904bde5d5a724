package site

import (
	"html/template"
	"strings"

	"github.com/archdoc/archdoc/model"
)

type techCard struct {
	Tech *model.Technology
	Link link
}

type layerSection struct {
	ID, Name, Description string
	Techs                 []techCard
}

func (b *builder) stackPages() error {
	p := b.newPage("stack.html", b.ui["stack"])
	var layers []layerSection
	for _, e := range b.elems {
		if e.Kind != model.KindLayer {
			continue
		}
		l := layerSection{ID: e.ID, Name: e.Name, Description: e.Layer.Description}
		for i := range e.Layer.Technologies {
			t := &e.Layer.Technologies[i]
			l.Techs = append(l.Techs, techCard{Tech: t, Link: p.ref(t.ID)})
		}
		layers = append(layers, l)
		b.addSearch("layer", e.Name, PageURL(e), plain(e.Layer.Description))
	}
	p.D = struct {
		Layers []layerSection
		Usage  usageMatrix
	}{layers, b.usageMatrix(p)}
	if err := b.emit("stack", p); err != nil {
		return err
	}
	for _, e := range b.elems {
		if e.Kind == model.KindTech {
			if err := b.techPage(e); err != nil {
				return err
			}
		}
	}
	return nil
}

// usageMatrix is the stack page's "who uses what" table: the diagram
// counts each technology's users, the table names them, both ways linked.
type usageMatrix struct {
	Techs []link
	Rows  []usageRow
}

type usageRow struct {
	Module link
	Uses   []bool // one per column of Techs
}

func (b *builder) usageMatrix(p *page) usageMatrix {
	var techs []string
	used := map[string]map[string]bool{} // module -> tech
	for _, e := range b.m.Elements() {
		if e.Kind != model.KindTech {
			continue
		}
		any := false
		for _, u := range b.m.TechUsers(e.ID) {
			if m, ok := b.m.Element(u); ok && (m.Kind == model.KindModule || m.Kind == model.KindStore) {
				if used[u] == nil {
					used[u] = map[string]bool{}
				}
				used[u][e.ID], any = true, true
			}
		}
		if any {
			techs = append(techs, e.ID)
		}
	}
	var out usageMatrix
	out.Techs = p.refs(techs)
	for _, e := range b.m.Elements() { // a module's stores follow it
		if (e.Kind != model.KindModule && e.Kind != model.KindStore) || used[e.ID] == nil {
			continue
		}
		row := usageRow{Module: p.ref(e.ID)}
		if e.Kind == model.KindStore { // "order-db (Order service)": whose store it is
			row.Module.Label += " (" + p.ref(e.Parent).Label + ")"
		}
		for _, t := range techs {
			row.Uses = append(row.Uses, used[e.ID][t])
		}
		out.Rows = append(out.Rows, row)
	}
	return out
}

func (b *builder) techPage(e model.Element) error {
	t := e.Tech
	p := b.newPage(filePath(e), e.Name)
	p.Crumbs = []link{{Href: p.Root + "stack.html", Label: b.ui["stack"]}}
	var layer *link
	if e.Parent != "" {
		l := p.ref(e.Parent)
		layer = &l
	}
	var links []link
	for _, l := range t.Links {
		label := l.Title
		if label == "" {
			label = l.URL
		}
		href := l.URL
		if !safeURL(href) {
			href = ""
		}
		links = append(links, link{Href: href, Label: label})
	}
	users := b.m.TechUsers(e.ID)
	p.D = struct {
		Tech    *model.Technology
		Icon    template.HTML
		Layer   *link
		UsedBy  string
		Users   []link
		Links   []link
		Notes   []string
		Related *related
	}{t, b.techIcon(t), layer, b.usedByHeading(users), p.refs(users), links, b.notesOn(e.ID), b.related(p, e.ID)}
	text := strings.Join([]string{t.Category, plain(t.What), plain(t.Why), plain(t.How)}, "\n")
	for _, pf := range t.Pitfalls {
		text += "\n" + plain(pf)
	}
	b.addSearch("technology", e.Name, PageURL(e), text)
	return b.emit("tech", p)
}

// usedByHeading names the list of a technology's users: "modules" alone
// would be wrong when stores (a module's own database) are among them.
func (b *builder) usedByHeading(users []string) string {
	for _, id := range users {
		if e, ok := b.m.Element(id); ok && e.Kind == model.KindStore {
			return b.ui["usedByStores"]
		}
	}
	return b.ui["usedBy"]
}
