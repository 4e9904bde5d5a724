package exporttest

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
)

// The Structurizr DSL rules checked here are the ones in the language
// reference (docs.structurizr.com/dsl and /dsl/language): one statement
// per line, whitespace-separated tokens, "..." strings with \" as the
// only escape, "{" last on its line, "}" alone on its line, no forward
// references, identifiers of a-zA-Z_0-9, unique person/software system
// names, container names unique within their system, no relationship
// between a system and its own containers, unique view keys.

var identRE = regexp.MustCompile(`^[a-zA-Z0-9_]+$`)

// tokenize splits a DSL line the way the Structurizr tokenizer does.
func tokenize(line string) ([]string, error) {
	var toks []string
	i := 0
	for i < len(line) {
		switch c := line[i]; {
		case c == ' ' || c == '\t':
			i++
		case c == '"':
			var b strings.Builder
			j := i + 1
			for ; j < len(line); j++ {
				if line[j] == '\\' && j+1 < len(line) && line[j+1] == '"' {
					b.WriteByte('"')
					j++
					continue
				}
				if line[j] == '"' {
					break
				}
				b.WriteByte(line[j])
			}
			if j >= len(line) {
				return nil, fmt.Errorf("unterminated string")
			}
			if j+1 < len(line) && line[j+1] != ' ' && line[j+1] != '\t' {
				return nil, fmt.Errorf("string followed by %q without a space", line[j+1])
			}
			toks = append(toks, "\x00"+b.String()) // \x00 marks a quoted token
			i = j + 1
		default:
			j := i
			for j < len(line) && line[j] != ' ' && line[j] != '\t' {
				if line[j] == '"' {
					return nil, fmt.Errorf("quote inside a bare token")
				}
				j++
			}
			toks = append(toks, line[i:j])
			i = j
		}
	}
	return toks, nil
}

func unq(tok string) string { return strings.TrimPrefix(tok, "\x00") }

type dslElem struct{ kind, name, system string }

// CheckDSL reports every rule the workspace breaks.
func CheckDSL(t *testing.T, dsl string) {
	t.Helper()
	for _, e := range DSLProblems(dsl) {
		t.Error(e)
	}
}

// DSLProblems lists the rule violations in a workspace, "line N: ...".
func DSLProblems(dsl string) []string {
	c := &dslChecker{elems: map[string]dslElem{}, names: map[string]bool{}, containerNames: map[string]bool{},
		rels: map[string]bool{}, keys: map[string]bool{}}
	for n, line := range strings.Split(strings.TrimSuffix(dsl, "\n"), "\n") {
		c.n = n + 1
		c.statement(strings.TrimSpace(line))
	}
	if len(c.stack) != 0 {
		c.errf("unclosed blocks: %v", c.stack)
	}
	return c.errs
}

type dslChecker struct {
	n              int
	stack          []string // block kinds, outermost first
	system         string   // software system whose block we are in
	elems          map[string]dslElem
	names          map[string]bool // people and software systems
	containerNames map[string]bool // "system/name"
	rels, keys     map[string]bool
	errs           []string
}

func (c *dslChecker) errf(format string, args ...any) {
	c.errs = append(c.errs, fmt.Sprintf("line %d: ", c.n)+fmt.Sprintf(format, args...))
}

func (c *dslChecker) top() string {
	if len(c.stack) == 0 {
		return ""
	}
	return c.stack[len(c.stack)-1]
}

func (c *dslChecker) statement(line string) {
	if line == "" || strings.HasPrefix(line, "//") || strings.HasPrefix(line, "#") {
		return
	}
	toks, err := tokenize(line)
	if err != nil {
		c.errf("%v", err)
		return
	}
	if toks[0] == "}" {
		if len(toks) != 1 || len(c.stack) == 0 {
			c.errf("'}' must be alone on its line and close a block")
			return
		}
		if c.top() == "softwareSystem" {
			c.system = ""
		}
		c.stack = c.stack[:len(c.stack)-1]
		return
	}
	opens := toks[len(toks)-1] == "{"
	if opens {
		toks = toks[:len(toks)-1]
	}
	for _, tk := range toks {
		if tk == "{" || tk == "}" {
			c.errf("brace in the middle of a statement")
		}
	}
	kind := c.dispatch(toks)
	if opens {
		if kind == "" {
			c.errf("%q cannot open a block", line)
			kind = "?"
		}
		c.stack = append(c.stack, kind)
	}
}

// dispatch checks one statement and returns the block kind it opens.
func (c *dslChecker) dispatch(toks []string) string {
	ctx := c.top()
	switch {
	case ctx == "" && toks[0] == "workspace":
		c.strings(toks[1:], 0, 2)
		return "workspace"
	case ctx == "workspace" && (toks[0] == "model" || toks[0] == "views"):
		return toks[0]
	case len(toks) >= 3 && toks[1] == "=":
		return c.element(ctx, toks)
	case len(toks) >= 3 && toks[1] == "->":
		c.relationship(ctx, toks)
	case ctx == "softwareSystem" && toks[0] == "group":
		c.strings(toks[1:], 1, 1)
		return "group"
	case ctx == "views":
		return c.view(toks)
	case ctx == "view" && toks[0] == "include":
	case ctx == "view" && toks[0] == "autoLayout":
		if len(toks) > 2 || len(toks) == 2 && !strings.Contains("tb bt lr rl", toks[1]) {
			c.errf("autoLayout takes tb, bt, lr or rl")
		}
	case ctx == "styles" && toks[0] == "element":
		c.strings(toks[1:], 1, 1)
		return "style"
	case ctx == "style" && (toks[0] == "shape" || toks[0] == "background" || toks[0] == "color"):
	default:
		c.errf("unexpected %q in %s block", toks[0], ctx)
	}
	return ""
}

func (c *dslChecker) strings(args []string, min, max int) {
	if len(args) < min || len(args) > max {
		c.errf("want %d to %d strings, got %d", min, max, len(args))
	}
}

func (c *dslChecker) element(ctx string, toks []string) string {
	id, kind := toks[0], toks[2]
	if !identRE.MatchString(id) {
		c.errf("bad identifier %q", id)
	}
	if _, dup := c.elems[id]; dup {
		c.errf("identifier %q already in use", id)
	}
	if len(toks) < 4 {
		c.errf("%s needs a name", kind)
		return ""
	}
	name := unq(toks[3])
	switch {
	case (kind == "person" || kind == "softwareSystem") && ctx == "model":
		c.strings(toks[3:], 1, 3)
		if c.names[name] {
			c.errf("a person or software system named %q already exists", name)
		}
		c.names[name] = true
		c.elems[id] = dslElem{kind: kind, name: name}
		if kind == "softwareSystem" {
			c.system = id
			return "softwareSystem"
		}
	case kind == "container" && (ctx == "softwareSystem" || ctx == "group"):
		c.strings(toks[3:], 1, 4)
		key := c.system + "/" + name
		if c.containerNames[key] {
			c.errf("container %q already exists in %s", name, c.system)
		}
		c.containerNames[key] = true
		c.elems[id] = dslElem{kind: kind, name: name, system: c.system}
	default:
		c.errf("%s not allowed in %s block", kind, ctx)
	}
	return ""
}

func (c *dslChecker) relationship(ctx string, toks []string) {
	if ctx != "model" {
		c.errf("relationship outside the model block")
	}
	from, fok := c.elems[toks[0]]
	to, tok := c.elems[toks[2]]
	if !fok || !tok {
		c.errf("relationship names an undefined identifier (%s -> %s)", toks[0], toks[2])
		return
	}
	c.strings(toks[3:], 0, 3)
	if toks[0] == toks[2] || from.system == toks[2] || to.system == toks[0] {
		c.errf("relationship between an element and itself or its parent")
	}
	desc := ""
	if len(toks) > 3 {
		desc = unq(toks[3])
	}
	key := toks[0] + ">" + toks[2] + ">" + desc
	if c.rels[key] {
		c.errf("duplicate relationship %s -> %s %q", toks[0], toks[2], desc)
	}
	c.rels[key] = true
}

func (c *dslChecker) view(toks []string) string {
	switch toks[0] {
	case "styles":
		return "styles"
	case "systemLandscape":
		c.strings(toks[1:], 0, 2)
		c.key(toks, 1)
	case "container":
		if len(toks) < 2 || c.elems[toks[1]].kind != "softwareSystem" {
			c.errf("container view needs a software system identifier")
			return "view"
		}
		c.strings(toks[2:], 0, 2)
		c.key(toks, 2)
	default:
		c.errf("unknown view %q", toks[0])
	}
	return "view"
}

func (c *dslChecker) key(toks []string, i int) {
	if len(toks) <= i {
		return
	}
	k := unq(toks[i])
	if c.keys[k] {
		c.errf("view key %q already used", k)
	}
	c.keys[k] = true
}
