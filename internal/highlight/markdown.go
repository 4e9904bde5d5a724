package highlight

import (
	"strings"
	"sync"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// Markdown is a goldmark extension that colours fenced code blocks whose
// language a bundled lexer knows, with CSS classes (the site's
// stylesheet has the colours); other blocks stay plain
// <pre><code class="language-x">.
func Markdown() goldmark.Extender { return extension{} }

type extension struct{}

func (extension) Extend(m goldmark.Markdown) {
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(&codeRenderer{Config: html.NewConfig()}, 200)))
}

type codeRenderer struct{ html.Config }

func (r *codeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindFencedCodeBlock, r.render)
}

// formatter writes classes, not inline colours, as goldmark-highlighting
// did with html.WithClasses(true).
var formatter = chromahtml.New(chromahtml.WithClasses(true))

func (r *codeRenderer) render(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.FencedCodeBlock)
	var code strings.Builder
	for i := range n.Lines().Len() {
		line := n.Lines().At(i)
		code.Write(line.Value(source))
	}
	language := n.Language(source)
	if lexer := For(string(language)); lexer != nil {
		if it, err := chroma.Coalesce(lexer).Tokenise(nil, code.String()); err == nil {
			if err := formatter.Format(w, githubStyle(), it); err == nil {
				return ast.WalkContinue, nil
			}
		}
	}
	_, _ = w.WriteString("<pre><code")
	if language != nil {
		_, _ = w.WriteString(` class="language-`)
		r.Writer.Write(w, language)
		_, _ = w.WriteString(`"`)
	}
	_ = w.WriteByte('>')
	for i := range n.Lines().Len() {
		line := n.Lines().At(i)
		r.Writer.RawWrite(w, line.Value(source))
	}
	_, _ = w.WriteString("</code></pre>\n")
	return ast.WalkContinue, nil
}

// githubStyle decides which token types get a class (those it styles).
var githubStyle = sync.OnceValue(func() *chroma.Style { return NamedStyle("github") })

// SetOption takes the renderer's HTML options (XHTML, unsafe) as
// goldmark's own renderers do.
func (r *codeRenderer) SetOption(name renderer.OptionName, value any) {
	r.Config.SetOption(name, value)
}
