package backstage

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/archdoc/archdoc/interop/internal/yamlout"
	"github.com/archdoc/archdoc/model"
)

type catalog struct {
	all      []*entity
	byRef    map[string]*entity
	ids      map[string]string // entity ref -> element id
	taken    map[string]bool
	warnings []string
	owners   int
}

func (c *catalog) warn(format string, args ...any) {
	c.warnings = append(c.warnings, fmt.Sprintf(format, args...))
}

// domainOut is a Domain or System on its way into the model.
type domainOut struct {
	e       *entity
	subs    []*domainOut
	modules []*entity
}

// layerNames orders the stack layers Resources land in, by their type.
var resourceLayer = map[string]string{
	"database": "data", "db": "data", "cache": "data", "storage": "data", "s3-bucket": "data",
	"bucket": "data", "table": "data", "search": "data",
	"queue": "messaging", "topic": "messaging", "kafka-topic": "messaging", "message-queue": "messaging", "stream": "messaging",
}

var layerTitles = map[string]string{"data": "Data", "messaging": "Messaging", "infrastructure": "Infrastructure"}

func (c *catalog) build(name, source string) (*model.Model, yamlout.Comments) {
	for _, e := range c.all {
		switch e.Kind {
		case "Domain", "System", "Component", "Resource":
			c.ids[e.ref()] = c.take(e)
		case "Group", "User":
			c.owners++
		}
	}
	cm := yamlout.NewComments()
	tops := c.domainTree()
	m := &model.Model{Name: c.modelName(name, source, tops)}
	m.Domains = c.domainsOut(tops, "domains", cm)
	m.Stack = c.stack(cm)
	m.Flows = c.flows()
	c.useTech(m)
	m.BuildIndex()
	return m, cm
}

// take gives e an id from its name: lowercase words joined by '-',
// then "-<kind>", then a number if a System and a Component share a name.
func (c *catalog) take(e *entity) string {
	base := slug(e.Name)
	if base == "" {
		base = strings.ToLower(e.Kind)
	}
	id := base
	if c.taken[id] {
		id = base + "-" + strings.ToLower(e.Kind)
	}
	for n := 2; c.taken[id]; n++ {
		id = fmt.Sprintf("%s-%s-%d", base, strings.ToLower(e.Kind), n)
	}
	c.taken[id] = true
	return id
}

func slug(s string) string {
	var words []string
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	}) {
		words = append(words, w)
	}
	return strings.Join(words, "-")
}

// modelName is the name asked for, else the one top-level domain's, else
// the name of the folder the catalog came from: the first Domain of a
// catalog with several says nothing about the whole.
func (c *catalog) modelName(name, source string, tops []*domainOut) string {
	if name != "" {
		return name
	}
	var real []*domainOut // not the made-up "Components without a system"
	for _, d := range tops {
		if d.e.file != "" {
			real = append(real, d)
		}
	}
	if len(real) == 1 {
		return real[0].e.label()
	}
	if source != "" {
		dir := filepath.Clean(source)
		if strings.HasSuffix(dir, ".yaml") || strings.HasSuffix(dir, ".yml") {
			dir = filepath.Dir(dir)
		}
		if abs, err := filepath.Abs(dir); err == nil {
			dir = abs
		}
		if base := filepath.Base(dir); base != "" && base != "." && base != string(filepath.Separator) {
			return base
		}
	}
	return "Backstage catalog"
}

// lookup resolves a reference to a catalog entity of one of kinds.
func (c *catalog) lookup(from *entity, ref, defaultKind string, kinds ...string) *entity {
	e := c.byRef[parseRef(ref, defaultKind, from.Namespace)]
	if e == nil || !contains(kinds, e.Kind) {
		return nil
	}
	return e
}

// domainTree nests Domains (subdomainOf) and Systems (domain) and puts
// each Component in its System's domain.
func (c *catalog) domainTree() []*domainOut {
	outs := map[*entity]*domainOut{}
	var order []*domainOut
	for _, e := range c.all {
		if e.Kind == "Domain" || e.Kind == "System" {
			outs[e] = &domainOut{e: e}
			order = append(order, outs[e])
		}
	}
	var tops []*domainOut
	for _, d := range order {
		p := c.parentDomain(d.e)
		if p != nil && !c.cyclic(d.e, p) {
			outs[p].subs = append(outs[p].subs, d)
			continue
		}
		tops = append(tops, d)
	}
	var loose *domainOut
	for _, e := range c.all {
		if e.Kind != "Component" {
			continue
		}
		if sys := c.systemOf(e, 0); sys != nil {
			outs[sys].modules = append(outs[sys].modules, e)
			continue
		}
		if loose == nil {
			loose = &domainOut{e: &entity{Kind: "System", Name: "components-without-system", Title: "Components without a system"}}
			c.ids[loose.e.ref()] = c.take(loose.e)
			tops = append(tops, loose)
		}
		loose.modules = append(loose.modules, e)
	}
	for _, e := range c.unusedAPIs() {
		sys := c.lookup(e, e.spec("system"), "system", "System")
		if sys == nil {
			c.warn("%s: API %s: no component provides or consumes it and it names no System in the catalog; not imported", e.where(), e.Name)
			continue
		}
		c.ids[e.ref()] = c.take(e)
		outs[sys].modules = append(outs[sys].modules, e)
	}
	return tops
}

// unusedAPIs are the API entities no entity provides or consumes: they
// become modules of their System rather than vanish.
func (c *catalog) unusedAPIs() []*entity {
	used := map[string]bool{}
	for _, e := range c.all {
		for _, k := range []string{"providesApis", "consumesApis"} {
			for _, a := range e.specList(k) {
				used[parseRef(a, "api", e.Namespace)] = true
			}
		}
	}
	var out []*entity
	for _, e := range c.all {
		if e.Kind == "API" && !used[e.ref()] {
			out = append(out, e)
		}
	}
	return out
}

func (c *catalog) parentDomain(e *entity) *entity {
	key, val := "subdomainOf", e.spec("subdomainOf")
	if e.Kind == "System" {
		key, val = "domain", e.spec("domain")
	}
	if val == "" {
		return nil
	}
	p := c.lookup(e, val, "domain", "Domain")
	if p == nil {
		c.warn("%s: %s %s: spec.%s %q is not a Domain in the catalog", e.where(), e.Kind, e.Name, key, val)
	}
	return p
}

// cyclic reports whether making p the parent of e closes a loop.
func (c *catalog) cyclic(e, p *entity) bool {
	for i, q := 0, p; q != nil && i < 100; i, q = i+1, c.parentDomainQuiet(q) {
		if q == e {
			c.warn("%s: %s %s: domains nest in a loop; kept at the top", e.where(), e.Kind, e.Name)
			return true
		}
	}
	return false
}

func (c *catalog) parentDomainQuiet(e *entity) *entity {
	if e.Kind == "System" {
		return c.lookup(e, e.spec("domain"), "domain", "Domain")
	}
	return c.lookup(e, e.spec("subdomainOf"), "domain", "Domain")
}

// systemOf is a Component's System, or its parent component's.
func (c *catalog) systemOf(e *entity, depth int) *entity {
	if s := e.spec("system"); s != "" {
		if sys := c.lookup(e, s, "system", "System"); sys != nil {
			return sys
		}
		c.warn("%s: Component %s: spec.system %q is not a System in the catalog", e.where(), e.Name, s)
	}
	if p := e.spec("subcomponentOf"); p != "" && depth < 20 {
		if pc := c.lookup(e, p, "component", "Component"); pc != nil {
			return c.systemOf(pc, depth+1)
		}
	}
	return nil
}

func (c *catalog) domainsOut(ds []*domainOut, path string, cm yamlout.Comments) []model.Domain {
	var out []model.Domain
	for i, d := range ds {
		p := fmt.Sprintf("%s[%d]", path, i)
		md := model.Domain{ID: c.ids[d.e.ref()], Name: d.e.label(), Description: d.e.Desc, Tags: uniq(d.e.Tags)}
		c.comment(cm, p, d.e)
		for j, e := range d.modules {
			md.Modules = append(md.Modules, c.module(e))
			c.comment(cm, fmt.Sprintf("%s.modules[%d]", p, j), e)
		}
		md.Domains = c.domainsOut(d.subs, p+".domains", cm)
		out = append(out, md)
	}
	return out
}

func (c *catalog) module(e *entity) model.Module {
	mo := model.Module{ID: c.ids[e.ref()], Name: e.label(), Description: e.Desc, Tags: e.Tags}
	if e.Kind == "API" {
		mo.Tags = append(append([]string(nil), mo.Tags...), "api")
	}
	if t := e.spec("type"); t != "" {
		mo.Tags = append(append([]string(nil), mo.Tags...), t)
	}
	mo.Tags = uniq(mo.Tags)
	for _, a := range e.specList("providesApis") {
		if api := c.lookup(e, a, "api", "API"); api != nil {
			mo.Features = append(mo.Features, "API: "+apiText(api))
		} else {
			c.warn("%s: Component %s: providesApis %q is not an API in the catalog", e.where(), e.Name, a)
		}
	}
	if p := e.spec("subcomponentOf"); p != "" {
		if pc := c.lookup(e, p, "component", "Component"); pc != nil {
			mo.Features = append(mo.Features, "part of "+pc.label())
		}
	}
	return mo
}

func apiText(api *entity) string {
	if t := api.spec("type"); t != "" {
		return fmt.Sprintf("%s (%s)", api.label(), t)
	}
	return api.label()
}

// comment records the entity reference after the id and the owner above.
func (c *catalog) comment(cm yamlout.Comments, path string, e *entity) {
	if e.file == "" {
		cm.Head[path] = "components whose spec.system is missing or unknown"
		return
	}
	cm.Line[path+".id"] = strings.ToLower(e.Kind) + ":" + e.Name
	if e.Kind == "API" {
		cm.Head[path] = "an API no component in the catalog provides or consumes"
	}
	if o := e.spec("owner"); o != "" {
		owner := parseRef(o, "group", e.Namespace)
		if g := c.byRef[owner]; g != nil && g.Title != "" {
			owner += " (" + g.Title + ")"
		}
		if cm.Head[path] != "" {
			owner = cm.Head[path] + "; owner: " + owner
		} else {
			owner = "owner: " + owner
		}
		cm.Head[path] = owner
	}
}

// uniq drops repeated tags ("website" as a tag and as the type).
func uniq(ss []string) []string {
	var out []string
	for _, s := range ss {
		if !contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}
