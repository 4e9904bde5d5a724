package model

import "fmt"

// ApplyDefaults gives every module the team builds (see Module.Built)
// its domains' defaults: the technologies
// of each enclosing domain's `defaults: {tech: [...]}` that the module
// does not list itself are appended to its Tech, outermost domain last
// (the module's own list first keeps the positions of what it wrote).
// The loader calls it, so pages, diagrams and the stack see full lists;
// it is idempotent, so code that changes a model (delta) calls it again.
func ApplyDefaults(m *Model) {
	var walk func(ds []Domain, path string, inherited []defaultTech)
	walk = func(ds []Domain, path string, inherited []defaultTech) {
		for i := range ds {
			d := &ds[i]
			dp := fmt.Sprintf("%s[%d]", path, i)
			defaults := inherited
			if d.Defaults != nil && len(d.Defaults.Tech) > 0 {
				own := make([]defaultTech, len(d.Defaults.Tech))
				for k, id := range d.Defaults.Tech {
					own[k] = defaultTech{id, fmt.Sprintf("%s.defaults.tech[%d]", dp, k)}
				}
				defaults = append(own, inherited...) // the nearest domain's first
			}
			for j := range d.Modules {
				if !d.Modules[j].Built() {
					continue // a queue on Kafka is not written in the domain's Go
				}
				m.applyTech(&d.Modules[j], fmt.Sprintf("%s.modules[%d]", dp, j), defaults)
			}
			walk(d.Domains, dp+".domains", defaults)
		}
	}
	walk(m.Domains, "domains", nil)
}

// defaultTech is one default technology and where it is written.
type defaultTech struct{ id, path string }

func (m *Model) applyTech(mo *Module, path string, defaults []defaultTech) {
	has := map[string]bool{}
	for _, t := range mo.Tech {
		has[t] = true
	}
	for _, d := range defaults {
		if d.id == "" || has[d.id] {
			continue
		}
		has[d.id] = true
		if p, ok := m.pos[d.path]; ok {
			// Errors about the module's tech point at the default.
			m.SetPos(fmt.Sprintf("%s.tech[%d]", path, len(mo.Tech)), p)
		}
		mo.Tech = append(mo.Tech, d.id)
	}
}
