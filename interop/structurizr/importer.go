package structurizr

import (
	"fmt"
	"sort"
	"strings"
	"unicode"

	"github.com/archdoc/archdoc/interop/internal/importkit"
	"github.com/archdoc/archdoc/model"
)

// ImportOptions control an import.
type ImportOptions struct {
	Name string // model name; "" takes the workspace's
}

// Import reads a workspace, DSL or JSON (by the first character: JSON
// starts with "{"), and builds the model. include reads !include files.
func Import(f importkit.File, include IncludeFunc, opts ImportOptions) (*importkit.Result, error) {
	var ws *workspace
	var err error
	if strings.HasPrefix(strings.TrimSpace(string(f.Data)), "{") {
		ws, err = ParseJSON(f)
	} else {
		ws, err = ParseDSL(f, include)
	}
	if err != nil {
		return nil, err
	}
	return ws.build(f.Name, opts)
}

// importer maps one workspace into a model.
type importer struct {
	ws      *workspace
	b       *importkit.Builder
	ids     map[*element]string
	lifted  int
	dropped int
	props   int
}

func (ws *workspace) build(file string, opts ImportOptions) (*importkit.Result, error) {
	name := opts.Name
	if name == "" {
		name = strings.TrimSpace(ws.name)
	}
	if name == "" || name == "Name" {
		name = "Structurizr workspace"
	}
	x := &importer{ws: ws, b: importkit.New(name), ids: map[*element]string{}}
	x.b.Model.Summary = ws.desc
	x.b.Mapped = []string{
		"people → actors; software systems with containers → domains, without → external actors (tagged Technology → technologies)",
		"containers → modules (their technology → stack technologies); groups → sub-domains",
		"components → features of their container (names; what they do in its description): archdoc modules do not nest, and diagrams draw features in the module's box",
	}
	for _, e := range ws.all() {
		e.name = importkit.Name(e.name, "Unnamed "+kindWords[e.kind])
	}
	x.elements()
	x.relations()
	x.leftOut()
	return x.b.Finish("Structurizr workspace "+file, ws.files, []string{"",
		"Imported by `archdoc import structurizr` from " + file + ".",
		"People are actors, software systems domains (external ones actors), containers",
		"modules, components features, relationships flows. The comment after each id is",
		"the element it came from."})
}

// identID makes an id from a DSL identifier: "internetBankingSystem" and
// "internet_banking_system" are both internet-banking-system.
func identID(ident string) string {
	var b strings.Builder
	prev := rune(0)
	for _, r := range ident {
		if unicode.IsUpper(r) && (unicode.IsLower(prev) || unicode.IsDigit(prev)) {
			b.WriteRune('-')
		}
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}

func (x *importer) id(e *element, prefix string) string {
	name := e.name
	if e.ident != "" && !strings.HasPrefix(e.ident, "id-") {
		name = identID(e.ident)
	}
	id := x.b.ID(name, prefix, strings.ToLower(kindWords[e.kind]))
	x.ids[e] = id
	return id
}

func (x *importer) elements() {
	m := x.b.Model
	var systems, techs []*element
	for _, e := range x.ws.elements {
		switch {
		case e.kind == "person":
			m.Actors = append(m.Actors, model.Actor{ID: x.id(e, "a"), Name: e.name, Description: e.desc, Tags: e.tags})
			x.b.Comments.Line[fmt.Sprintf("actors[%d].id", len(m.Actors)-1)] = "person " + e.name
		case e.hasTag("Technology") && len(e.children) == 0:
			techs = append(techs, e)
		case len(e.children) == 0:
			m.Actors = append(m.Actors, model.Actor{ID: x.id(e, "a"), Name: e.name, Kind: "external", Description: e.desc, Tags: e.tags})
			x.b.Comments.Line[fmt.Sprintf("actors[%d].id", len(m.Actors)-1)] = "softwareSystem " + e.name
		default:
			systems = append(systems, e)
		}
		x.props += len(e.props)
	}
	for _, e := range systems {
		x.ids[e] = x.id(e, "d")
	}
	// Technologies the workspace names as systems keep their identifiers,
	// even when a container's technology names them too.
	for _, e := range techs {
		idName := ""
		if e.ident != "" && !strings.HasPrefix(e.ident, "id-") {
			idName = identID(e.ident)
		}
		x.ids[e] = x.b.TechAs(idName, e.name, "")
	}
	for _, e := range systems {
		for _, c := range e.children {
			x.id(c, "m") // identifiers before group names take ids
		}
	}
	for _, e := range systems {
		d := model.Domain{ID: x.ids[e], Name: e.name, Description: e.desc, Tags: e.tags}
		x.b.Comments.Line[fmt.Sprintf("domains[%d].id", len(m.Domains))] = "softwareSystem " + e.name
		x.fill(&d, e.children, "", fmt.Sprintf("domains[%d]", len(m.Domains)))
		m.Domains = append(m.Domains, d)
	}
}

// fill puts the containers of group path (and the groups below it) into d.
func (x *importer) fill(d *model.Domain, cs []*element, group, at string) {
	var subs []string
	for _, c := range cs {
		if c.group == group {
			x.b.Comments.Line[fmt.Sprintf("%s.modules[%d].id", at, len(d.Modules))] = "container " + c.name
			d.Modules = append(d.Modules, x.module(c))
			continue
		}
		if sub := childGroup(group, c.group); sub != "" && !contains(subs, sub) {
			subs = append(subs, sub)
		}
	}
	for _, g := range subs {
		name := g[strings.LastIndex(g, "/")+1:]
		sd := model.Domain{ID: x.b.ID(name, "d", "group"), Name: name}
		x.fill(&sd, cs, g, fmt.Sprintf("%s.domains[%d]", at, len(d.Domains)))
		d.Domains = append(d.Domains, sd)
	}
}

// childGroup is the group one level below parent on the way to g.
func childGroup(parent, g string) string {
	if parent != "" {
		if !strings.HasPrefix(g, parent+"/") {
			return ""
		}
		rest := g[len(parent)+1:]
		return parent + "/" + strings.SplitN(rest, "/", 2)[0]
	}
	return strings.SplitN(g, "/", 2)[0]
}

func (x *importer) module(c *element) model.Module {
	mo := model.Module{ID: x.ids[c], Name: c.name, Kind: kindOfTags(c.tags), Description: c.desc, Tags: c.tags}
	for _, t := range splitTech(c.tech) {
		mo.Tech = appendNew(mo.Tech, x.b.Tech(t, ""))
	}
	for _, p := range c.props {
		mo.Notes = append(mo.Notes, p[0]+": "+p[1])
	}
	// Components are features (short, drawn in the box); what they do
	// goes to the description, read on the module's page.
	var details []string
	for _, comp := range c.children {
		x.ids[comp] = mo.ID
		mo.Features = append(mo.Features, comp.name)
		d := "- **" + comp.name + "**"
		if comp.tech != "" {
			d += " (" + comp.tech + ")"
		}
		if comp.desc != "" {
			d += ": " + comp.desc
		}
		details = append(details, d)
		x.props += len(comp.props)
	}
	if len(details) > 0 {
		mo.Description = strings.TrimSpace(mo.Description + "\n\nComponents:\n\n" + strings.Join(details, "\n"))
	}
	return mo
}

// splitTech reads "Java and Spring MVC", "Go, PostgreSQL" as technologies.
func splitTech(s string) []string {
	var out []string
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '+' || r == ';' }) {
		for _, t := range strings.Split(part, " and ") {
			if t = strings.TrimSpace(t); t != "" {
				out = append(out, t)
			}
		}
	}
	return out
}

func (x *importer) relations() {
	for _, r := range x.ws.rels {
		from, to := x.ids[r.from], x.ids[r.to]
		if r.from.kind == "component" || r.to.kind == "component" {
			x.lifted++
		}
		if from == "" || to == "" || from == to {
			x.dropped++
			continue
		}
		x.b.Flow(model.Flow{From: from, To: to, Label: r.desc, Protocol: r.tech, Async: asyncTags(r.tags)})
	}
}

func (x *importer) leftOut() {
	if n := len(x.ws.views); n > 0 {
		var kinds []string
		for k := range x.ws.views {
			kinds = append(kinds, k)
		}
		sort.Strings(kinds)
		var parts []string
		for _, k := range kinds {
			parts = append(parts, fmt.Sprintf("%d %s", x.ws.views[k], k))
		}
		x.b.Leave("views (%s): archdoc draws its views from the model", strings.Join(parts, ", "))
	}
	for _, s := range x.ws.skipped {
		x.b.Leave("%s", s)
	}
	if x.lifted > 0 {
		x.b.Mapped = append(x.b.Mapped, fmt.Sprintf("%d relationships of components → flows of their containers", x.lifted))
	}
	if x.dropped > 0 {
		x.b.Leave("%d relationships inside one element (between its own components, or to its container)", x.dropped)
	}
	if x.props > 0 {
		x.b.Leave("%d properties of people, software systems and components", x.props)
	}
	x.b.Warnings = append(x.b.Warnings, x.ws.warnings...)
}

func appendNew(ss []string, s string) []string {
	if contains(ss, s) {
		return ss
	}
	return append(ss, s)
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}
