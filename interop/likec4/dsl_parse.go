package likec4

import (
	"encoding/json"
	"fmt"

	"github.com/archdoc/archdoc/interop/internal/importkit"
)

// maxNesting bounds how deep blocks nest in a .c4 file.
const maxNesting = 40

// c4Parser reads .c4 files into the same dump `likec4 export json`
// writes, so both go through one mapping.
type c4Parser struct {
	d       *dump
	kinds   map[string]bool
	file    string
	toks    []tok
	i       int
	depth   int
	pending []pendingRel
	nrel    int
}

type pendingRel struct {
	rel              jsonRelation
	scope            string
	src, dst         string
	srcAt, dstAt, at string
}

// ParseDSL reads LikeC4 source files (.c4, .likec4) as one model.
func ParseDSL(files []importkit.File) (*dump, error) {
	p := &c4Parser{d: &dump{}, kinds: map[string]bool{}}
	p.d.Elements.m, p.d.Relations.m = map[string]jsonElement{}, map[string]jsonRelation{}
	p.d.Views = map[string]json.RawMessage{}
	// Specifications first: a file may use kinds another file declares.
	for pass := 0; pass < 2; pass++ {
		for _, f := range files {
			if err := importkit.CheckSize(f.Name, f.Data); err != nil {
				return nil, err
			}
			toks, err := scanC4(f.Name, f.Data)
			if err != nil {
				return nil, err
			}
			p.file, p.toks, p.i = f.Name, toks, 0
			if err := p.top(pass == 0); err != nil {
				return nil, err
			}
		}
	}
	return p.d, p.resolve()
}

func (p *c4Parser) at(t tok) string { return fmt.Sprintf("%s:%d:%d", p.file, t.line, t.col) }

func (p *c4Parser) peek(k int) tok {
	if p.i+k < len(p.toks) {
		return p.toks[p.i+k]
	}
	return tok{kind: 0}
}

func (p *c4Parser) next() tok { t := p.peek(0); p.i++; return t }

func (p *c4Parser) end() string {
	if len(p.toks) == 0 {
		return p.file + ":1:1"
	}
	t := p.toks[len(p.toks)-1]
	return p.at(t)
}

// expect takes a token of kind k or reports what stands there instead.
func (p *c4Parser) expect(k byte, what string) (tok, error) {
	t := p.next()
	if t.kind != k {
		if t.kind == 0 {
			return t, fmt.Errorf("%s: file ends where %s was expected", p.end(), what)
		}
		return t, fmt.Errorf("%s: expected %s, found %q", p.at(t), what, t.text)
	}
	return t, nil
}

// skipBlock skips a { ... } block whose { was just read.
func (p *c4Parser) skipBlock(open tok) error {
	for depth := 1; depth > 0; {
		t := p.next()
		switch t.kind {
		case 0:
			return fmt.Errorf("%s: block is never closed with }", p.at(open))
		case '{':
			depth++
		case '}':
			depth--
		}
	}
	return nil
}

// top reads the top-level blocks: specification on the first pass,
// model and views on the second.
func (p *c4Parser) top(specPass bool) error {
	for p.i < len(p.toks) {
		kw, err := p.expect('w', "specification, model or views")
		if err != nil {
			return err
		}
		if kw.text == "import" { // import { a } from 'project'
			for t := p.peek(0); t.kind != 0 && t.kind != 's'; t = p.peek(0) {
				p.next()
			}
			p.next()
			continue
		}
		open, err := p.expect('{', "{ after "+kw.text)
		if err != nil {
			return err
		}
		switch {
		case kw.text == "specification" && specPass:
			err = p.specification()
		case kw.text == "model" && !specPass:
			err = p.body("", open)
		case kw.text == "views" && !specPass:
			err = p.views(open)
		default:
			err = p.skipBlock(open)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func (p *c4Parser) specification() error {
	for {
		t := p.next()
		switch {
		case t.kind == '}':
			return nil
		case t.kind == 0:
			return fmt.Errorf("%s: specification is never closed with }", p.end())
		case t.kind == '{':
			if err := p.skipBlock(t); err != nil {
				return err
			}
		case t.kind == 'w' && t.text == "element":
			name, err := p.expect('w', "an element kind")
			if err != nil {
				return err
			}
			p.kinds[name.text] = true
		}
	}
}

// views counts the views for the summary.
func (p *c4Parser) views(open tok) error {
	for {
		t := p.next()
		switch t.kind {
		case '}':
			return nil
		case 0:
			return fmt.Errorf("%s: views is never closed with }", p.at(open))
		case '{':
			if err := p.skipBlock(t); err != nil {
				return err
			}
		case 'w':
			if t.text == "view" || t.text == "dynamic" || t.text == "deployment" {
				p.d.Views[fmt.Sprintf("view-%d", len(p.d.Views)+1)] = nil
			}
		}
	}
}
