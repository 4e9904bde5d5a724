package site

import (
	"bytes"
	"fmt"
	"html/template"
	"path"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	ghtml "github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/archdoc/archdoc/internal/highlight"
	"github.com/archdoc/archdoc/internal/lazyre"
	"github.com/archdoc/archdoc/model"
)

// markdown renders the model's Markdown text for one site. Links written
// as kind:id (e.g. [用户中心](module:user-center)) become relative links to
// the element's page; links to unknown elements and links with a
// dangerous scheme are neutralised; raw HTML is shown as text unless the
// model sets allow_html.
type markdown struct {
	gm       goldmark.Markdown
	m        *model.Model
	docPaths map[string]model.Element // cleaned doc path ("docs/a.md") -> doc
}

// Parser context keys carry the per-page state into the AST transformer.
var (
	rootKey     = parser.NewContextKey() // string: "" or "../"
	pageDirKey  = parser.NewContextKey() // string: folder of the Markdown source ("" or "docs")
	problemsKey = parser.NewContextKey() // *[]string: unresolved links
	imagesKey   = parser.NewContextKey() // *[]string: model paths of a doc's local images
)

func newMarkdown(m *model.Model) *markdown {
	md := &markdown{m: m, docPaths: map[string]model.Element{}}
	for _, e := range m.Elements() {
		if e.Kind == model.KindDoc {
			md.docPaths[path.Clean(e.Doc.Path)] = e
		}
	}
	rendererOpts := []renderer.Option{ghtml.WithXHTML()}
	if m.Settings.AllowHTML {
		rendererOpts = append(rendererOpts, ghtml.WithUnsafe())
	} else {
		rendererOpts = append(rendererOpts, renderer.WithNodeRenderers(util.Prioritized(escapedHTML{}, 10)))
	}
	md.gm = goldmark.New(
		goldmark.WithExtensions(
			extension.GFM,
			extension.Footnote,
			highlight.Markdown(),
		),
		goldmark.WithParserOptions(
			parser.WithAutoHeadingID(),
			parser.WithASTTransformers(util.Prioritized(md, 100)),
		),
		goldmark.WithRendererOptions(rendererOpts...),
	)
	return md
}

// render converts src for a page whose root prefix is root. dir is the
// folder of the Markdown file src came from ("" for model text), so that
// relative links between docs resolve. Unresolved links are appended to
// problems.
func (md *markdown) render(src, root, dir string, problems *[]string) (out template.HTML) {
	defer func() {
		// goldmark is not ours; if it ever panics on odd input, show the
		// text rather than fail the build.
		if r := recover(); r != nil {
			out = template.HTML("<pre>" + template.HTMLEscapeString(src) + "</pre>")
		}
	}()
	doc, source := md.parse(src, root, dir, problems, nil)
	return md.renderAST(doc, source)
}

func (md *markdown) parse(src, root, dir string, problems, images *[]string) (ast.Node, []byte) {
	// goldmark's CJK line-break handling panics on invalid UTF-8 (a doc
	// file can hold anything); replace such bytes first.
	source := []byte(strings.ToValidUTF8(src, "\uFFFD"))
	ctx := parser.NewContext(parser.WithIDs(newHeadingIDs()))
	ctx.Set(rootKey, root)
	ctx.Set(pageDirKey, dir)
	ctx.Set(problemsKey, problems)
	ctx.Set(imagesKey, images)
	return md.gm.Parser().Parse(text.NewReader(source), parser.WithContext(ctx)), source
}

// parseSafely is parse that turns a panic inside goldmark into an error.
func (md *markdown) parseSafely(src, root, dir string, problems, images *[]string) (doc ast.Node, source []byte, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("markdown parser failed: %v", r)
		}
	}()
	doc, source = md.parse(src, root, dir, problems, images)
	return doc, source, nil
}

func (md *markdown) renderAST(doc ast.Node, source []byte) (out template.HTML) {
	defer func() {
		if r := recover(); r != nil {
			out = template.HTML("<pre>" + template.HTMLEscapeString(string(source)) + "</pre>")
		}
	}()
	var b bytes.Buffer
	if err := md.gm.Renderer().Render(&b, source, doc); err != nil {
		// Rendering into a buffer only fails on a renderer bug; show the
		// text rather than nothing.
		return template.HTML(template.HTMLEscapeString(string(source)))
	}
	// Model text is trusted only as far as goldmark's safe mode and our
	// transformer make it; see Transform.
	return template.HTML(b.String())
}

// inline renders short Markdown (a feature, a pitfall) without the
// surrounding paragraph.
func (md *markdown) inline(src, root string, problems *[]string) template.HTML {
	s := strings.TrimSpace(string(md.render(src, root, "", problems)))
	if strings.HasPrefix(s, "<p>") && strings.HasSuffix(s, "</p>") && strings.Count(s, "<p>") == 1 {
		s = s[3 : len(s)-4]
	}
	return template.HTML(s)
}

// Transform rewrites links: kind:id to page URLs, relative .md links
// between docs to their pages, and anything with a dangerous scheme to "#".
func (md *markdown) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	root, _ := pc.Get(rootKey).(string)
	dir, _ := pc.Get(pageDirKey).(string)
	problems, _ := pc.Get(problemsKey).(*[]string)
	source := reader.Source()
	var unsafeAutoLinks []*ast.AutoLink
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Text:
			joinWideLines(n, source)
		case *ast.Link:
			dest, ok := md.resolve(decodeURL(n.Destination), root, dir)
			if !ok {
				if problems != nil {
					*problems = append(*problems, "unresolved link "+string(n.Destination))
				}
				n.SetAttributeString("class", []byte("unresolved"))
			}
			n.Destination = []byte(dest)
		case *ast.Image:
			dest := decodeURL(n.Destination)
			if dir != "" && problems != nil && outsidePath(dir, dest) {
				*problems = append(*problems, "image "+quote(dest)+" is outside the model's folder, so the site cannot show it; move it under the model's folder and use a relative path")
			}
			switch {
			case !safeURL(dest):
				n.Destination = []byte("#")
			case dir != "":
				if p, ok := localImage(dir, dest); ok {
					if images, _ := pc.Get(imagesKey).(*[]string); images != nil {
						*images = append(*images, p)
					}
					n.Destination = []byte(root + docFilesDir + p)
				}
			}
		case *ast.AutoLink:
			if !safeURL(string(n.URL(source))) {
				unsafeAutoLinks = append(unsafeAutoLinks, n)
			}
		}
		return ast.WalkContinue, nil
	})
	for _, n := range unsafeAutoLinks {
		n.Parent().ReplaceChild(n.Parent(), n, ast.NewString(n.Label(source)))
	}
}

// resolve maps a Markdown link destination to the URL to write. ok is
// false for a kind:id link to an element the model does not have.
func (md *markdown) resolve(dest, root, dir string) (string, bool) {
	if kind, id, isRef := elementRef(dest); isRef {
		frag := ""
		if i := strings.IndexByte(id, '#'); i >= 0 {
			id, frag = id[:i], id[i:]
		}
		e, found := md.m.Element(id)
		if !found || e.Kind != kind {
			return "#", false
		}
		u := md.elementURL(e)
		if u == "" {
			return "#", false
		}
		if frag != "" && !strings.Contains(u, "#") {
			u += frag
		}
		return root + u, true
	}
	if !safeURL(dest) {
		return "#", true
	}
	// A relative link from one doc to another doc's .md file.
	if p, frag, _ := strings.Cut(dest, "#"); strings.HasSuffix(p, ".md") && !strings.Contains(p, ":") && !strings.HasPrefix(p, "/") {
		if e, ok := md.docPaths[path.Join(dir, p)]; ok {
			if frag != "" {
				frag = "#" + frag
			}
			return root + PageURL(e) + frag, true
		}
	}
	return dest, true
}

// joinWideLines drops a soft line break between two wide (CJK)
// characters: Chinese text wrapped in YAML must not get a space wherever
// the author pressed Enter. goldmark's CJK extension does this too, but
// drops the break (and the space) before a link as well.
func joinWideLines(n *ast.Text, source []byte) {
	if !n.SoftLineBreak() {
		return
	}
	seg := n.Segment
	last, _ := utf8.DecodeLastRune(seg.Value(source))
	if isWide(last) && isWide(firstRune(n.NextSibling(), source)) {
		n.SetSoftLineBreak(false)
	}
}

// firstRune is the first character n renders, 0 if none.
func firstRune(n ast.Node, source []byte) rune {
	for ; n != nil; n = n.NextSibling() {
		switch t := n.(type) {
		case *ast.Text:
			seg := t.Segment
			if v := seg.Value(source); len(v) > 0 {
				r, _ := utf8.DecodeRune(v)
				return r
			}
			continue
		case *ast.String:
			r, _ := utf8.DecodeRune(t.Value)
			return r
		}
		return firstRune(n.FirstChild(), source)
	}
	return 0
}

// isWide reports East Asian full-width and wide characters, Hangul aside
// (Korean separates words with spaces).
func isWide(r rune) bool {
	switch util.EastAsianWidth(r) {
	case "F", "W", "H":
		return !unicode.Is(unicode.Hangul, r)
	}
	return false
}

// docFilesDir is where the images that docs show are copied, under the
// path they have in the model's folder.
const docFilesDir = "docs/files/"

// localImage returns the model-folder path of an image a doc in dir shows
// by a relative path ("img/a.png" from docs/ is "docs/img/a.png").
func localImage(dir, dest string) (string, bool) {
	if dest == "" || strings.ContainsAny(dest, ":?#\\") || strings.HasPrefix(dest, "/") {
		return "", false
	}
	p := path.Join(dir, dest)
	if p == ".." || strings.HasPrefix(p, "../") {
		return "", false
	}
	return p, true
}

// windowsAbs matches a Windows absolute path: C:\ or C:/.
var windowsAbs = lazyre.New(`^[A-Za-z]:[\\/]`)

// outsidePath reports whether dest, as a doc in dir names an image, is
// an absolute path or one that leaves the model's folder (not a URL).
func outsidePath(dir, dest string) bool {
	switch {
	case strings.HasPrefix(dest, "//"), strings.Contains(dest, "://"):
		return false // a URL
	case strings.HasPrefix(dest, "/"), strings.HasPrefix(dest, `\`), windowsAbs().MatchString(dest):
		return true
	}
	p := path.Join(dir, strings.ReplaceAll(dest, `\`, "/"))
	return p == ".." || strings.HasPrefix(p, "../")
}

// decodeURL resolves backslash escapes and character references the way
// the renderer will, so that "java&#9;script:" is judged as what it is.
func decodeURL(dest []byte) string {
	d := util.UnescapePunctuations(dest)
	d = util.ResolveNumericReferences(d)
	return string(util.ResolveEntityNames(d))
}

// elementURL is PageURL, with notes sent to the page of what they are on.
func (md *markdown) elementURL(e model.Element) string {
	if e.Kind == model.KindNote {
		on, ok := md.m.Element(e.Note.On)
		if !ok || on.Kind == model.KindNote {
			return ""
		}
		return PageURL(on)
	}
	return PageURL(e)
}

var refKinds = map[string]model.Kind{
	"actor": model.KindActor, "domain": model.KindDomain, "module": model.KindModule, "store": model.KindStore,
	"layer": model.KindLayer, "tech": model.KindTech, "flow": model.KindFlow, "idea": model.KindIdea,
	"task": model.KindTask, "doc": model.KindDoc, "note": model.KindNote, "view": model.KindView,
}

// elementRef splits "module:user-center" into its kind and id.
func elementRef(dest string) (model.Kind, string, bool) {
	k, id, ok := strings.Cut(dest, ":")
	kind, known := refKinds[k]
	if !ok || !known || id == "" {
		return "", "", false
	}
	return kind, id, true
}

// safeURL reports whether a link target is harmless: relative, a
// fragment, or http(s), mailto or tel. Browsers ignore tabs, newlines and
// leading control characters in URLs, so they are removed before the
// scheme is read ("java\tscript:" is javascript:).
func safeURL(u string) bool {
	s := strings.Map(func(r rune) rune {
		if r <= ' ' || r == 0x7f {
			return -1
		}
		return unicode.ToLower(r)
	}, u)
	i := strings.IndexAny(s, ":/?#")
	if i < 0 || s[i] != ':' {
		return true
	}
	switch s[:i] {
	case "http", "https", "mailto", "tel":
		return true
	}
	return false
}

// headingIDs makes heading anchors that keep letters of every script, so
// "## 第 1 天：看懂业务" gets id "第-1-天看懂业务" rather than "heading".
type headingIDs struct{ used map[string]bool }

func newHeadingIDs() *headingIDs { return &headingIDs{used: map[string]bool{}} }

func (h *headingIDs) Generate(value []byte, kind ast.NodeKind) []byte {
	base := slug(string(value))
	if base == "" {
		base = "section"
	}
	id := base
	for i := 1; h.used[id]; i++ {
		id = base + "-" + itoa(i)
	}
	h.used[id] = true
	return []byte(id)
}

func (h *headingIDs) Put(value []byte) { h.used[string(value)] = true }

// slug lower-cases s, keeps letters and digits of any script and turns
// runs of spaces, '-' and '_' into one '-'.
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.TrimSpace(s) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(unicode.ToLower(r))
		case unicode.IsSpace(r) || r == '-' || r == '_':
			dash = true
		}
	}
	return b.String()
}

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + string(rune('0'+i%10))
}

// escapedHTML renders raw HTML in Markdown as visible text, for models
// that have not opted in to allow_html.
type escapedHTML struct{}

func (escapedHTML) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindRawHTML, func(w util.BufWriter, source []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			segs := n.(*ast.RawHTML).Segments
			for i := 0; i < segs.Len(); i++ {
				seg := segs.At(i)
				_, _ = w.Write(util.EscapeHTML(seg.Value(source)))
			}
		}
		return ast.WalkSkipChildren, nil
	})
	reg.Register(ast.KindHTMLBlock, func(w util.BufWriter, source []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkSkipChildren, nil
		}
		b := n.(*ast.HTMLBlock)
		_, _ = w.WriteString(`<p class="raw-html">`)
		lines := b.Lines()
		for i := 0; i < lines.Len(); i++ {
			line := lines.At(i)
			_, _ = w.Write(util.EscapeHTML(line.Value(source)))
		}
		if b.HasClosure() {
			_, _ = w.Write(util.EscapeHTML(b.ClosureLine.Value(source)))
		}
		_, _ = w.WriteString("</p>\n")
		return ast.WalkSkipChildren, nil
	})
}
