package model

import (
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/archdoc/archdoc/internal/lazyre"
	"golang.org/x/text/language"
)

var slugRE = lazyre.New(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// validator checks what the decoder cannot see one value at a time: ids,
// references between elements, files named by docs, links in Markdown.
type validator struct {
	m    *Model
	root *os.Root // nil: do not look at the disk
	errs Errors
	ids  map[string]Element // explicit ids, first use wins

	// Did-you-mean candidates by kinds, and how many suggestions were
	// looked for: without both, a model with thousands of dangling
	// references took minutes (every unknown id listed every element).
	candidates  map[string][]string
	suggestions int
}

// maxSuggestions bounds the did-you-mean searches of one validation; only
// the first problems are shown anyway.
const maxSuggestions = 100

// validate checks ids, derives the missing flow and doc ids, builds the
// index and checks every reference. root may be nil (no disk checks).
//
// complete is false when an include could not be read: references into
// it would dangle, so they are not checked (the include error says why).
func validate(m *Model, root *os.Root, complete bool) Errors {
	v := &validator{m: m, root: root, ids: map[string]Element{}}
	v.checkIDs()
	deriveIDs(m, v.ids)
	m.BuildIndex()
	if complete {
		v.checkReferences()
		v.checkLinks()
	}
	v.checkDocs()
	v.checkIcons()
	v.checkLanguage()
	v.checkGlossary()
	v.checkRepeats()
	v.checkBudget()
	ApplyDefaults(m) // after the checks: each default is checked once, where it is written
	return v.errs
}

// checkLanguage checks that language is a BCP 47 tag (zh-CN, en, ...):
// it picks the UI strings and the fonts.
func (v *validator) checkLanguage() {
	if v.m.Language == "" {
		return
	}
	if _, err := language.Parse(v.m.Language); err != nil {
		v.errorf("language", "%q is not a language tag such as zh-CN or en", v.m.Language)
	}
}

// checkGlossary reports a term defined twice (ignoring case): the
// glossary page and search would show two different definitions.
func (v *validator) checkGlossary() {
	first := map[string]string{}
	for i, t := range v.m.Glossary {
		key := strings.ToLower(strings.TrimSpace(t.Term))
		if key == "" {
			continue
		}
		path := fmt.Sprintf("glossary[%d].term", i)
		if prev, dup := first[key]; dup {
			v.errorf(path, "term %q is already defined at %s", t.Term, v.m.Pos(prev))
			continue
		}
		first[key] = path
	}
}

func (v *validator) errorf(path, format string, args ...any) {
	v.errs = append(v.errs, &Error{Pos: v.m.Pos(path), Path: path, Msg: fmt.Sprintf(format, args...)})
}

// checkIDs reports malformed ids and ids used twice anywhere in the model.
func (v *validator) checkIDs() {
	for _, e := range v.m.Elements() {
		path := e.Path + ".id"
		v.checkSlug(path, e.ID)
		if first, dup := v.ids[e.ID]; dup {
			v.errorf(path, "duplicate id %q: already used by %s %s at %s", e.ID, kindName(first.Kind), first.Path, v.m.Pos(first.Path+".id"))
			continue
		}
		v.ids[e.ID] = e
	}
	if p := v.m.Presentation; p != nil {
		seen := map[string]string{}
		for i, s := range p.Slides {
			path := fmt.Sprintf("presentation.slides[%d].id", i)
			if s.ID == "" {
				continue
			}
			v.checkSlug(path, s.ID)
			if first, dup := seen[s.ID]; dup {
				v.errorf(path, "duplicate slide id %q: already used at %s", s.ID, v.m.Pos(first))
				continue
			}
			seen[s.ID] = path
		}
	}
}

func (v *validator) checkSlug(path, id string) {
	if slugRE().MatchString(id) {
		return
	}
	hint := ""
	if s := slugify(id); s != "" && s != id {
		hint = fmt.Sprintf(", like %q", s)
	}
	v.errorf(path, "bad id %q: use lowercase letters, digits and single hyphens%s", id, hint)
}

// slugify turns text into an id: lowercase ASCII letters and digits
// joined by single hyphens; other characters separate words.
func slugify(s string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range strings.ToLower(s) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteRune(r)
			continue
		}
		hyphen = true
	}
	return b.String()
}

// deriveIDs gives flows without an id "<from>-<to>" (then -2, -3 ...)
// and docs without an id one from their file name. Derived ids never
// take an id used anywhere else, and depend only on the model text, so
// they are stable from run to run.
func deriveIDs(m *Model, taken map[string]Element) {
	used := map[string]bool{}
	for id := range taken {
		used[id] = true
	}
	unique := func(base string) string {
		id := base
		for n := 2; used[id]; n++ {
			id = base + "-" + strconv.Itoa(n)
		}
		used[id] = true
		return id
	}
	for i := range m.Flows {
		f := &m.Flows[i]
		if f.ID == "" && f.From != "" && f.To != "" {
			f.ID = unique(f.From + "-" + f.To)
		}
	}
	for i := range m.Docs {
		d := &m.Docs[i]
		if d.ID == "" && d.Path != "" {
			base := slugify(strings.TrimSuffix(baseName(d.Path), extension(d.Path)))
			if base == "" {
				base = "doc"
			}
			d.ID = unique(base)
		}
	}
}

func baseName(p string) string {
	p = strings.ReplaceAll(p, "\\", "/")
	return p[strings.LastIndex(p, "/")+1:]
}

func extension(p string) string {
	b := baseName(p)
	if i := strings.LastIndex(b, "."); i > 0 {
		return b[i:]
	}
	return ""
}

// kindName is how messages name a kind.
func kindName(k Kind) string {
	if k == KindTech {
		return "technology"
	}
	return string(k)
}

// checkRepeats reports an item listed twice where a list means a set (a
// module's or a domain's technologies, a module's operations), at the
// second one: it would be shown twice, or one of the two is a typo.
func (v *validator) checkRepeats() {
	for _, e := range v.m.Elements() {
		switch e.Kind {
		case KindDomain:
			if d := e.Domain.Defaults; d != nil {
				v.repeats(e.Path+".defaults.tech", "", "technology", d.Tech)
			}
		case KindModule:
			v.repeats(e.Path+".tech", "", "technology", e.Module.Tech)
			names := make([]string, len(e.Module.Operations))
			for i, o := range e.Module.Operations {
				names[i] = o.Name
			}
			v.repeats(e.Path+".operations", ".name", "operation", names)
		}
	}
}

// repeats reports each item of list (at path, then suffix: where the
// compared value is written) that an earlier one equals.
func (v *validator) repeats(path, suffix, what string, list []string) {
	first := map[string]int{}
	for i, s := range list {
		if s == "" {
			continue
		}
		if j, dup := first[s]; dup {
			v.errorf(fmt.Sprintf("%s[%d]%s", path, i, suffix), "%s %q is already listed at %s", what, s, v.m.Pos(fmt.Sprintf("%s[%d]%s", path, j, suffix)))
			continue
		}
		first[s] = i
	}
}
