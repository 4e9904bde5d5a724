// Package likec4 imports the JSON `likec4 export json` writes into an
// architecture model: elements with children become domains (nested
// ones sub-domains), the leaves inside them modules, top-level leaves
// actors (people by kind or shape, else external systems), technologies
// stack technologies and relations flows.
package likec4

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/archdoc/archdoc/interop/internal/importkit"
	"github.com/archdoc/archdoc/model"
)

// Options control an import.
type Options struct {
	Name string // model name; "" takes the project's title
}

// The parts of the export the import reads. Text fields are a string
// in older exports and {"txt": ...} or {"md": ...} in newer ones.
type (
	dump struct {
		Project     struct{ Title string }     `json:"project"`
		Elements    orderedMap[jsonElement]    `json:"elements"`
		Relations   orderedMap[jsonRelation]   `json:"relations"`
		Views       map[string]json.RawMessage `json:"views"`
		Deployments struct {
			Elements map[string]json.RawMessage `json:"elements"`
		} `json:"deployments"`
	}
	jsonElement struct {
		ID          string   `json:"id"`
		Kind        string   `json:"kind"`
		Title       string   `json:"title"`
		Description text     `json:"description"`
		Summary     text     `json:"summary"`
		Technology  string   `json:"technology"`
		Tags        []string `json:"tags"`
		Style       struct {
			Shape string `json:"shape"`
		} `json:"style"`
	}
	jsonRelation struct {
		Title       string   `json:"title"`
		Description text     `json:"description"`
		Technology  string   `json:"technology"`
		Kind        string   `json:"kind"`
		Source      endpoint `json:"source"`
		Target      endpoint `json:"target"`
	}
)

// text reads "plain", {"txt": "plain"} or {"md": "**markdown**"}.
type text string

func (t *text) UnmarshalJSON(b []byte) error {
	var s string
	if json.Unmarshal(b, &s) == nil {
		*t = text(s)
		return nil
	}
	var o struct{ Txt, Md string }
	if err := json.Unmarshal(b, &o); err != nil {
		return err
	}
	*t = text(o.Txt + o.Md)
	return nil
}

// endpoint reads "cloud.ui" or {"model": "cloud.ui"}.
type endpoint string

func (e *endpoint) UnmarshalJSON(b []byte) error {
	var s string
	if json.Unmarshal(b, &s) == nil {
		*e = endpoint(s)
		return nil
	}
	var o struct{ Model string }
	if err := json.Unmarshal(b, &o); err != nil {
		return err
	}
	*e = endpoint(o.Model)
	return nil
}

// ImportFile reads the export at path and builds the model.
func ImportFile(path string, opts Options) (*importkit.Result, error) {
	f, err := importkit.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Import(f, opts)
}

// ImportDSL reads LikeC4 source files as one model and builds it.
func ImportDSL(files []importkit.File, opts Options) (*importkit.Result, error) {
	d, err := ParseDSL(files)
	if err != nil {
		return nil, err
	}
	var names []string
	for _, f := range files {
		names = append(names, f.Name)
	}
	what := strings.Join(names, ", ")
	if len(what) > 200 {
		what = fmt.Sprintf("%d files", len(files))
	}
	return build(d, "LikeC4 source "+what, len(files), opts)
}

// Import builds the model from one export.
func Import(f importkit.File, opts Options) (*importkit.Result, error) {
	if err := importkit.CheckSize(f.Name, f.Data); err != nil {
		return nil, err
	}
	var d dump
	if err := json.Unmarshal(f.Data, &d); err != nil {
		return nil, importkit.JSONError(f, err)
	}
	if len(d.Elements.keys) == 0 {
		return nil, fmt.Errorf("%s: no elements; is this the output of likec4 export json?", f.Name)
	}
	return build(&d, "LikeC4 export "+f.Name, 1, opts)
}

func build(d *dump, what string, files int, opts Options) (*importkit.Result, error) {
	if len(d.Elements.keys) == 0 {
		return nil, fmt.Errorf("%s: no elements in the model", what)
	}
	name := opts.Name
	if name == "" && d.Project.Title != "default" {
		name = d.Project.Title
	}
	x := &importer{b: importkit.New(importkit.Name(name, "LikeC4 model")), d: d, ids: map[string]string{}}
	x.tree()
	x.elements()
	x.relations()
	x.leftOut()
	return x.b.Finish(what, files, []string{"",
		"Imported by `archdoc import likec4` from " + what + ".",
		"Elements with children are domains, the leaves inside them modules, top-level",
		"leaves actors; relations are flows. The comment after each id is the LikeC4 FQN."})
}

// importer maps one export.
type importer struct {
	b        *importkit.Builder
	d        *dump
	fqns     []string            // in the export's order
	children map[string][]string // FQN -> child FQNs, in file order
	ids      map[string]string   // FQN -> element id
	dropped  int
}

// parent is an FQN's parent ("cloud.ui" for "cloud.ui.web"), "" at the top.
func parent(fqn string) string {
	if i := strings.LastIndexByte(fqn, '.'); i >= 0 {
		return fqn[:i]
	}
	return ""
}

// tree orders the elements as the export lists them and finds children;
// an element whose parent is missing counts as top-level.
func (x *importer) tree() {
	x.children = map[string][]string{}
	x.fqns = x.d.Elements.keys
	for _, fqn := range x.fqns {
		p := parent(fqn)
		if _, ok := x.d.Elements.m[p]; !ok {
			p = ""
		}
		x.children[p] = append(x.children[p], fqn)
	}
}

func (x *importer) el(fqn string) jsonElement { return x.d.Elements.m[fqn] }

func (x *importer) name(fqn string) string {
	e := x.el(fqn)
	return importkit.Name(e.Title, fqn[strings.LastIndexByte(fqn, '.')+1:])
}

func desc(e jsonElement) string {
	if e.Description != "" {
		return string(e.Description)
	}
	return string(e.Summary)
}

// isPerson: actor-like kinds, or the person shape.
func isPerson(e jsonElement) bool {
	switch strings.ToLower(e.Kind) {
	case "actor", "person", "user", "customer":
		return true
	}
	return e.Style.Shape == "person"
}

func (x *importer) id(fqn, prefix, alt string) string {
	last := fqn[strings.LastIndexByte(fqn, '.')+1:]
	id := x.b.ID(last, prefix, alt)
	x.ids[fqn] = id
	return id
}

func (x *importer) elements() {
	m := x.b.Model
	var domains []string
	for _, fqn := range x.children[""] {
		e := x.el(fqn)
		switch {
		case len(x.children[fqn]) > 0:
			domains = append(domains, fqn)
		case isPerson(e):
			m.Actors = append(m.Actors, model.Actor{ID: x.id(fqn, "a", "actor"), Name: x.name(fqn), Description: desc(e), Tags: e.Tags})
			x.b.Comments.Line[fmt.Sprintf("actors[%d].id", len(m.Actors)-1)] = e.Kind + " " + fqn
		default:
			m.Actors = append(m.Actors, model.Actor{ID: x.id(fqn, "a", "actor"), Name: x.name(fqn), Kind: "external", Description: desc(e), Tags: e.Tags})
			x.b.Comments.Line[fmt.Sprintf("actors[%d].id", len(m.Actors)-1)] = e.Kind + " " + fqn
		}
	}
	for _, fqn := range domains {
		m.Domains = append(m.Domains, x.domain(fqn, fmt.Sprintf("domains[%d]", len(m.Domains))))
	}
}

// domain maps an element with children: leaves are modules, elements
// with children sub-domains.
func (x *importer) domain(fqn, at string) model.Domain {
	e := x.el(fqn)
	d := model.Domain{ID: x.id(fqn, "d", "domain"), Name: x.name(fqn), Description: desc(e), Tags: e.Tags}
	x.b.Comments.Line[at+".id"] = e.Kind + " " + fqn
	if e.Technology != "" {
		x.b.Warn("%s: the technology %q of %s, which holds other elements, is not imported (only modules have technologies)", fqn, e.Technology, x.name(fqn))
	}
	for _, c := range x.children[fqn] {
		if len(x.children[c]) > 0 {
			d.Domains = append(d.Domains, x.domain(c, fmt.Sprintf("%s.domains[%d]", at, len(d.Domains))))
			continue
		}
		ce := x.el(c)
		mo := model.Module{ID: x.id(c, "m", "module"), Name: x.name(c), Kind: kindOf(ce), Description: desc(ce), Tags: ce.Tags}
		for _, t := range splitTech(ce.Technology) {
			mo.Tech = appendNew(mo.Tech, x.b.Tech(t, ""))
		}
		if !strings.EqualFold(ce.Kind, "component") && !strings.EqualFold(ce.Kind, "container") && ce.Kind != "" {
			mo.Tags = appendNew(mo.Tags, ce.Kind)
		}
		x.b.Comments.Line[fmt.Sprintf("%s.modules[%d].id", at, len(d.Modules))] = ce.Kind + " " + c
		d.Modules = append(d.Modules, mo)
	}
	return d
}

// relations maps the relations; ends are found by FQN, or the nearest
// ancestor the model has.
func (x *importer) relations() {
	for _, k := range x.d.Relations.keys {
		r := x.d.Relations.m[k]
		from, to := x.find(string(r.Source)), x.find(string(r.Target))
		if from == "" || to == "" || from == to {
			x.dropped++
			continue
		}
		f := model.Flow{From: from, To: to, Label: r.Title, Protocol: r.Technology, Description: string(r.Description)}
		if r.Kind != "" {
			f.Tags = []string{r.Kind}
		}
		x.b.Flow(f)
	}
}

func (x *importer) find(fqn string) string {
	for ; fqn != ""; fqn = parent(fqn) {
		if id := x.ids[fqn]; id != "" {
			return id
		}
	}
	return ""
}

func (x *importer) leftOut() {
	x.b.Mapped = append(x.b.Mapped, "elements with children → domains (nested: sub-domains), leaves inside them → modules, top-level leaves → actors")
	if n := len(x.d.Views); n > 0 {
		x.b.Leave("%d views: archdoc draws its views from the model", n)
	}
	if n := len(x.d.Deployments.Elements); n > 0 {
		x.b.Leave("%d deployment nodes", n)
	}
	x.b.Leave("the specification (element kinds and their styles)")
	if x.dropped > 0 {
		x.b.Leave("%d relations inside one element or to an element the export lacks", x.dropped)
	}
}

// splitTech reads "React, TypeScript" as two technologies.
func splitTech(s string) []string {
	var out []string
	for _, t := range strings.Split(s, ",") {
		if t = strings.TrimSpace(t); t != "" {
			out = append(out, t)
		}
	}
	return out
}

func appendNew(ss []string, s string) []string {
	for _, x := range ss {
		if x == s {
			return ss
		}
	}
	return append(ss, s)
}

// ImportPaths imports what the user names: one .json export, or LikeC4
// source files (.c4, .likec4) and folders holding them, read as one
// model.
func ImportPaths(paths []string, opts Options) (*importkit.Result, error) {
	if len(paths) == 1 && strings.HasSuffix(strings.ToLower(paths[0]), ".json") {
		return ImportFile(paths[0], opts)
	}
	files, err := readSources(paths)
	if err != nil {
		return nil, err
	}
	return ImportDSL(files, opts)
}
