package model

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// flowCases are the mistakes around multi-target flows, with the exact
// lines `archdoc validate` prints for them: each points at the list item
// and names the flow as written, not its expanded copy.
var flowCases = []messageCase{
	{
		name: "several targets are accepted",
		yaml: `name: x
actors: [{id: user, name: User}]
domains:
  - id: shop
    name: Shop
    modules:
      - {id: gw, name: Gateway, kind: gateway}
      - {id: orders, name: Orders}
      - {id: users, name: Users}
flows:
  - {from: user, to: gw}
  - {id: route, from: gw, to: [orders, users], label: forwards}
  - {from: orders, to: [users]}
  - {from: users, to: &both [gw, orders]}
  - {from: user, to: *both, label: again}
`,
	},
	{
		name: "unknown targets, a target listed twice, an empty list",
		yaml: `name: x
domains:
  - id: shop
    name: Shop
    modules:
      - {id: gw, name: Gateway}
      - {id: orders, name: Orders}
flows:
  - from: gw
    to: [orders, oders, shop-x, orders]
  - {from: gw, to: []}
  - {from: orders, to: [gw, {id: x}]}
`,
		want: []string{
			`architecture.yaml:10:18: flows[0].to[1]: unknown element "oders" (did you mean "orders"?)`,
			`architecture.yaml:10:25: flows[0].to[2]: unknown element "shop-x" (did you mean "shop"?)`,
			`architecture.yaml:10:33: flows[0].to[3]: target "orders" is already listed as to[0]`,
			`architecture.yaml:11:20: flows[1].to: must not be empty`,
			`architecture.yaml:12:29: flows[2].to[1]: expected a string, got a mapping`,
		},
	},
	{
		name: "a target listed twice after a flow with several targets: the path is as written",
		yaml: `name: x
domains:
  - id: shop
    name: Shop
    modules:
      - {id: gw, name: Gateway}
      - {id: orders, name: Orders}
flows:
  - {from: gw, to: [orders, shop]}
  - {from: orders, to: [gw, gw]}
`,
		want: []string{
			`architecture.yaml:10:29: flows[1].to[1]: target "gw" is already listed as to[0]`,
		},
	},
	{
		name: "explicit ids get the target appended; clashes point at the id",
		yaml: `name: x
domains:
  - id: shop
    name: Shop
    modules:
      - {id: gw, name: Gateway}
      - {id: a, name: A}
      - {id: b, name: B}
flows:
  - {id: gw-b, from: a, to: b}
  - {id: gw, from: gw, to: [a, b]}
  - {id: Bad, from: gw, to: a}
`,
		want: []string{
			`architecture.yaml:11:10: flows[1].id: duplicate id "gw-b": already used by flow flows[0] at architecture.yaml:10:10`,
			`architecture.yaml:12:10: flows[2].id: bad id "Bad": use lowercase letters, digits and single hyphens, like "bad"`,
		},
	},
	{
		name: "several targets cannot share steps, and a change adds one flow",
		yaml: `name: x
domains:
  - id: shop
    name: Shop
    modules:
      - {id: gw, name: Gateway}
      - {id: a, name: A}
      - {id: b, name: B}
flows:
  - from: gw
    to: [a, b]
    steps: [{from: gw, to: a}]
ideas:
  - id: i
    title: I
    options:
      - name: o
        changes: {add: [{flow: {from: gw, to: [a, b]}}]}
`,
		want: []string{
			`architecture.yaml:12:12: flows[0].steps: a flow with several targets cannot have steps: give the sequence a flow of its own`,
			`architecture.yaml:18:47: ideas[0].options[0].changes.add[0].flow.to: expected a string, got a list (several targets are for the flows list only)`,
		},
	},
}

func TestFlowValidation(t *testing.T) { checkMessages(t, flowCases) }

// levelCases: the level a view and the business view may ask for.
var levelCases = []messageCase{
	{
		name: "levels are accepted",
		yaml: "name: x\nbusiness: {level: domain}\nviews:\n  - {id: a, include: ['*'], level: module}\n  - {id: b, include: ['*'], level: auto}\n",
	},
	{
		name: "unknown levels",
		yaml: "name: x\nbusiness:\n  level: domains\nviews:\n  - {id: a, include: ['*'], level: modules}\n  - {id: b, include: ['*'], levle: auto}\n",
		want: []string{
			`architecture.yaml:3:10: business.level: "domains" is not one of auto, domain, module (did you mean "domain"?)`,
			`architecture.yaml:5:36: views[0].level: "modules" is not one of auto, domain, module (did you mean "module"?)`,
			`architecture.yaml:6:29: views[1].levle: unknown field "levle" (did you mean "level"?)`,
		},
	},
}

func TestLevelValidation(t *testing.T) { checkMessages(t, levelCases) }

// operationCases: a module's API operations.
var operationCases = []messageCase{
	{
		name: "operations are accepted",
		yaml: `name: x
domains:
  - id: shop
    name: Shop
    modules:
      - id: cart
        name: Cart
        operations:
          - {name: GetCart, description: The user's cart}
          - name: POST /cart/items
`,
	},
	{
		name: "an operation needs a name, and is a mapping",
		yaml: `name: x
domains:
  - id: shop
    name: Shop
    modules:
      - id: cart
        name: Cart
        operations:
          - {description: no name}
          - GetCart
          - {name: "", descripton: x}
`,
		want: []string{
			`architecture.yaml:9:13: domains[0].modules[0].operations[0]: missing required field "name"`,
			`architecture.yaml:10:13: domains[0].modules[0].operations[1]: expected a mapping, got "GetCart"`,
			`architecture.yaml:11:20: domains[0].modules[0].operations[2].name: must not be empty`,
			`architecture.yaml:11:24: domains[0].modules[0].operations[2].descripton: unknown field "descripton" (did you mean "description"?)`,
		},
	},
}

func TestOperationValidation(t *testing.T) { checkMessages(t, operationCases) }

// Downstream code sees plain flows: one per target, in list order, with
// deterministic ids, each "to" at its list item.
func TestMultiTargetFlowsExpand(t *testing.T) {
	m, err := Parse("architecture.yaml", []byte(flowCases[0].yaml))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for i, f := range m.Flows {
		got = append(got, f.ID+"="+f.From+">"+f.To+":"+f.Label+"@"+m.Pos(pathf("flows[%d].to", i)).String())
	}
	want := []string{
		"user-gw=user>gw:@architecture.yaml:11:22",
		"route-orders=gw>orders:forwards@architecture.yaml:12:32",
		"route-users=gw>users:forwards@architecture.yaml:12:40",
		"orders-users=orders>users:@architecture.yaml:13:25",
		"users-gw=users>gw:@architecture.yaml:14:30",
		"users-orders=users>orders:@architecture.yaml:14:34",
		"user-gw-2=user>gw:again@architecture.yaml:14:30", // through the alias: where the list is written
		"user-orders=user>orders:again@architecture.yaml:14:34",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("flows:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
	if e, ok := m.Element("route-users"); !ok || e.Kind != KindFlow {
		t.Errorf("route-users is not a flow: %+v", e)
	}
}

// A multi-target flow without a label is hinted once, as written.
func TestMultiTargetFlowHintedOnce(t *testing.T) {
	m, err := Parse("architecture.yaml", []byte(flowCases[0].yaml))
	if err != nil {
		t.Fatal(err)
	}
	var flows []string
	for _, h := range Hints(m) {
		if strings.Contains(h.Msg, "no label") {
			flows = append(flows, h.Error())
		}
	}
	want := []string{
		`architecture.yaml:11:5: flows[0]: flow "user-gw" has no label: diagrams draw a bare arrow`,
		`architecture.yaml:13:5: flows[2]: flow "orders-users" has no label: diagrams draw a bare arrow`,
		`architecture.yaml:14:5: flows[3]: flow "users-gw" has no label: diagrams draw a bare arrow`,
	}
	if strings.Join(flows, "\n") != strings.Join(want, "\n") {
		t.Errorf("hints:\n  %s\nwant:\n  %s", strings.Join(flows, "\n  "), strings.Join(want, "\n  "))
	}
}

// An included file's multi-target flow expands too, and its mistakes are
// reported in that file at the list item (the index counts, as for any
// include, from the flows before it: two after the main file's expands).
func TestMultiTargetFlowsInAnInclude(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("architecture.yaml", `name: x
include: [more.yaml]
domains:
  - {id: d, name: D, modules: [{id: a, name: A}, {id: b, name: B}, {id: c, name: C}]}
flows:
  - {from: a, to: [b, c]}
`)
	write("more.yaml", `flows:
  - {from: b, to: [a, cc]}
`)
	_, err := Load(filepath.Join(dir, "architecture.yaml"))
	got := strings.ReplaceAll(fmt.Sprint(err), dir+string(filepath.Separator), "")
	want := `more.yaml:2:23: flows[2].to[1]: unknown element "cc" (did you mean "c"?)`
	if got != want {
		t.Errorf("got %s\nwant %s", got, want)
	}
}
