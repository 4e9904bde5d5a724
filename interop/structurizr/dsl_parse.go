package structurizr

import (
	"fmt"
	"strings"

	"github.com/archdoc/archdoc/interop/internal/importkit"
)

// Limits on hostile workspaces: how deep blocks and !include nest, and
// how many files one workspace may include.
const (
	maxDepth    = 40
	maxIncludes = 100
)

// IncludeFunc reads a file an !include names, relative to the file
// holding the directive; it refuses paths outside the workspace folder.
type IncludeFunc func(from, name string) (importkit.File, error)

// dslParser reads statements into a workspace.
type dslParser struct {
	ws           *workspace
	idents       map[string]*element
	hierarchical bool
	include      IncludeFunc
	includes     int
	consts       map[string]string
	depth        int
}

// blockCtx is where a statement stands: in which kind of block, inside
// which element, in which group.
type blockCtx struct {
	kind  string // workspace, model, softwaresystem, container, component, person
	el    *element
	group string
}

// ParseDSL reads a workspace.dsl. include reads !include files; nil
// refuses them.
func ParseDSL(f importkit.File, include IncludeFunc) (*workspace, error) {
	if err := importkit.CheckSize(f.Name, f.Data); err != nil {
		return nil, err
	}
	stmts, err := scan(f.Name, f.Data)
	if err != nil {
		return nil, err
	}
	p := &dslParser{ws: &workspace{views: map[string]int{}, files: 1}, idents: map[string]*element{}, include: include, consts: map[string]string{}}
	if err := p.top(stmts); err != nil {
		return nil, err
	}
	if err := p.resolve(); err != nil {
		return nil, err
	}
	return p.ws, nil
}

// top reads the file: one workspace block.
func (p *dslParser) top(stmts []statement) error {
	if len(stmts) == 0 {
		return fmt.Errorf("empty workspace: the file has no workspace block")
	}
	for i := 0; i < len(stmts); i++ {
		s := stmts[i]
		kw := strings.ToLower(p.text(s.toks[0]))
		if kw != "workspace" {
			return fmt.Errorf("%s: expected workspace, found %q", s.at(0), s.toks[0].text)
		}
		args := s.args()
		if len(args) > 1 && strings.EqualFold(args[1].text, "extends") && !args[1].quoted {
			return fmt.Errorf("%s: workspace extends is not supported; import the workspace it extends", s.at(1))
		}
		if len(args) > 1 {
			p.ws.name = p.text(args[1])
		}
		if len(args) > 2 {
			p.ws.desc = p.text(args[2])
		}
		end, err := closeOf(stmts, i)
		if err != nil {
			return err
		}
		if err := p.body(stmts[i+1:end], blockCtx{kind: "workspace"}); err != nil {
			return err
		}
		i = end
	}
	return nil
}

// closeOf finds the "}" closing the block stmts[open] opens.
func closeOf(stmts []statement, open int) (int, error) {
	if !stmts[open].opens() {
		return 0, fmt.Errorf("%s: expected { at the end of the line", stmts[open].at(len(stmts[open].toks)))
	}
	depth := 0
	for i := open; i < len(stmts); i++ {
		s := stmts[i]
		if s.opens() {
			depth++
		}
		if len(s.toks) == 1 && s.toks[0].text == "}" && !s.toks[0].quoted {
			depth--
			if depth == 0 {
				return i, nil
			}
		}
	}
	return 0, fmt.Errorf("%s: block is never closed with }", stmts[open].at(0))
}

// text is a token's text with !constant values put in for ${NAME}.
func (p *dslParser) text(t token) string {
	if len(p.consts) == 0 || !strings.Contains(t.text, "${") {
		return t.text
	}
	s := t.text
	for k, v := range p.consts {
		s = strings.ReplaceAll(s, "${"+k+"}", v)
	}
	return s
}

// body reads the statements of one block.
func (p *dslParser) body(stmts []statement, ctx blockCtx) error {
	p.depth++
	defer func() { p.depth-- }()
	if p.depth > maxDepth {
		return fmt.Errorf("%s: blocks nest more than %d deep", stmts[0].at(0), maxDepth)
	}
	for i := 0; i < len(stmts); i++ {
		s := stmts[i]
		end := i
		var inner []statement
		if s.opens() {
			var err error
			if end, err = closeOf(stmts, i); err != nil {
				return err
			}
			inner = stmts[i+1 : end]
		}
		if err := p.statement(s, inner, ctx); err != nil {
			return err
		}
		i = end
	}
	return nil
}

// statement reads one statement; inner holds its block's statements.
func (p *dslParser) statement(s statement, inner []statement, ctx blockCtx) error {
	args := s.args()
	if len(args) == 0 {
		return fmt.Errorf("%s: a { must follow a keyword", s.at(0))
	}
	kw := strings.ToLower(p.text(args[0]))
	if args[0].text == "}" {
		return fmt.Errorf("%s: } closes no block", s.at(0))
	}
	switch {
	case kw == "!include":
		return p.includeFile(s, ctx)
	case kw == "!identifiers":
		p.hierarchical = len(args) > 1 && strings.EqualFold(args[1].text, "hierarchical")
		return nil
	case kw == "!const" || kw == "!constant" || kw == "!var":
		if len(args) < 3 {
			return fmt.Errorf("%s: %s needs a name and a value", s.at(0), args[0].text)
		}
		p.consts[args[1].text] = p.text(args[2])
		return nil
	case strings.HasPrefix(kw, "!"):
		p.ws.skip("%s directive", args[0].text)
		return nil
	}
	switch ctx.kind {
	case "workspace":
		return p.workspaceStatement(s, inner, kw)
	case "views":
		return nil
	}
	return p.modelStatement(s, inner, ctx, kw)
}

func (p *dslParser) workspaceStatement(s statement, inner []statement, kw string) error {
	args := s.args()
	switch kw {
	case "name":
		if len(args) > 1 {
			p.ws.name = p.text(args[1])
		}
	case "description":
		if len(args) > 1 {
			p.ws.desc = p.text(args[1])
		}
	case "model":
		return p.body(inner, blockCtx{kind: "model"})
	case "views":
		p.countViews(inner)
	case "configuration", "properties":
		p.ws.skip("workspace %s", kw)
	default:
		p.ws.warn("%s: %q in the workspace is not understood; skipped", s.at(0), args[0].text)
	}
	return nil
}

// countViews lists the views for the summary; they are not imported.
func (p *dslParser) countViews(stmts []statement) {
	for i := 0; i < len(stmts); i++ {
		s := stmts[i]
		kw := strings.ToLower(s.toks[0].text)
		switch kw {
		case "systemlandscape", "systemcontext", "container", "component", "dynamic", "deployment", "filtered", "custom", "image":
			p.ws.views[kw]++
		case "styles", "themes", "theme", "branding", "terminology", "properties":
			p.ws.skip("views: %s", kw)
		}
		if s.opens() {
			if end, err := closeOf(stmts, i); err == nil {
				i = end
			}
		}
	}
}

// includeFile reads an !include'd file in place.
func (p *dslParser) includeFile(s statement, ctx blockCtx) error {
	args := s.args()
	if len(args) < 2 {
		return fmt.Errorf("%s: !include needs a file", s.at(0))
	}
	name := p.text(args[1])
	if strings.Contains(name, "://") {
		return fmt.Errorf("%s: !include %s: only files inside the workspace folder are read, not URLs", s.at(1), name)
	}
	if p.include == nil {
		return fmt.Errorf("%s: !include %s: includes are not read here", s.at(1), name)
	}
	if p.includes++; p.includes > maxIncludes {
		return fmt.Errorf("%s: more than %d !include files", s.at(0), maxIncludes)
	}
	f, err := p.include(s.file, name)
	if err != nil {
		return fmt.Errorf("%s: !include %s: %w", s.at(1), name, err)
	}
	p.ws.files++
	stmts, err := scan(f.Name, f.Data)
	if err != nil {
		return err
	}
	if len(stmts) == 0 {
		return nil
	}
	if ctx.kind == "workspace" && strings.EqualFold(stmts[0].toks[0].text, "workspace") {
		return fmt.Errorf("%s: an included file holds statements, not a workspace", stmts[0].at(0))
	}
	return p.body(stmts, ctx)
}
