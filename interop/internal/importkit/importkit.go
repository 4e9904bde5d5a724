// Package importkit assembles the model the structurizr, likec4 and
// compose importers find: unique ids from names, technologies sorted into
// stack layers by what they are, de-duplicated flows, and the summary of
// what was mapped and what was left out.
package importkit

import (
	"fmt"
	"hash/fnv"
	"strings"

	"github.com/archdoc/archdoc/interop/internal/words"
	"github.com/archdoc/archdoc/interop/internal/yamlout"
	"github.com/archdoc/archdoc/model"
)

// Builder collects the elements of one import.
type Builder struct {
	Model    *model.Model
	Comments yamlout.Comments
	ids      map[string]bool
	techs    map[string]string // lowercased name -> technology id
	flows    map[string]bool
	pending  []techEntry
	Warnings []string
	LeftOut  []string
	Mapped   []string
}

// New starts a model named name.
func New(name string) *Builder {
	return &Builder{Model: &model.Model{Name: name}, Comments: yamlout.NewComments(),
		ids: map[string]bool{}, techs: map[string]string{}, flows: map[string]bool{}}
}

// Warn records something the import read but could not use as meant.
func (b *Builder) Warn(format string, args ...any) {
	b.Warnings = append(b.Warnings, fmt.Sprintf(format, args...))
}

// Leave records a part of the input the model has no place for.
func (b *Builder) Leave(format string, args ...any) {
	b.LeftOut = append(b.LeftOut, fmt.Sprintf(format, args...))
}

// ID returns a free element id made from name: its ASCII words joined by
// '-'; names without any (Chinese names) get prefix and a stable hash. A
// taken id gets "-"+alt, then a number.
func (b *Builder) ID(name, prefix, alt string) string {
	base := Slug(name, prefix)
	id := base
	if b.ids[id] && alt != "" {
		id = base + "-" + alt
	}
	for n := 2; b.ids[id]; n++ {
		id = fmt.Sprintf("%s-%d", base, n)
	}
	b.ids[id] = true
	return id
}

// Slug is name's ASCII words, lowercased and joined by '-', at most 40
// characters; prefix plus a hash of name when it has none or starts with
// a digit.
func Slug(name, prefix string) string {
	var ws []string
	for _, w := range strings.FieldsFunc(strings.ToLower(name), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	}) {
		ws = append(ws, w)
	}
	s := strings.Join(ws, "-")
	if len(s) > 40 {
		s = strings.TrimRight(s[:40], "-")
	}
	if s == "" {
		h := fnv.New32a()
		h.Write([]byte(name))
		return fmt.Sprintf("%s-%06x", prefix, h.Sum32()&0xffffff)
	}
	if s[0] >= '0' && s[0] <= '9' {
		return prefix + "-" + s
	}
	return s
}

// Flow adds a flow unless the same one (ends and label) is there.
func (b *Builder) Flow(f model.Flow) bool {
	key := f.From + "\x00" + f.To + "\x00" + f.Label
	if f.From == "" || f.To == "" || b.flows[key] {
		return false
	}
	b.flows[key] = true
	b.Model.Flows = append(b.Model.Flows, f)
	return true
}

// Result is the imported model, its commented YAML and the summary.
type Result struct {
	Model   *model.Model
	YAML    []byte
	Summary Summary
}

// Finish encodes the model with header comments. A model without any
// domain or actor is an error: an import must not write an empty file.
func (b *Builder) Finish(what string, files int, header []string) (*Result, error) {
	m := b.Model
	m.Name = Name(m.Name, "Imported model")
	b.placeTechs()
	if len(m.Domains) == 0 && len(m.Actors) == 0 {
		return nil, fmt.Errorf("nothing to import from %s: no element became an actor, domain or module", what)
	}
	m.BuildIndex()
	out, err := yamlout.Encode(m, b.Comments, header, nil)
	if err != nil {
		return nil, err
	}
	s := Summary{What: what, Files: files, Actors: len(m.Actors), Flows: len(m.Flows),
		Mapped: b.Mapped, LeftOut: b.LeftOut, Warnings: b.Warnings}
	s.Domains, s.Modules, s.Technologies = Count(m)
	return &Result{Model: m, YAML: out, Summary: s}, nil
}

// Summary says what an import produced and what it did not use.
type Summary struct {
	What                                          string
	Files                                         int
	Actors, Domains, Modules, Technologies, Flows int
	Mapped, LeftOut, Warnings                     []string
}

func (s Summary) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "imported %s (%s): %s, %s, %s, %s, %s; %s left out, %s\n", s.What,
		words.Count(s.Files, "file", "files"), words.Count(s.Actors, "actor", "actors"),
		words.Count(s.Domains, "domain", "domains"), words.Count(s.Modules, "module", "modules"),
		words.Count(s.Technologies, "technology", "technologies"), words.Count(s.Flows, "flow", "flows"),
		words.Count(len(s.LeftOut), "part", "parts"), words.Count(len(s.Warnings), "warning", "warnings"))
	for _, l := range s.Mapped {
		fmt.Fprintf(&b, "  mapped: %s\n", l)
	}
	for _, l := range s.LeftOut {
		fmt.Fprintf(&b, "  left out: %s\n", l)
	}
	for _, w := range s.Warnings {
		fmt.Fprintf(&b, "  warning: %s\n", w)
	}
	return b.String()
}

// Name is s as a model name: trimmed, hidden controls dropped, fallback
// when nothing is left (the model refuses empty names).
func Name(s, fallback string) string {
	if s = strings.TrimSpace(model.StripHiddenControls(s)); s != "" {
		return s
	}
	return fallback
}

// Count is how many domains (sub-domains included), modules and
// technologies m has, for an importer's summary.
func Count(m *model.Model) (domains, modules, techs int) {
	for _, e := range m.Elements() {
		switch e.Kind {
		case model.KindDomain:
			domains++
		case model.KindModule:
			modules++
		case model.KindTech:
			techs++
		}
	}
	return domains, modules, techs
}
