package model

import (
	"strings"
	"testing"
)

// kindCases are the module kinds' and owned stores' mistakes, with the
// exact lines `archdoc validate` prints for them.
var kindCases = []messageCase{
	{
		name: "every kind and a store are accepted",
		yaml: `name: x
domains:
  - id: shop
    name: Shop
    modules:
      - {id: web, name: Web, kind: frontend}
      - {id: api, name: API, kind: gateway}
      - id: orders
        name: Orders
        stores: [{id: order-db, tech: mongodb}]
      - {id: db, name: DB, kind: database}
      - {id: cache, name: Cache, kind: cache}
      - {id: bus, name: Bus, kind: queue}
      - {id: nightly, name: Nightly, kind: job}
      - {id: pay, name: Pay, kind: external}
      - {id: svc, name: Svc, kind: service}
stack:
  layers:
    - {id: data, name: Data, technologies: [{id: mongodb, name: MongoDB}]}
flows:
  - {from: orders, to: order-db, label: writes}
  - from: web
    to: api
    steps: [{from: orders, to: order-db}]
notes:
  - {on: order-db, text: one per service}
`,
	},
	{
		name: "unknown module and store kinds",
		yaml: `name: x
domains:
  - id: shop
    name: Shop
    modules:
      - {id: db, name: DB, kind: databse}
      - {id: q, name: Q, kind: topic}
      - id: orders
        name: Orders
        stores: [{id: order-db, kind: cahce}, {id: order-q, kind: gateway}]
`,
		want: []string{
			`architecture.yaml:6:34: domains[0].modules[0].kind: "databse" is not one of service, database, cache, queue, gateway, frontend, job, external (did you mean "database"?)`,
			`architecture.yaml:7:32: domains[0].modules[1].kind: "topic" is not one of service, database, cache, queue, gateway, frontend, job, external`,
			`architecture.yaml:10:39: domains[0].modules[2].stores[0].kind: "cahce" is not one of database, cache, queue (did you mean "cache"?)`,
			`architecture.yaml:10:67: domains[0].modules[2].stores[1].kind: "gateway" is not one of database, cache, queue`,
		},
	},
	{
		name: "stores: duplicate ids, unknown technologies, missing id",
		yaml: `name: x
domains:
  - id: shop
    name: Shop
    modules:
      - id: orders
        name: Orders
        stores:
          - {id: orders, tech: mongodb}
          - {id: order-db, tech: mongo}
          - {id: order-db, tech: data}
          - {name: no id}
stack:
  layers:
    - {id: data, name: Data, technologies: [{id: mongodb, name: MongoDB}]}
flows:
  - {from: orders, to: order-bd}
`,
		want: []string{
			`architecture.yaml:9:18: domains[0].modules[0].stores[0].id: duplicate id "orders": already used by module domains[0].modules[0] at architecture.yaml:6:13`,
			`architecture.yaml:10:34: domains[0].modules[0].stores[1].tech: unknown technology "mongo" (did you mean "mongodb"?)`,
			`architecture.yaml:11:18: domains[0].modules[0].stores[2].id: duplicate id "order-db": already used by store domains[0].modules[0].stores[1] at architecture.yaml:10:18`,
			`architecture.yaml:11:34: domains[0].modules[0].stores[2].tech: "data" is a layer, expected a technology`,
			`architecture.yaml:12:13: domains[0].modules[0].stores[3]: missing required field "id"`,
			`architecture.yaml:17:24: flows[0].to: unknown element "order-bd" (did you mean "order-db"?)`,
		},
	},
	{
		name: "a store is not a module",
		yaml: `name: x
domains:
  - id: shop
    name: Shop
    modules:
      - {id: orders, name: Orders, stores: [{id: order-db}]}
tasks:
  - {id: t, title: T, modules: [order-db]}
`,
		want: []string{
			`architecture.yaml:8:33: tasks[0].modules[0]: "order-db" is a store, expected a module`,
		},
	},
}

func TestKindAndStoreValidation(t *testing.T) { checkMessages(t, kindCases) }

// A store is an element of its module: its id finds it, its parent is the
// module, and the stack counts it as a user of its technology.
func TestStoresAreElementsOfTheirModule(t *testing.T) {
	m, err := Parse("architecture.yaml", []byte(kindCases[0].yaml))
	if err != nil {
		t.Fatal(err)
	}
	e, ok := m.Element("order-db")
	if !ok || e.Kind != KindStore || e.Parent != "orders" || e.Name != "order-db" || e.Store.StoreKind() != "database" {
		t.Fatalf("order-db: %+v", e)
	}
	if got := m.TechUsers("mongodb"); strings.Join(got, ",") != "order-db" {
		t.Errorf("TechUsers(mongodb) = %v, want [order-db]", got)
	}
	if got := m.Pos(e.Path + ".id").String(); got != "architecture.yaml:10:23" {
		t.Errorf("store id at %s", got)
	}
}
