package site

import (
	"strings"

	"github.com/yuin/goldmark/ast"

	"github.com/archdoc/archdoc/model"
)

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
