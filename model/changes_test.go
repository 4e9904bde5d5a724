package model

import (
	"strings"
	"testing"
)

// changesBase is a small model the change cases extend with one idea.
const changesBase = `name: x
actors:
  - {id: user, name: User}
domains:
  - id: data
    name: Data
    modules:
      - {id: vouchers, name: Vouchers, tech: [mysql]}
stack:
  layers:
    - id: storage
      name: Storage
      technologies:
        - {id: mysql, name: MySQL}
flows:
  - {from: user, to: vouchers}
ideas:
  - id: idea
    title: Idea
    options:
      - name: one
        changes:
`

// changeCases are option changes with one kind of mistake each; the
// changes start on line 23, indented by 10.
var changeCases = []struct {
	name    string
	changes string
	want    []string
}{
	{
		name: "a valid option: add a technology, move a module onto it, retire a flow",
		changes: `          add:
            - tech: {id: mongodb, name: MongoDB}
              in: storage
            - flow: {from: vouchers, to: mongodb, label: 读写}
          remove: [user-vouchers]
          modify:
            - {id: vouchers, tech: [mongodb], description: 卡券存在 MongoDB}
`,
	},
	{
		name: "removing or modifying an unknown id, with did-you-mean",
		changes: `          remove: [voucher, mysq]
          modify:
            - {id: usr, name: U}
`,
		want: []string{
			`architecture.yaml:23:20: ideas[0].options[0].changes.remove[0]: unknown element "voucher" (did you mean "vouchers"?)`,
			`architecture.yaml:23:29: ideas[0].options[0].changes.remove[1]: unknown element "mysq" (did you mean "mysql"?)`,
			`architecture.yaml:25:20: ideas[0].options[0].changes.modify[0].id: unknown element "usr" (did you mean "user"?)`,
		},
	},
	{
		name: "removing an idea is not a change to the architecture",
		changes: `          remove: [idea]
`,
		want: []string{
			`architecture.yaml:23:20: ideas[0].options[0].changes.remove[0]: "idea" is an idea, expected an actor, a domain, a module, a layer, a technology or a flow`,
		},
	},
	{
		name: "an addition names one element with a new id",
		changes: `          add:
            - in: data
            - module: {id: a, name: A}
              actor: {id: b, name: B}
            - actor: {id: user, name: Again}
            - module: {id: New, name: N}
              in: data
`,
		want: []string{
			`architecture.yaml:24:15: ideas[0].options[0].changes.add[0]: say what is added: one of actor, domain, module, tech or flow`,
			`architecture.yaml:25:15: ideas[0].options[0].changes.add[1]: adds one element per item: found actor and module`,
			`architecture.yaml:27:27: ideas[0].options[0].changes.add[2].actor.id: "user" already exists (actor at architecture.yaml:3:10); change it with modify`,
			`architecture.yaml:28:28: ideas[0].options[0].changes.add[3].module.id: bad id "New": use lowercase letters, digits and single hyphens, like "new"`,
		},
	},
	{
		name: "references are checked against the to-be model",
		changes: `          remove: [mysql]
          add:
            - module: {id: archive, name: Archive, tech: [mysql]}
            - tech: {id: mongodb, name: MongoDB}
              in: data
            - flow: {from: archve, to: vouchers}
`,
		want: []string{
			`architecture.yaml:25:15: ideas[0].options[0].changes.add[0]: missing field "in": a module goes in a domain`,
			`architecture.yaml:25:59: ideas[0].options[0].changes.add[0].module.tech[0]: "mysql" is removed by this option`,
			`architecture.yaml:27:19: ideas[0].options[0].changes.add[1].in: "data" is a domain, expected a layer`,
			`architecture.yaml:28:28: ideas[0].options[0].changes.add[2].flow.from: unknown element "archve" (did you mean "archive"?)`,
		},
	},
	{
		name: "modify: fields apply to the element's kind",
		changes: `          remove: [user-vouchers]
          modify:
            - {id: mysql, tech: [mysql], version: "8"}
            - {id: vouchers}
            - {id: user-vouchers, label: x}
            - {id: vouchers, in: storage}
`,
		want: []string{
			`architecture.yaml:25:33: ideas[0].options[0].changes.modify[0].tech: tech does not apply to a technology: it applies to a module`,
			`architecture.yaml:26:15: ideas[0].options[0].changes.modify[1]: modifies nothing: give the fields that change`,
			`architecture.yaml:27:20: ideas[0].options[0].changes.modify[2].id: "user-vouchers" is both removed and modified`,
			`architecture.yaml:28:20: ideas[0].options[0].changes.modify[3].id: "vouchers" is modified twice: write its changes in one item`,
		},
	},
	{
		name: "unknown fields in changes get did-you-mean",
		changes: `          remve: [mysql]
          modify:
            - {id: vouchers, tecj: [mysql]}
`,
		want: []string{
			`architecture.yaml:23:11: ideas[0].options[0].changes.remve: unknown field "remve" (did you mean "remove"?)`,
			`architecture.yaml:25:15: ideas[0].options[0].changes.modify[0]: modifies nothing: give the fields that change`,
			`architecture.yaml:25:30: ideas[0].options[0].changes.modify[0].tecj: unknown field "tecj" (did you mean "tech"?)`,
		},
	},
}

func TestChangeValidationMessages(t *testing.T) {
	for _, tc := range changeCases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("architecture.yaml", []byte(changesBase+tc.changes))
			got := errorLines(err)
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("errors differ\ngot:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(tc.want, "\n  "))
			}
		})
	}
}
