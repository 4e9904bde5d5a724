package delta

import (
	"strings"
	"testing"

	"github.com/archdoc/archdoc/model"
)

// A module an option adds to a domain with defaults gets them, as a
// module written there would.
func TestAddedModuleGetsItsDomainsDefaults(t *testing.T) {
	m, err := model.Parse("architecture.yaml", []byte(`name: x
stack: {layers: [{id: back, name: Back, technologies: [{id: php, name: PHP}, {id: go, name: Go}]}]}
domains: [{id: shop, name: Shop, defaults: {tech: [php]}, modules: [{id: cart, name: Cart}]}]
ideas:
  - id: i
    title: I
    options:
      - name: o
        changes: {add: [{module: {id: pay, name: Pay, tech: [go]}, in: shop}]}
`))
	if err != nil {
		t.Fatal(err)
	}
	e, ok := ToBe(m, 0, 0).Element("pay")
	if !ok || strings.Join(e.Module.Tech, ",") != "go,php" {
		t.Fatalf("pay in the to-be model: %+v", e.Module)
	}
}
