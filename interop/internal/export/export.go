// Package export holds what the Structurizr and PlantUML exporters
// share: identifiers made from model ids, one-line text from Markdown,
// and unique names.
package export

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/archdoc/archdoc/internal/lazyre"
	"github.com/archdoc/archdoc/model"
)

// Ident turns a model id (lowercase, digits, hyphens) into an identifier
// both tools accept: letters, digits and underscores, not starting with
// a digit.
func Ident(id string) string {
	var b strings.Builder
	for _, r := range id {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '_':
			b.WriteRune(r)
		default:
			b.WriteByte('_')
		}
	}
	s := b.String()
	if s == "" || s[0] >= '0' && s[0] <= '9' {
		s = "e_" + s
	}
	return s
}

var (
	// A link destination may hold balanced parentheses (CommonMark), as in
	// [x](https://en.wikipedia.org/wiki/Go_(language)).
	mdLink   = lazyre.New(`\[([^\]]*)\]\((?:[^()]|\([^()]*\))*\)`)
	mdMarks  = strings.NewReplacer("**", "", "__", "", "`", "")
	paraStop = lazyre.New(`\n\s*\n`)
)

// SingleLine makes model text fit a one-line quoted string of a DSL:
// line breaks and tabs become spaces, runs of white space one space, and
// other control characters (a YAML "\x01" escape) are dropped. Names may
// hold line breaks ("A\nB" in YAML); a string broken across lines does
// not parse in Structurizr DSL nor in a PlantUML macro call.
func SingleLine(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case unicode.IsSpace(r):
			return ' '
		case unicode.IsControl(r):
			return -1
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// OneLine is the first paragraph of Markdown text as plain text on one
// line: links keep their text, emphasis marks go, white space collapses.
func OneLine(md string) string {
	md = strings.TrimSpace(md)
	if loc := paraStop().FindStringIndex(md); loc != nil {
		md = md[:loc[0]]
	}
	md = mdMarks.Replace(mdLink().ReplaceAllString(md, "$1"))
	out := ""
	for _, l := range strings.Split(md, "\n") {
		l = strings.Join(strings.Fields(l), " ")
		switch {
		case l == "":
		case out == "":
			out = l
		case wideEnd(out) || wideStart(l):
			out += l // Chinese is written without spaces between lines
		default:
			out += " " + l
		}
	}
	return out
}

func wideEnd(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return isWide(r)
}

func wideStart(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return isWide(r)
}

// isWide: CJK ideographs, kana, hangul and fullwidth punctuation.
func isWide(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) ||
		(r >= 0x3000 && r <= 0x303f) || (r >= 0xff00 && r <= 0xffef)
}

// Names hands out names unique within one scope, adding " (2)", " (3)".
type Names map[string]bool

// Unique returns name, or name with a number if it is taken.
func (n Names) Unique(name string) string {
	out := name
	for i := 2; n[out]; i++ {
		out = fmt.Sprintf("%s (%d)", name, i)
	}
	n[out] = true
	return out
}

// ModuleDescription is a module's description, else its features.
func ModuleDescription(mo *model.Module) string {
	if d := OneLine(mo.Description); d != "" {
		return d
	}
	return OneLine(strings.Join(mo.Features, "; "))
}

// TechNames lists the names of the technologies a module uses.
func TechNames(m *model.Model, ids []string) string {
	var names []string
	for _, id := range ids {
		if e, ok := m.Element(id); ok {
			names = append(names, e.Name)
		} else {
			names = append(names, id)
		}
	}
	return strings.Join(names, ", ")
}

// TopDomain is the outermost domain holding element id ("" if none).
func TopDomain(m *model.Model, id string) string {
	top := ""
	for e, ok := m.Element(id); ok && (e.Kind == model.KindDomain || e.Kind == model.KindModule || e.Kind == model.KindStore); e, ok = m.Element(e.Parent) {
		if e.Kind == model.KindDomain {
			top = e.ID
		}
		if e.Parent == "" {
			break
		}
	}
	return top
}

// FlowTechs lists, in stack order, the technologies some flow starts or
// ends at (a queue between two services, a database written to): the
// exporters draw them so those flows are not lost.
func FlowTechs(m *model.Model) []*model.Technology {
	used := map[string]bool{}
	for _, f := range m.Flows {
		used[f.From], used[f.To] = true, true
	}
	var out []*model.Technology
	for i := range m.Stack.Layers {
		l := &m.Stack.Layers[i]
		for j := range l.Technologies {
			if t := &l.Technologies[j]; used[t.ID] {
				out = append(out, t)
			}
		}
	}
	return out
}

// TechDescription is a technology's one-line "what it is", else its layer.
func TechDescription(m *model.Model, t *model.Technology) string {
	if d := OneLine(t.What); d != "" {
		return d
	}
	if e, ok := m.Element(t.ID); ok {
		if l, ok := m.Element(e.Parent); ok {
			return l.Name
		}
	}
	return ""
}

// KindTag is the tag a module or store kind gets in an export
// ("Database", "Queue" ...); "" for a service, the default.
func KindTag(kind string) string {
	if kind == "" || kind == "service" {
		return ""
	}
	return strings.ToUpper(kind[:1]) + kind[1:]
}

// Owned is one store with the module that owns it.
type Owned struct {
	Owner string // module id
	Store *model.Store
}

// Unjoined lists, in model order, the stores no flow joins to their own
// module: the exports draw a plain relationship from the module to each,
// as archdoc's diagrams draw a line, so no store stands alone.
func Unjoined(m *model.Model) []Owned {
	joined := map[[2]string]bool{}
	for _, f := range m.Flows {
		joined[[2]string{f.From, f.To}], joined[[2]string{f.To, f.From}] = true, true
	}
	var out []Owned
	for _, e := range m.Elements() {
		if e.Kind == model.KindStore && !joined[[2]string{e.Parent, e.ID}] {
			out = append(out, Owned{Owner: e.Parent, Store: e.Store})
		}
	}
	return out
}
