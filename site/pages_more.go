package site

import (
	"html/template"
	"os"
	"path"
	"strings"

	"github.com/yuin/goldmark/ast"

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
			if m, ok := b.m.Element(u); ok && m.Kind == model.KindModule {
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
	for _, e := range b.m.Elements() {
		if e.Kind != model.KindModule || used[e.ID] == nil {
			continue
		}
		row := usageRow{Module: p.ref(e.ID)}
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
	p.D = struct {
		Tech    *model.Technology
		Layer   *link
		Users   []link
		Links   []link
		Notes   []string
		Related *related
	}{t, layer, p.refs(b.m.TechUsers(e.ID)), links, b.notesOn(e.ID), b.related(p, e.ID)}
	text := strings.Join([]string{t.Category, plain(t.What), plain(t.Why), plain(t.How)}, "\n")
	for _, pf := range t.Pitfalls {
		text += "\n" + plain(pf)
	}
	b.addSearch("technology", e.Name, PageURL(e), text)
	return b.emit("tech", p)
}

type stepRow struct {
	Step     model.Step
	From, To link
}

func (b *builder) flowPages() error {
	p := b.newPage("flows.html", b.ui["flows"])
	p.D = struct{ Flows []flowRow }{b.flowRows(p, nil)}
	if err := b.emit("flows", p); err != nil {
		return err
	}
	for _, e := range b.elems {
		if e.Kind != model.KindFlow {
			continue
		}
		f := e.Flow
		p := b.newPage(filePath(e), b.elementName(e))
		p.Crumbs = []link{{Href: p.Root + "flows.html", Label: b.ui["flows"]}}
		var steps []stepRow
		for _, s := range f.Steps {
			steps = append(steps, stepRow{Step: s, From: p.ref(s.From), To: p.ref(s.To)})
		}
		p.D = struct {
			Flow     *model.Flow
			ViewID   string
			From, To link
			Steps    []stepRow
		}{f, "flow/" + e.ID, p.ref(f.From), p.ref(f.To), steps}
		text := strings.Join([]string{f.Protocol, f.Data, plain(f.Description)}, "\n")
		for _, s := range f.Steps {
			text += "\n" + s.Label + " " + plain(s.Note)
		}
		b.addSearch("flow", b.elementName(e), PageURL(e), text)
		if err := b.emit("flow", p); err != nil {
			return err
		}
	}
	return nil
}

type ideaEntry struct {
	Idea    *model.Idea
	Related []link
}

func (b *builder) ideasPage() error {
	p := b.newPage("ideas.html", b.ui["ideas"])
	var ideas []ideaEntry
	for i := range b.m.Ideas {
		x := &b.m.Ideas[i]
		ideas = append(ideas, ideaEntry{Idea: x, Related: p.refs(x.Related)})
		text := strings.Join([]string{plain(x.Problem), plain(x.Decision), plain(x.Consequences)}, "\n")
		for _, o := range x.Options {
			text += "\n" + o.Name + " " + plain(o.Description)
		}
		b.addSearch("idea", x.Title, "ideas.html#"+fragment(x.ID), text)
	}
	p.D = struct{ Ideas []ideaEntry }{ideas}
	return b.emit("ideas", p)
}

type taskEntry struct {
	Task          *model.Task
	Modules, Tech []link
}

func (b *builder) tasksPage() error {
	p := b.newPage("tasks.html", b.ui["tasks"])
	var tasks []taskEntry
	for i := range b.m.Tasks {
		t := &b.m.Tasks[i]
		tasks = append(tasks, taskEntry{Task: t, Modules: p.refs(t.Modules), Tech: p.refs(t.Tech)})
		text := strings.Join([]string{plain(t.Situation), plain(t.Task), plain(t.Action), plain(t.Result)}, "\n")
		for _, h := range t.Highlights {
			text += "\n" + plain(h)
		}
		b.addSearch("task", t.Title, "tasks.html#"+fragment(t.ID), text)
	}
	p.D = struct{ Tasks []taskEntry }{tasks}
	return b.emit("tasks", p)
}

type termEntry struct {
	Term   model.Term
	Anchor string
}

func (b *builder) glossaryPage() error {
	p := b.newPage("glossary.html", b.ui["glossary"])
	ids := newHeadingIDs()
	var terms []termEntry
	for _, t := range b.m.Glossary {
		anchor := "term-" + string(ids.Generate([]byte(t.Term), ast.KindHeading))
		terms = append(terms, termEntry{Term: t, Anchor: anchor})
		b.addSearch("term", t.Term, "glossary.html#"+fragment(anchor), strings.Join(t.Aliases, " ")+"\n"+plain(t.Definition))
	}
	p.D = struct{ Terms []termEntry }{terms}
	return b.emit("glossary", p)
}

// docTitle is a doc's title: its own, else its first heading, else its id.
func (b *builder) docTitle(e model.Element) string {
	if e.Doc.Title != "" {
		return e.Doc.Title
	}
	return e.ID
}

// docPages renders the model's extra Markdown files. They are read only
// through an os.Root on the model's folder, so a path such as
// "../../etc/passwd" or a symlink pointing outside cannot be read.
func (b *builder) docPages() error {
	var docs []model.Element
	for _, e := range b.elems {
		if e.Kind == model.KindDoc {
			docs = append(docs, e)
		}
	}
	if len(docs) == 0 {
		return nil
	}
	dir := b.m.Dir
	if dir == "" {
		dir = "."
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return err
	}
	defer root.Close()
	index := b.newPage("docs.html", b.ui["docs"])
	var list []link
	for _, e := range docs {
		list = append(list, index.ref(e.ID))
		src, err := readInRoot(root, path.Clean(e.Doc.Path))
		if err != nil {
			b.errs = append(b.errs, &model.Error{Pos: b.m.Pos(e.Path + ".path"), Path: e.Path + ".path",
				Msg: "cannot read doc " + quote(e.Doc.Path) + ": " + rootError(err)})
			continue
		}
		if err := b.docPage(e, string(src), root); err != nil {
			return err
		}
	}
	index.D = struct{ Docs []link }{list}
	return b.emit("docs", index)
}

func (b *builder) docPage(e model.Element, src string, root *os.Root) error {
	p := b.newPage(filePath(e), b.docTitle(e))
	p.Crumbs = []link{{Href: p.Root + "docs.html", Label: b.ui["docs"]}}
	var problems []string
	var images []string
	doc, source, err := b.md.parseSafely(src, p.Root, path.Dir(path.Clean(e.Doc.Path)), &problems, &images)
	if err != nil {
		b.errs = append(b.errs, &model.Error{Pos: b.m.Pos(e.Path + ".path"), Path: e.Path + ".path", Msg: "cannot render doc: " + err.Error()})
		return nil
	}
	for _, img := range images {
		data, err := readInRoot(root, img)
		if err != nil {
			problems = append(problems, "image "+quote(img)+": "+rootError(err))
			continue
		}
		b.files[docFilesDir+img] = data
	}
	for _, w := range problems {
		b.report.Warnings = append(b.report.Warnings, e.Doc.Path+": "+w)
	}
	first := doc.FirstChild()
	h, startsWithH1 := first.(*ast.Heading)
	startsWithH1 = startsWithH1 && h.Level == 1
	p.D = struct {
		Body      template.HTML
		ShowTitle bool
	}{b.md.renderAST(doc, source), !startsWithH1}
	for _, s := range docSections(doc, source) {
		title := p.Title
		u := PageURL(e)
		if s.anchor != "" {
			title += " › " + s.title
			u += "#" + fragment(s.anchor)
		}
		b.addSearch("doc", title, u, s.text)
	}
	return b.emit("doc", p)
}

func (b *builder) viewPages() error {
	for _, e := range b.elems {
		if e.Kind != model.KindView {
			continue
		}
		p := b.newPage(filePath(e), b.elementName(e))
		p.D = struct {
			View   *model.ViewSpec
			ViewID string
		}{e.View, "view/" + e.ID}
		b.addSearch("view", b.elementName(e), PageURL(e), plain(e.View.Description))
		if err := b.emit("view", p); err != nil {
			return err
		}
	}
	return nil
}
