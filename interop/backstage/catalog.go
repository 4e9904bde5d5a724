// Package backstage imports a Backstage software catalog (descriptor
// files such as catalog-info.yaml) into an architecture model: Domains
// and Systems become domains, Components modules, Resources stack
// technologies, and API and dependency relations flows. The catalog is
// untrusted: unknown kinds and fields are warnings, never fatal.
package backstage

import (
	"fmt"
	"strings"

	"github.com/archdoc/archdoc/interop/internal/importkit"
	"github.com/archdoc/archdoc/interop/internal/words"
	"github.com/archdoc/archdoc/interop/internal/yamlout"
	"github.com/archdoc/archdoc/model"
)

// Options control an import.
type Options struct {
	// Name names the model; "" takes the title of the one top-level
	// Domain or System, else Source's folder name.
	Name string
	// Source is the first path the catalog was given as (a file or a
	// folder), for the model's name.
	Source string
	// Notes are what reading the files skipped (Read's second result);
	// they lead the summary's warnings.
	Notes []string
}

// Result is the imported model, its commented YAML and a summary.
type Result struct {
	Model   *model.Model
	YAML    []byte
	Summary Summary
}

// Summary counts what the import produced and what it could not use.
type Summary struct {
	Files, Entities                int
	Domains, Modules, Technologies int
	Flows, Owners                  int
	Warnings                       []string
}

func (s Summary) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "imported %s from %s: %s, %s, %s, %s (%s), %s\n",
		words.Count(s.Entities, "entity", "entities"), words.Count(s.Files, "file", "files"),
		words.Count(s.Domains, "domain", "domains"), words.Count(s.Modules, "module", "modules"),
		words.Count(s.Technologies, "technology", "technologies"), words.Count(s.Flows, "flow", "flows"),
		ownersKept(s.Owners), words.Count(len(s.Warnings), "warning", "warnings"))
	for _, w := range s.Warnings {
		fmt.Fprintf(&b, "  warning: %s\n", w)
	}
	return b.String()
}

// ownersKept is "1 owner kept as a comment", "3 owners kept as comments".
func ownersKept(n int) string {
	if n == 1 {
		return "1 owner kept as a comment"
	}
	return words.Count(n, "owner", "owners") + " kept as comments"
}

// Import reads the descriptor files and builds the model.
func Import(files []File, opts Options) (*Result, error) {
	c := &catalog{byRef: map[string]*entity{}, ids: map[string]string{}, taken: map[string]bool{}}
	c.warnings = append(c.warnings, opts.Notes...)
	warn := func(format string, args ...any) { c.warnings = append(c.warnings, fmt.Sprintf(format, args...)) }
	for _, f := range files {
		es, err := parseFile(f, warn)
		if err != nil {
			return nil, err
		}
		for _, e := range es {
			if len(c.all) >= MaxEntities {
				return nil, fmt.Errorf("%s: the catalog has more than %d entities, the most an import reads; import fewer files", e.where(), MaxEntities)
			}
			if prev := c.byRef[e.ref()]; prev != nil {
				warn("%s: %s %s is already defined at %s; skipped", e.where(), e.Kind, e.Name, prev.where())
				continue
			}
			c.byRef[e.ref()] = e
			c.all = append(c.all, e)
		}
	}
	if len(c.all) == 0 {
		return nil, fmt.Errorf("no catalog entities found in %s", words.Count(len(files), "file", "files"))
	}
	if !c.hasElements() {
		return nil, fmt.Errorf("no Domain, System, Component, API or Resource entity in %s (%s: %s); nothing to import%s",
			words.Count(len(files), "file", "files"), words.Count(len(c.all), "entity", "entities"), c.kinds(), notesHint(opts.Notes))
	}
	m, cm := c.build(opts.Name, opts.Source)
	if len(m.Domains) == 0 && len(m.Stack.Layers) == 0 {
		return nil, fmt.Errorf("nothing to import from %s: %s\n  %s", words.Count(len(files), "file", "files"),
			"no entity became a domain, module or technology", strings.Join(c.warnings, "\n  "))
	}
	sum := c.summary(len(files), m)
	out, err := yamlout.Encode(m, cm, header(files), nil)
	if err != nil {
		return nil, err
	}
	return &Result{Model: m, YAML: out, Summary: sum}, nil
}

// hasElements reports whether some entity becomes part of the model.
func (c *catalog) hasElements() bool {
	for _, e := range c.all {
		switch e.Kind {
		case "Domain", "System", "Component", "API", "Resource":
			return true
		}
	}
	return false
}

// kinds lists the kinds found, "Location, Group".
func (c *catalog) kinds() string {
	var ks []string
	for _, e := range c.all {
		if !contains(ks, e.Kind) {
			ks = append(ks, e.Kind)
		}
	}
	return strings.Join(ks, ", ")
}

func notesHint(notes []string) string {
	if len(notes) == 0 {
		return ""
	}
	return "; skipped:\n  " + strings.Join(notes, "\n  ")
}

func (c *catalog) summary(files int, m *model.Model) Summary {
	s := Summary{Files: files, Entities: len(c.all), Flows: len(m.Flows), Owners: c.owners, Warnings: c.warnings}
	s.Domains, s.Modules, s.Technologies = importkit.Count(m)
	return s
}

func header(files []File) []string {
	names := make([]string, len(files))
	for i, f := range files {
		names[i] = f.Name
	}
	from := strings.Join(names, ", ")
	if len(from) > 200 {
		from = fmt.Sprintf("%d descriptor files", len(files))
	}
	return []string{
		"",
		"Imported by `archdoc import backstage` from " + from + ".",
		"Domains and Systems are domains, Components modules, Resources technologies;",
		"API and dependsOn relations are flows. The comment after each id is the entity",
		"reference it came from; owners are kept as comments.",
	}
}
