package model

import (
	"strings"
	"testing"
)

// defaultsCases are the mistakes in a domain's defaults, with the exact
// lines `archdoc validate` prints: each at the default as written, once,
// however many modules receive it.
var defaultsCases = []messageCase{
	{
		name: "defaults, nested domains and a module's own list are accepted",
		yaml: `name: x
stack:
  layers:
    - id: back
      name: Back
      technologies:
        - {id: php, name: PHP}
        - {id: mysql, name: MySQL}
        - {id: redis, name: Redis}
domains:
  - id: shop
    name: Shop
    defaults: {tech: [php, mysql]}
    modules:
      - {id: cart, name: Cart}
      - {id: orders, name: Orders, tech: [redis, php]}
      - {id: events, name: Events, kind: queue, tech: [redis]}
      - {id: pay-api, name: Pay API, kind: external}
      - {id: web, name: Web, kind: frontend}
    domains:
      - id: ops
        name: Ops
        defaults: {tech: [redis]}
        modules:
          - {id: jobs, name: Jobs}
  - id: other
    name: Other
    modules:
      - {id: plain, name: Plain}
`,
	},
	{
		name: "unknown and wrong-kind technologies in defaults, reported once",
		yaml: `name: x
stack:
  layers:
    - {id: back, name: Back, technologies: [{id: php, name: PHP}]}
domains:
  - id: shop
    name: Shop
    defaults:
      tech: [pph, back, php]
      uses: [php]
    modules:
      - {id: cart, name: Cart}
      - {id: orders, name: Orders, tech: [phpp]}
`,
		want: []string{
			`architecture.yaml:9:14: domains[0].defaults.tech[0]: unknown technology "pph" (did you mean "php"?)`,
			`architecture.yaml:9:19: domains[0].defaults.tech[1]: "back" is a layer, expected a technology`,
			`architecture.yaml:10:7: domains[0].defaults.uses: unknown field "uses"`,
			`architecture.yaml:13:43: domains[0].modules[1].tech[0]: unknown technology "phpp" (did you mean "php"?)`,
		},
	},
	{
		name: "defaults must be a mapping",
		yaml: `name: x
domains:
  - {id: shop, name: Shop, defaults: [php]}
`,
		want: []string{
			`architecture.yaml:3:38: domains[0].defaults: expected a mapping, got a list`,
		},
	},
}

func TestDefaultsValidation(t *testing.T) { checkMessages(t, defaultsCases) }

// After loading, every module's tech holds its own list, then its
// domains' defaults (nearest domain first), each once; the stack counts
// the modules that use a technology by default.
func TestDomainDefaultsExpand(t *testing.T) {
	m, err := Parse("architecture.yaml", []byte(defaultsCases[0].yaml))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"cart":   "php,mysql",
		"orders": "redis,php,mysql",
		"jobs":   "redis,php,mysql",
		"plain":  "",
		// Only modules the team builds take defaults.
		"events":  "redis",
		"pay-api": "",
		"web":     "php,mysql",
	}
	for id, tech := range want {
		e, _ := m.Element(id)
		if got := strings.Join(e.Module.Tech, ","); got != tech {
			t.Errorf("%s.tech = %q, want %q", id, got, tech)
		}
	}
	if got := strings.Join(m.TechUsers("mysql"), ","); got != "cart,jobs,orders,web" {
		t.Errorf("TechUsers(mysql) = %s", got)
	}
	// A default's position is where the domain wrote it.
	e, _ := m.Element("cart")
	if got := m.Pos(e.Path + ".tech[1]").String(); got != "architecture.yaml:13:28" {
		t.Errorf("cart.tech[1] at %s, want the domain's default at 13:28", got)
	}
	ApplyDefaults(m) // idempotent
	if got := strings.Join(e.Module.Tech, ","); got != "php,mysql" {
		t.Errorf("after a second ApplyDefaults cart.tech = %q", got)
	}
}
