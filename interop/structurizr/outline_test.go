package structurizr

import (
	"fmt"
	"sort"
	"strings"

	"github.com/archdoc/archdoc/model"
)

// outline lists a model's domains (by name, nested), modules and flows:
// what a round trip through Structurizr must keep.
func outline(m *model.Model) string {
	var b strings.Builder
	var domains func(ds []model.Domain, indent string)
	domains = func(ds []model.Domain, indent string) {
		for _, d := range ds {
			fmt.Fprintf(&b, "%sdomain %s\n", indent, d.Name)
			for _, mo := range d.Modules {
				fmt.Fprintf(&b, "%s  module %s %s\n", indent, mo.ID, mo.Name)
			}
			domains(d.Domains, indent+"  ")
		}
	}
	domains(m.Domains, "")
	var flows []string
	for _, f := range m.Flows {
		flows = append(flows, fmt.Sprintf("flow %s -> %s %q %q\n", f.From, f.To, f.Label, f.Protocol))
	}
	sort.Strings(flows) // JSON lists relationships by source element
	return b.String() + strings.Join(flows, "")
}
