package site

import (
	"html/template"
	"os"
	"path"

	"github.com/yuin/goldmark/ast"

	"github.com/archdoc/archdoc/model"
)

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
		b.out.put(docFilesDir+img, data)
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
