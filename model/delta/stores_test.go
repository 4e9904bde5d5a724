package delta

import (
	"bytes"
	"testing"

	"github.com/archdoc/archdoc/model"
)

// A changed store is the store's change, not also its module's; a new
// kind on a module is the module's.
func TestCompareStoresAndKinds(t *testing.T) {
	parse := func(yaml string) *model.Model {
		m, err := model.Parse("architecture.yaml", []byte(yaml))
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	const head = "name: x\nstack: {layers: [{id: data, name: Data, technologies: [{id: mysql, name: MySQL}, {id: mongodb, name: MongoDB}]}]}\n"
	old := parse(head + "domains: [{id: d, name: D, modules: [{id: orders, name: Orders, stores: [{id: order-db, tech: mysql}]}]}]\n")
	new := parse(head + "domains: [{id: d, name: D, modules: [{id: orders, name: Orders, kind: job, stores: [{id: order-db, tech: mongodb}, {id: order-q, kind: queue}]}]}]\n")
	var b bytes.Buffer
	if err := WriteText(&b, Compare(old, new)); err != nil {
		t.Fatal(err)
	}
	d := Compare(old, new)
	got := map[string]string{}
	for _, c := range d.Changed {
		for _, f := range c.Fields {
			got[c.ID+"."+f.Name] = f.Old + " -> " + f.New
		}
	}
	if len(d.Added) != 1 || d.Added[0].ID != "order-q" || d.Added[0].Kind != "store" {
		t.Errorf("added %+v, want the store order-q\n%s", d.Added, b.String())
	}
	if got["order-db.tech"] != "mysql -> mongodb" || got["orders.kind"] != " -> job" || len(got) != 2 {
		t.Errorf("changed fields %v, want order-db.tech and orders.kind only\n%s", got, b.String())
	}
}
