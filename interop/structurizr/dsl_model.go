package structurizr

import (
	"fmt"
	"strings"
)

// where elements may stand: containers in software systems, components
// in containers, people and software systems in the model.
var allowedIn = map[string]string{
	"person": "model", "softwaresystem": "model", "container": "softwaresystem", "component": "container",
}

var kindWords = map[string]string{
	"person": "person", "softwaresystem": "softwareSystem", "container": "container", "component": "component",
}

// modelStatement reads a statement inside model, a group or an element.
func (p *dslParser) modelStatement(s statement, inner []statement, ctx blockCtx, kw string) error {
	args := s.args()
	ident := ""
	if len(args) > 2 && args[1].text == "=" && !args[1].quoted {
		ident, args = args[0].text, args[2:]
		kw = strings.ToLower(p.text(args[0]))
	}
	if arrow(args) >= 0 {
		return p.relationship(s, args, ctx)
	}
	if _, ok := allowedIn[kw]; ok {
		return p.element(s, inner, args, ident, ctx, kw)
	}
	if ident != "" {
		if kw == "deploymentnode" || kw == "infrastructurenode" || kw == "softwaresysteminstance" || kw == "containerinstance" || kw == "deploymentenvironment" || kw == "element" {
			p.ws.skip("%s elements", args[0].text)
			return nil
		}
		return fmt.Errorf("%s: %q is not an element keyword (person, softwareSystem, container, component)", s.at(2), args[0].text)
	}
	return p.property(s, inner, args, ctx, kw)
}

// arrow is the index of "->" in args, or -1.
func arrow(args []token) int {
	for i, t := range args {
		if t.text == "->" && !t.quoted && i <= 1 {
			return i
		}
	}
	return -1
}

// property reads the statements that describe the enclosing element or
// group, and the blocks the model has no place for.
func (p *dslParser) property(s statement, inner []statement, args []token, ctx blockCtx, kw string) error {
	val := ""
	if len(args) > 1 {
		val = p.text(args[1])
	}
	e := ctx.el
	switch {
	case kw == "group":
		if len(args) < 2 || !s.opens() {
			return fmt.Errorf("%s: group needs a name and a block: group \"Name\" {", s.at(0))
		}
		g := strings.ReplaceAll(val, "/", "\u2215")
		if ctx.group != "" {
			g = ctx.group + "/" + g
		}
		return p.body(inner, blockCtx{kind: ctx.kind, el: ctx.el, group: g})
	case kw == "enterprise" && ctx.kind == "model":
		return p.body(inner, ctx)
	case kw == "description" && e != nil:
		e.desc = val
	case kw == "technology" && e != nil:
		e.tech = val
	case (kw == "tags" || kw == "tag") && e != nil:
		for _, a := range args[1:] {
			e.tags = append(e.tags, splitTags(p.text(a))...)
		}
	case kw == "properties" && e != nil:
		for _, ps := range inner {
			if len(ps.toks) >= 2 {
				e.props = append(e.props, [2]string{p.text(ps.toks[0]), p.text(ps.toks[1])})
			}
		}
	case kw == "deploymentenvironment", kw == "deploymentnode":
		p.ws.skip("deployment environments")
	case kw == "properties":
		p.ws.skip("%s properties", where(ctx))
	case kw == "url", kw == "perspectives", kw == "docs", kw == "adrs":
		p.ws.skip("element %s", kw)
	case kw == "element", kw == "archetypes":
		p.ws.warn("%s: %s is not imported (custom elements have no place in the model)", s.at(0), args[0].text)
	default:
		return fmt.Errorf("%s: unexpected %q here (in %s)", s.at(0), args[0].text, where(ctx))
	}
	return nil
}

func where(ctx blockCtx) string {
	if ctx.el != nil {
		return kindWords[ctx.el.kind] + " " + ctx.el.name
	}
	return ctx.kind
}

// element reads person, softwareSystem, container and component lines.
func (p *dslParser) element(s statement, inner []statement, args []token, ident string, ctx blockCtx, kw string) error {
	parentKind := "model"
	if ctx.el != nil {
		parentKind = ctx.el.kind
	}
	if allowedIn[kw] != parentKind {
		return fmt.Errorf("%s: a %s cannot stand in %s", s.at(0), kindWords[kw], where(ctx))
	}
	if len(args) < 2 {
		return fmt.Errorf("%s: %s needs a name", s.at(0), args[0].text)
	}
	e := &element{kind: kw, ident: ident, name: p.text(args[1]), parent: ctx.el, group: ctx.group, at: s.at(0)}
	rest := args[2:]
	if len(rest) > 0 {
		e.desc = p.text(rest[0])
	}
	if kw == "container" || kw == "component" {
		if len(rest) > 1 {
			e.tech = p.text(rest[1])
		}
		if len(rest) > 2 {
			e.tags = splitTags(p.text(rest[2]))
		}
	} else if len(rest) > 1 {
		e.tags = splitTags(p.text(rest[1]))
	}
	if err := p.register(e, s); err != nil {
		return err
	}
	if ctx.el != nil {
		ctx.el.children = append(ctx.el.children, e)
	} else {
		p.ws.elements = append(p.ws.elements, e)
	}
	if s.opens() {
		return p.body(inner, blockCtx{kind: kw, el: e})
	}
	return nil
}

// register files e under its identifier: its own (flat) and, below a
// parent, the parent's key dotted in front (hierarchical).
func (p *dslParser) register(e *element, s statement) error {
	if e.ident == "" {
		return nil
	}
	id := strings.ToLower(e.ident)
	e.key = id
	if e.parent != nil && e.parent.key != "" {
		e.key = e.parent.key + "." + id
	}
	if prev := p.idents[e.key]; prev != nil && prev != e {
		return fmt.Errorf("%s: identifier %q is already used at %s", s.at(0), e.ident, prev.at)
	}
	p.idents[e.key] = e
	if !p.hierarchical {
		if prev := p.idents[id]; prev != nil && prev != e {
			return fmt.Errorf("%s: identifier %q is already used at %s", s.at(0), e.ident, prev.at)
		}
		p.idents[id] = e
	}
	return nil
}

// relationship reads "a -> b desc tech tags" and "-> b ..." (from the
// enclosing element).
func (p *dslParser) relationship(s statement, args []token, ctx blockCtx) error {
	r := &relation{ctx: ctx.el, at: s.at(0)}
	i := arrow(args)
	if i == 0 || strings.EqualFold(args[0].text, "this") {
		if ctx.el == nil {
			return fmt.Errorf("%s: a relationship without a source must be inside an element", s.at(0))
		}
		r.from = ctx.el
	} else {
		r.fromRef, r.fromAt = p.text(args[0]), s.at(0)
	}
	if len(args) <= i+1 {
		return fmt.Errorf("%s: -> needs a destination", s.at(i))
	}
	r.toRef, r.toAt = p.text(args[i+1]), s.at(i+1)
	if strings.EqualFold(r.toRef, "this") && ctx.el != nil {
		r.to, r.toRef = ctx.el, ""
	}
	rest := args[i+2:]
	if len(rest) > 0 {
		r.desc = p.text(rest[0])
	}
	if len(rest) > 1 {
		r.tech = p.text(rest[1])
	}
	if len(rest) > 2 {
		r.tags = splitTags(p.text(rest[2]))
	}
	p.ws.rels = append(p.ws.rels, r)
	return nil
}

// resolve finds the elements relationships name: an identifier relative
// to the enclosing elements first (hierarchical), then as written.
func (p *dslParser) resolve() error {
	for _, r := range p.ws.rels {
		var err error
		if r.from == nil {
			if r.from, err = p.lookup(r.fromRef, r.fromAt, r.ctx); err != nil {
				return err
			}
		}
		if r.to == nil {
			if r.to, err = p.lookup(r.toRef, r.toAt, r.ctx); err != nil {
				return err
			}
		}
	}
	return nil
}

func (p *dslParser) lookup(ref, at string, ctx *element) (*element, error) {
	key := strings.ToLower(ref)
	for e := ctx; e != nil; e = e.parent {
		if e.key != "" {
			if found := p.idents[e.key+"."+key]; found != nil {
				return found, nil
			}
		}
	}
	if found := p.idents[key]; found != nil {
		return found, nil
	}
	return nil, fmt.Errorf("%s: no element has the identifier %q", at, ref)
}
