package backstage

import (
	"fmt"

	"github.com/archdoc/archdoc/interop/internal/yamlout"
	"github.com/archdoc/archdoc/model"
)

// stack puts each Resource into a layer chosen by its type.
func (c *catalog) stack(cm yamlout.Comments) model.Stack {
	var st model.Stack
	index := map[string]int{}
	for _, e := range c.all {
		if e.Kind != "Resource" {
			continue
		}
		layer := resourceLayer[e.spec("type")]
		if layer == "" {
			layer = "infrastructure"
		}
		li, ok := index[layer]
		if !ok {
			li = len(st.Layers)
			index[layer] = li
			id := layer
			if c.taken[id] {
				id += "-layer"
			}
			c.taken[id] = true
			st.Layers = append(st.Layers, model.Layer{ID: id, Name: layerTitles[layer]})
		}
		l := &st.Layers[li]
		l.Technologies = append(l.Technologies, model.Technology{ID: c.ids[e.ref()], Name: e.label(),
			Category: e.spec("type"), What: e.Desc, Tags: e.Tags})
		c.comment(cm, fmt.Sprintf("stack.layers[%d].technologies[%d]", li, len(l.Technologies)-1), e)
	}
	return st
}

// flows: a consumed API is a flow from the consumer to each provider;
// dependsOn (and dependencyOf, reversed) is a flow to the dependency.
func (c *catalog) flows() []model.Flow {
	providers := map[string][]*entity{}
	for _, e := range c.all {
		for _, a := range e.specList("providesApis") {
			key := parseRef(a, "api", e.Namespace)
			providers[key] = append(providers[key], e)
		}
	}
	var out []model.Flow
	seen := map[[3]string]bool{}
	add := func(f model.Flow) {
		key := [3]string{f.From, f.To, f.Label}
		if f.From == "" || f.To == "" || f.From == f.To || seen[key] {
			return
		}
		seen[key] = true
		out = append(out, f)
	}
	for _, e := range c.all {
		from := c.ids[e.ref()]
		for _, a := range e.specList("consumesApis") {
			api := c.lookup(e, a, "api", "API")
			if api == nil {
				c.warn("%s: %s %s: consumesApis %q is not an API in the catalog", e.where(), e.Kind, e.Name, a)
				continue
			}
			to := c.apiOwners(api, providers[api.ref()])
			if len(to) == 0 {
				c.warn("%s: API %s has no provider or system in the catalog; flow from %s dropped", api.where(), api.Name, e.Name)
			}
			for _, p := range to {
				add(model.Flow{From: from, To: p, Label: api.label(), Protocol: protocol(api.spec("type"))})
			}
		}
		for _, d := range e.specList("dependsOn") {
			add(model.Flow{From: from, To: c.dependency(e, d)})
		}
		for _, d := range e.specList("dependencyOf") {
			add(model.Flow{From: c.dependency(e, d), To: from})
		}
	}
	return out
}

// apiOwners are the element ids serving an API: its providers, else its System.
func (c *catalog) apiOwners(api *entity, providers []*entity) []string {
	var ids []string
	for _, p := range providers {
		if id := c.ids[p.ref()]; id != "" {
			ids = append(ids, id)
		}
	}
	if len(ids) == 0 {
		if sys := c.lookup(api, api.spec("system"), "system", "System"); sys != nil {
			ids = append(ids, c.ids[sys.ref()])
		}
	}
	return ids
}

func (c *catalog) dependency(e *entity, ref string) string {
	d := c.lookup(e, ref, "component", "Component", "System", "Domain", "Resource")
	if d == nil {
		c.warn("%s: %s %s: dependency %q is not in the catalog", e.where(), e.Kind, e.Name, ref)
		return ""
	}
	return c.ids[d.ref()]
}

func protocol(apiType string) string {
	switch apiType {
	case "openapi":
		return "HTTP (OpenAPI)"
	case "grpc":
		return "gRPC"
	case "graphql":
		return "GraphQL"
	case "asyncapi":
		return "async (AsyncAPI)"
	case "trpc":
		return "tRPC"
	}
	return apiType
}

// useTech lists the Resources a module depends on in its tech list, so
// the stack view and tech pages show who uses what.
func (c *catalog) useTech(m *model.Model) {
	m.BuildIndex()
	for _, f := range m.Flows {
		from, _ := m.Element(f.From)
		to, _ := m.Element(f.To)
		if from.Kind == model.KindModule && to.Kind == model.KindTech && !contains(from.Module.Tech, to.ID) {
			from.Module.Tech = append(from.Module.Tech, to.ID)
		}
	}
}
