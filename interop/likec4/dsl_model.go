package likec4

import (
	"fmt"
	"strings"
)

// body reads the statements of the model block or of element fqn's
// block, up to the closing }.
func (p *c4Parser) body(fqn string, open tok) error {
	if p.depth++; p.depth > maxNesting {
		return fmt.Errorf("%s: blocks nest more than %d deep", p.at(open), maxNesting)
	}
	defer func() { p.depth-- }()
	for {
		t := p.peek(0)
		switch {
		case t.kind == 0:
			return fmt.Errorf("%s: block is never closed with }", p.at(open))
		case t.kind == '}':
			p.next()
			return nil
		case t.kind == ',' || t.kind == ';':
			p.next()
		case t.kind == '>':
			if fqn == "" {
				return fmt.Errorf("%s: a relation without a source must be inside an element", p.at(t))
			}
			if err := p.relation(fqn, fqn, t); err != nil {
				return err
			}
		case t.kind == 'w' && strings.HasPrefix(t.text, "#"):
			p.next()
			p.tag(fqn, t.text)
		case t.kind == 'w':
			if err := p.statement(fqn, t); err != nil {
				return err
			}
		default:
			return fmt.Errorf("%s: unexpected %q", p.at(t), t.text)
		}
	}
}

func (p *c4Parser) tag(fqn, tag string) {
	if e, ok := p.d.Elements.m[fqn]; ok {
		e.Tags = appendNew(e.Tags, strings.TrimPrefix(tag, "#"))
		p.d.Elements.m[fqn] = e
	}
}

// statement reads one statement starting with a word.
func (p *c4Parser) statement(fqn string, t tok) error {
	next := p.peek(1)
	switch {
	case next.kind == '=':
		p.i += 2
		kind, err := p.expect('w', "an element kind after =")
		if err != nil {
			return err
		}
		return p.element(fqn, t, kind)
	case next.kind == '>':
		src := t.text
		if src == "this" || src == "it" {
			src = fqn
		}
		p.next()
		return p.relation(fqn, src, t)
	case p.kinds[t.text] && next.kind == 'w':
		p.i += 2
		return p.element(fqn, next, t)
	case t.text == "extend":
		p.next()
		target, err := p.expect('w', "the element to extend")
		if err != nil {
			return err
		}
		open, err := p.expect('{', "{ after extend")
		if err != nil {
			return err
		}
		if _, ok := p.d.Elements.m[target.text]; !ok {
			return fmt.Errorf("%s: extend %s: no such element (give its full name)", p.at(target), target.text)
		}
		return p.body(target.text, open)
	case fqn != "":
		return p.property(fqn, t)
	}
	return fmt.Errorf("%s: %q is not an element kind the specification declares", p.at(t), t.text)
}

// strings reads up to n strings that follow.
func (p *c4Parser) strings(n int) []string {
	var out []string
	for len(out) < n && p.peek(0).kind == 's' {
		out = append(out, p.next().text)
	}
	return out
}

// element reads "name = kind 'title' 'summary' 'technology' { ... }".
func (p *c4Parser) element(parent string, name, kind tok) error {
	if !p.kinds[kind.text] {
		return fmt.Errorf("%s: %q is not an element kind the specification declares", p.at(kind), kind.text)
	}
	if strings.ContainsAny(name.text, ".#") {
		return fmt.Errorf("%s: %q is not an element name", p.at(name), name.text)
	}
	fqn := name.text
	if parent != "" {
		fqn = parent + "." + name.text
	}
	if _, dup := p.d.Elements.m[fqn]; dup {
		return fmt.Errorf("%s: %s is already defined", p.at(name), fqn)
	}
	e := jsonElement{ID: fqn, Kind: kind.text, Title: name.text}
	ss := p.strings(3)
	if len(ss) > 0 {
		e.Title = ss[0]
	}
	if len(ss) > 1 {
		e.Summary = text(ss[1])
	}
	if len(ss) > 2 {
		e.Technology = ss[2]
	}
	p.d.Elements.keys = append(p.d.Elements.keys, fqn)
	p.d.Elements.m[fqn] = e
	if p.peek(0).kind == '{' {
		return p.body(fqn, p.next())
	}
	return nil
}

// property reads title, description, technology and the like inside an
// element; style, metadata, link and other blocks are skipped.
func (p *c4Parser) property(fqn string, t tok) error {
	p.next()
	e := p.d.Elements.m[fqn]
	if p.peek(0).kind == ':' {
		p.next()
	}
	val := ""
	if p.peek(0).kind == 's' {
		val = p.next().text
	}
	switch t.text {
	case "title":
		e.Title = val
	case "description":
		e.Description = text(val)
	case "summary":
		e.Summary = text(val)
	case "technology":
		e.Technology = val
	default:
		// icon aws:lambda, link https://x 'title', style { ... }: a word
		// value (with its :part) that does not start the next statement.
		if w := p.peek(0); val == "" && w.kind == 'w' && !strings.HasPrefix(w.text, "#") && !p.kinds[w.text] &&
			p.peek(1).kind != '=' && p.peek(1).kind != '>' {
			p.next()
			for p.peek(0).kind == ':' && p.peek(1).kind == 'w' {
				p.i += 2
			}
			p.strings(1)
		}
		if p.peek(0).kind == '{' {
			return p.skipBlock(p.next())
		}
	}
	p.d.Elements.m[fqn] = e
	return nil
}

// relation reads "-> target 'title' 'description' 'technology' { ... }"
// whose arrow is the next token.
func (p *c4Parser) relation(scope, src string, at tok) error {
	arrow := p.next()
	dst, err := p.expect('w', "the relation's target")
	if err != nil {
		return err
	}
	r := pendingRel{scope: scope, src: src, dst: dst.text, srcAt: p.at(at), dstAt: p.at(dst), at: p.at(arrow)}
	r.rel.Kind = arrow.text
	ss := p.strings(3)
	if len(ss) > 0 {
		r.rel.Title = ss[0]
	}
	if len(ss) > 1 {
		r.rel.Description = text(ss[1])
	}
	if len(ss) > 2 {
		r.rel.Technology = ss[2]
	}
	if p.peek(0).kind == '{' {
		if err := p.relationBody(&r.rel, p.next()); err != nil {
			return err
		}
	}
	p.pending = append(p.pending, r)
	return nil
}

func (p *c4Parser) relationBody(r *jsonRelation, open tok) error {
	for {
		t := p.next()
		switch {
		case t.kind == 0:
			return fmt.Errorf("%s: block is never closed with }", p.at(open))
		case t.kind == '}':
			return nil
		case t.kind == '{':
			if err := p.skipBlock(t); err != nil {
				return err
			}
		case t.kind == 'w' && p.peek(0).kind == 's':
			v := p.next().text
			switch t.text {
			case "title":
				r.Title = v
			case "description":
				r.Description = text(v)
			case "technology":
				r.Technology = v
			}
		}
	}
}

// resolve finds the relations' ends: a dotted name from the top, or a
// name in the scope of the element the relation stands in, its
// ancestors', then anywhere if only one element has it.
func (p *c4Parser) resolve() error {
	for _, r := range p.pending {
		src, err := p.lookup(r.src, r.scope, r.srcAt)
		if err != nil {
			return err
		}
		dst, err := p.lookup(r.dst, r.scope, r.dstAt)
		if err != nil {
			return err
		}
		r.rel.Source, r.rel.Target = endpoint(src), endpoint(dst)
		p.nrel++
		key := fmt.Sprintf("r%d", p.nrel)
		p.d.Relations.keys = append(p.d.Relations.keys, key)
		p.d.Relations.m[key] = r.rel
	}
	return nil
}

func (p *c4Parser) lookup(ref, scope, at string) (string, error) {
	first, rest, _ := strings.Cut(ref, ".")
	for s := scope; ; s = parent(s) {
		if found := p.below(s, first); found != "" {
			if rest != "" {
				found += "." + rest
			}
			if _, ok := p.d.Elements.m[found]; ok {
				return found, nil
			}
		}
		if s == "" {
			break
		}
	}
	return "", fmt.Errorf("%s: no element named %q here", at, ref)
}

// below finds the element called name under scope ("" = the model):
// a child first, else the one descendant of that name.
func (p *c4Parser) below(scope, name string) string {
	prefix := ""
	if scope != "" {
		prefix = scope + "."
	}
	if _, ok := p.d.Elements.m[prefix+name]; ok {
		return prefix + name
	}
	found := ""
	for _, k := range p.d.Elements.keys {
		if strings.HasPrefix(k, prefix) && strings.HasSuffix(k, "."+name) {
			if found != "" {
				return "" // ambiguous
			}
			found = k
		}
	}
	return found
}
