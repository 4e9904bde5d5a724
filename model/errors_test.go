package model

import (
	"strings"
	"testing"
)

// errorCases are models with one kind of mistake each and the exact
// lines `archdoc validate` prints for them.
var errorCases = []messageCase{
	{
		name: "presentation: a time budget the deck cannot use",
		yaml: "name: x\npresentation:\n  duration: 5 minutes\n",
		want: []string{`architecture.yaml:3:13: presentation.duration: time budget "5 minutes" is not a duration such as 10m or 1h30m`},
	},
	{
		name: "presentation: a zero time budget",
		yaml: "name: x\npresentation:\n  duration: 0m\n",
		want: []string{`architecture.yaml:3:13: presentation.duration: time budget "0m" is not a duration such as 10m or 1h30m`},
	},
	{
		name: "presentation: minutes and Go durations are time budgets",
		yaml: "name: x\npresentation:\n  duration: \"12\"\n",
	},
	{
		name: "yaml syntax: tab indentation",
		yaml: "name: x\n\tactors: []\n",
		want: []string{"architecture.yaml:2:1: YAML syntax: found a tab character that violates indentation"},
	},
	{
		name: "yaml syntax: unclosed flow list",
		yaml: "name: x\nactors: [\n",
		want: []string{"architecture.yaml:3:1: YAML syntax: did not find expected node content"},
	},
	{
		name: "yaml syntax: list item indented wrongly",
		yaml: "name: x\nactors:\n  - id: a\n   name: b\n",
		want: []string{"architecture.yaml:3:3: YAML syntax: did not find expected '-' indicator in the list that starts here: check the indentation of its items"},
	},
	{
		name: "yaml syntax: flow list not closed before the next key",
		yaml: "name: x\nversion: \"1\"\nactors: [a, b\nflows: []\n",
		want: []string{"architecture.yaml:3:9: YAML syntax: did not find expected ',' or ']' in the [...] that starts here"},
	},
	{
		name: "yaml syntax: key indented wrongly",
		yaml: "name: x\nsettings:\n  allow_html: true\n version: 2\n",
		want: []string{"architecture.yaml:4:1: YAML syntax: did not find expected key"},
	},
	{
		name: "yaml syntax: alias to no anchor",
		yaml: "name: x\nactors: *people\n",
		want: []string{"architecture.yaml:2:9: YAML syntax: alias *people names no anchor (&people) defined before it"},
	},
	{
		name: "yaml syntax: mapping value in a plain scalar",
		yaml: "name: x\nsummary: a: b\n",
		want: []string{"architecture.yaml:2:1: YAML syntax: mapping values are not allowed in this context"},
	},
	{
		name: "wrong types",
		yaml: `name: [a]
actors: {id: a}
settings: {allow_html: yes}
presentation:
  sections:
    - {section: title, weight: heavy}
stack: [x]
`,
		want: []string{
			"architecture.yaml:1:7: name: expected a string, got a list",
			"architecture.yaml:2:9: actors: expected a list, got a mapping",
			`architecture.yaml:3:24: settings.allow_html: expected true or false, got "yes"`,
			`architecture.yaml:6:32: presentation.sections[0].weight: expected a number, got "heavy"`,
			"architecture.yaml:7:8: stack: expected a mapping, got a list",
		},
	},
	{
		name: "empty list items are reported, not dropped",
		yaml: `name: x
actors:
  -
domains:
  - id: d
    name: D
    defaults: {tech: [~]}
    modules:
      -
      - id: m
        name: M
        tech: [~]
        stores:
          -
        operations:
          -
flows:
  -
  - from: d
    to:
      - m
      -
notes:
  -
views:
  -
`,
		want: []string{
			`architecture.yaml:3:3: actors[0]: empty item: give it a value or remove it`,
			`architecture.yaml:7:23: domains[0].defaults.tech[0]: empty item: give it a value or remove it`,
			`architecture.yaml:9:7: domains[0].modules[0]: empty item: give it a value or remove it`,
			`architecture.yaml:12:16: domains[0].modules[0].tech[0]: empty item: give it a value or remove it`,
			`architecture.yaml:14:11: domains[0].modules[0].stores[0]: empty item: give it a value or remove it`,
			`architecture.yaml:16:11: domains[0].modules[0].operations[0]: empty item: give it a value or remove it`,
			`architecture.yaml:18:3: flows[0]: empty item: give it a value or remove it`,
			`architecture.yaml:22:7: flows[1].to[1]: empty item: give it a value or remove it`,
			`architecture.yaml:24:3: notes[0]: empty item: give it a value or remove it`,
			`architecture.yaml:26:3: views[0]: empty item: give it a value or remove it`,
		},
	},
	{
		name: "an operation or a technology listed twice",
		yaml: `name: x
domains:
  - id: d
    name: D
    defaults: {tech: [php, php]}
    modules:
      - id: m
        name: M
        tech: [php, go, php]
        operations:
          - {name: GetCart}
          - {name: PutCart}
          - {name: GetCart, description: again}
stack:
  layers:
    - id: l
      name: L
      technologies: [{id: php, name: PHP}, {id: go, name: Go}]
`,
		want: []string{
			`architecture.yaml:5:28: domains[0].defaults.tech[1]: technology "php" is already listed at architecture.yaml:5:23`,
			`architecture.yaml:9:25: domains[0].modules[0].tech[2]: technology "php" is already listed at architecture.yaml:9:16`,
			`architecture.yaml:13:20: domains[0].modules[0].operations[2].name: operation "GetCart" is already listed at architecture.yaml:11:20`,
		},
	},
	{
		name: "a flow with several targets named by the id written on it",
		yaml: `name: x
actors: [{id: u, name: U}]
domains:
  - id: d
    name: D
    modules: [{id: a, name: A}, {id: b, name: B}]
flows:
  - {id: route, from: u, to: [a, b]}
notes:
  - {on: route, text: hi}
views:
  - {id: v, include: [route]}
summary: "[r](flow:route)"
`,
		want: []string{
			`architecture.yaml:10:10: notes[0].on: flow "route" has several targets and became route-a, route-b: name one of them`,
			`architecture.yaml:12:23: views[0].include[0]: flow "route" has several targets and became route-a, route-b: name one of them`,
			`architecture.yaml:13:10: summary: link (flow:route): flow "route" has several targets and became route-a, route-b: name one of them`,
		},
	},
	{
		name: "scalars are accepted as text",
		yaml: "name: 42\nversion: 1.10\n",
	},
	{
		name: "unknown keys with did-you-mean",
		yaml: `nmae: Shop
colour: red
actors:
  - id: a
    name: A
    knd: person
`,
		want: []string{
			`architecture.yaml:1:1: missing required field "name"`,
			`architecture.yaml:1:1: nmae: unknown field "nmae" (did you mean "name"?)`,
			`architecture.yaml:2:1: colour: unknown field "colour"`,
			`architecture.yaml:6:5: actors[0].knd: unknown field "knd" (did you mean "kind"?)`,
		},
	},
	{
		name: "missing and empty required fields",
		yaml: `name: ""
actors:
  - id: a
flows:
  - from: a
notes:
  - {on: a, text: }
views:
  - {id: v, include: []}
`,
		want: []string{
			"architecture.yaml:1:7: name: must not be empty",
			`architecture.yaml:3:5: actors[0]: missing required field "name"`,
			`architecture.yaml:5:5: flows[0]: missing required field "to"`,
			"architecture.yaml:7:19: notes[0].text: must not be empty",
			"architecture.yaml:9:22: views[0].include: must not be empty",
		},
	},
	{
		name: "key given twice",
		yaml: "name: a\nname: b\n",
		want: []string{`architecture.yaml:2:1: name: key "name" given twice (first at line 1)`},
	},
	{
		name: "bad ids",
		yaml: `name: x
actors:
  - {id: User_Center, name: U}
  - {id: a--b, name: B}
  - {id: 用户, name: C}
`,
		want: []string{
			`architecture.yaml:3:10: actors[0].id: bad id "User_Center": use lowercase letters, digits and single hyphens, like "user-center"`,
			`architecture.yaml:4:10: actors[1].id: bad id "a--b": use lowercase letters, digits and single hyphens, like "a-b"`,
			`architecture.yaml:5:10: actors[2].id: bad id "用户": use lowercase letters, digits and single hyphens`,
		},
	},
	{
		name: "duplicate ids across the model",
		yaml: `name: x
actors:
  - {id: shop, name: A}
domains:
  - id: shop
    name: D
    modules:
      - {id: shop, name: M}
`,
		want: []string{
			`architecture.yaml:5:9: domains[0].id: duplicate id "shop": already used by actor actors[0] at architecture.yaml:3:10`,
			`architecture.yaml:8:14: domains[0].modules[0].id: duplicate id "shop": already used by actor actors[0] at architecture.yaml:3:10`,
		},
	},
	{
		name: "dangling references",
		yaml: `name: x
actors:
  - {id: user, name: U}
domains:
  - id: front
    name: F
    modules:
      - {id: user-center, name: UC, tech: [redis, reddis, front]}
stack:
  layers:
    - id: data
      name: Data
      technologies:
        - {id: redis, name: Redis, used_by: [user-centre, redis]}
flows:
  - {from: user, to: user-centre}
  - {from: data, to: user}
  - from: user
    to: front
    steps:
      - {from: usr, to: front}
notes:
  - {on: nobody, text: hi}
ideas:
  - {id: idea, title: I, related: [redis, nothing]}
tasks:
  - {id: task, title: T, tech: [user-center], modules: [redis]}
`,
		want: []string{
			`architecture.yaml:8:51: domains[0].modules[0].tech[1]: unknown technology "reddis" (did you mean "redis"?)`,
			`architecture.yaml:8:59: domains[0].modules[0].tech[2]: "front" is a domain, expected a technology`,
			`architecture.yaml:14:46: stack.layers[0].technologies[0].used_by[0]: unknown module "user-centre" (did you mean "user-center"?)`,
			`architecture.yaml:14:59: stack.layers[0].technologies[0].used_by[1]: "redis" is a technology, expected a module`,
			`architecture.yaml:16:22: flows[0].to: unknown element "user-centre" (did you mean "user-center"?)`,
			`architecture.yaml:17:12: flows[1].from: "data" is a layer, expected an actor, a domain, a module, a store or a technology`,
			`architecture.yaml:21:16: flows[2].steps[0].from: unknown element "usr" (did you mean "user"?)`,
			`architecture.yaml:23:10: notes[0].on: unknown element "nobody"`,
			`architecture.yaml:25:43: ideas[0].related[1]: unknown element "nothing"`,
			`architecture.yaml:27:33: tasks[0].tech[0]: "user-center" is a module, expected a technology`,
			`architecture.yaml:27:57: tasks[0].modules[0]: "redis" is a technology, expected a module`,
		},
	},
	{
		name: "look-alike id",
		yaml: `name: x
actors:
  - {id: user, name: U}
notes:
  - {on: uѕer, text: hi}
`,
		want: []string{
			`architecture.yaml:5:10: notes[0].on: unknown element "uѕer" (did you mean "user"? "uѕer" has U+0455 CYRILLIC SMALL LETTER DZE where "user" has 's')`,
		},
	},
	{
		name: "enums",
		yaml: `name: x
actors:
  - {id: a, name: A, kind: persn}
ideas:
  - {id: i, title: I, status: done}
`,
		want: []string{
			`architecture.yaml:3:28: actors[0].kind: "persn" is not one of person, external (did you mean "person"?)`,
			`architecture.yaml:5:31: ideas[0].status: "done" is not one of proposed, accepted, rejected, superseded`,
		},
	},
	{
		name: "views",
		yaml: `name: x
actors:
  - {id: user, name: U, tags: [public]}
views:
  - id: v
    include: ["*", tag:publik, usr]
    exclude: ["*", tag:public]
`,
		want: []string{
			`architecture.yaml:6:20: views[0].include[1]: no element has the tag "publik" (did you mean "public"?)`,
			`architecture.yaml:6:32: views[0].include[2]: unknown element "usr" (did you mean "user"?)`,
			`architecture.yaml:7:15: views[0].exclude[0]: "*" only makes sense in include`,
		},
	},
	{
		name: "presentation",
		yaml: `name: x
presentation:
  sections:
    - {section: stak}
    - {section: tasks, only: [nope]}
  slides:
    - {id: hello, title: Hi, after: tasks}
    - {id: hello, title: Again, after: end}
`,
		want: []string{
			`architecture.yaml:4:17: presentation.sections[0].section: "stak" is not one of title, business, domains, stack, technologies, flows, ideas, tasks, highlights, glossary, slides (did you mean "stack"?)`,
			`architecture.yaml:5:31: presentation.sections[1].only[0]: unknown element "nope"`,
			`architecture.yaml:8:12: presentation.slides[1].id: duplicate slide id "hello": already used at architecture.yaml:7:12`,
			`architecture.yaml:8:40: presentation.slides[1].after: "end" is not a section: one of title, business, domains, stack, technologies, flows, ideas, tasks, highlights, glossary, slides`,
		},
	},
	{
		name: "docs outside the folder",
		yaml: `name: x
docs:
  - path: ../secret.md
  - path: /etc/passwd
  - path: docs/../../x.md
  - title: no path
`,
		want: []string{
			`architecture.yaml:3:11: docs[0].path: "../secret.md" is outside the model's folder`,
			`architecture.yaml:4:11: docs[1].path: "/etc/passwd" is an absolute path: docs must be inside the model's folder`,
			`architecture.yaml:5:11: docs[2].path: "docs/../../x.md" is outside the model's folder`,
			`architecture.yaml:6:5: docs[3]: missing required field "path"`,
		},
	},
	{
		name: "icon files outside the folder or of another kind",
		yaml: `name: x
stack:
  layers:
    - id: l
      name: L
      technologies:
        - {id: a, name: A, icon: ../logo.svg}
        - {id: b, name: B, icon: /etc/logo.png}
        - {id: c, name: C, icon: icons/c.gif}
        - {id: d, name: D, icon: nginx}
`,
		want: []string{
			`architecture.yaml:7:34: stack.layers[0].technologies[0].icon: "../logo.svg" is outside the model's folder`,
			`architecture.yaml:8:34: stack.layers[0].technologies[1].icon: "/etc/logo.png" is an absolute path: an icon file must be inside the model's folder`,
			`architecture.yaml:9:34: stack.layers[0].technologies[2].icon: "icons/c.gif": an icon file must be .svg or .png`,
		},
	},
	{
		name: "markdown links",
		yaml: `name: x
summary: See [the center](module:user-centre), [Redis](module:redis) and [site](https://example.com).
domains:
  - id: front
    name: F
    modules:
      - id: user-center
        name: UC
        features: ["login, see [cache](tech:redis)", "[x](actor:)"]
stack:
  layers:
    - id: data
      name: Data
      technologies:
        - {id: redis, name: Redis, why: "[ok](tech:redis) [ok](layer:data)"}
presentation:
  notes:
    intro: "[bad](idea:nope)"
`,
		want: []string{
			`architecture.yaml:2:10: summary: link (module:redis): "redis" is a technology, expected a module`,
			`architecture.yaml:2:10: summary: link (module:user-centre): unknown module "user-centre" (did you mean "user-center"?)`,
			`architecture.yaml:9:54: domains[0].modules[0].features[1]: link (actor:) names no element`,
			`architecture.yaml:18:12: presentation.notes.intro: link (idea:nope): unknown idea "nope"`,
		},
	},
	{
		name: "links with a mistyped or natural-language kind; URL schemes are left alone",
		yaml: `name: x
summary: "[Go](technology:go), [Redis](tec:redis), [UC](modules:uc), [a](https://x.y), [b](mailto:a@b.c), [c](vscode:open), [d](tel:1)"
domains:
  - {id: d, name: D, modules: [{id: uc, name: UC}]}
`,
		want: []string{
			`architecture.yaml:2:10: summary: link (modules:uc): unknown kind "modules" (did you mean "module"?); links to elements use actor, domain, module, layer, tech, flow, idea, task, doc, note or view`,
			`architecture.yaml:2:10: summary: link (tec:redis): unknown kind "tec" (did you mean "tech"?); links to elements use actor, domain, module, layer, tech, flow, idea, task, doc, note or view`,
			`architecture.yaml:2:10: summary: link (technology:go): unknown kind "technology" (did you mean "tech"?); links to elements use actor, domain, module, layer, tech, flow, idea, task, doc, note or view`,
		},
	},
	{
		name: "includes are not read by Parse, but checked",
		yaml: "name: x\ninclude: [other.yaml, ../up.yaml, /etc/passwd]\n",
		want: []string{
			`architecture.yaml:2:23: include[1]: "../up.yaml" is outside the model's folder`,
			`architecture.yaml:2:35: include[2]: "/etc/passwd" is an absolute path: include files must be inside the model's folder`,
		},
	},
	{
		name: "references into includes are not checked by Parse",
		yaml: "name: x\ninclude: [people.yaml]\nflows: [{from: visitor, to: owner}]\n",
	},
	{
		name: "language and glossary",
		yaml: `name: x
language: chinese-simplified
glossary:
  - {term: SQS, definition: Amazon's queue}
  - {term: sqs, definition: again}
`,
		want: []string{
			`architecture.yaml:2:11: language: "chinese-simplified" is not a language tag such as zh-CN or en`,
			`architecture.yaml:5:12: glossary[1].term: term "sqs" is already defined at architecture.yaml:4:12`,
		},
	},
	{
		name: "merge keys",
		yaml: `name: x
actors:
  - &base {id: a, name: A, kind: person}
  - <<: *base
    id: b
    nme: B
`,
		want: []string{`architecture.yaml:6:5: actors[1].nme: unknown field "nme" (did you mean "name"?)`},
	},
	{
		name: "hidden controls written as YAML escapes",
		yaml: `name: "Bell\u0007Shop"
summary: "\e[31mred\e[0m"
actors:
  - {id: user, name: "User\x85", description: "\u202Egnp.exe"}
  - {id: "ops\u2066", name: "\0\b\x7f\uFFFF"}
domains:
  - id: shop
    name: Shop
    modules:
      - {id: cart, name: Cart, features: [ok, "add\u200Bitem\x1b"]}
presentation:
  notes: {"intro\e]8;;": hi}
`,
		want: []string{
			"architecture.yaml:1:7: name: contains a control character (U+0007)",
			"architecture.yaml:2:10: summary: contains a control character (U+001B)",
			"architecture.yaml:4:22: actors[0].name: contains a control character (U+0085)",
			"architecture.yaml:4:47: actors[0].description: contains a bidirectional control character (U+202E)",
			`architecture.yaml:5:10: actors[1].id: bad id "ops\u2066": use lowercase letters, digits and single hyphens, like "ops"`,
			"architecture.yaml:5:10: actors[1].id: contains a bidirectional control character (U+2066)",
			"architecture.yaml:5:29: actors[1].name: contains hidden characters (U+0000, U+0008, U+007F, ...)",
			"architecture.yaml:10:47: domains[0].modules[0].features[1]: contains a control character (U+001B)",
			`architecture.yaml:12:11: presentation.notes: key "intro\x1b]8;;" contains a control character (U+001B)`,
		},
	},
	{
		name: "hidden controls typed as they are: reported at the character",
		yaml: "name: x\nsummary: |\n  line one\n  line two has \u202e here\n" +
			"actors:\n  - {id: a, name: 'Ann \u2066x', description: plain \u20692J}\n" +
			"glossary:\n  - term: T\n    definition: >\n      folded\n      then \u202d\u202e twice\n",
		want: []string{
			"architecture.yaml:4:16: summary: contains a bidirectional control character (U+202E)",
			"architecture.yaml:6:24: actors[0].name: contains a bidirectional control character (U+2066)",
			"architecture.yaml:6:48: actors[0].description: contains a bidirectional control character (U+2069)",
			"architecture.yaml:11:12: glossary[0].definition: contains bidirectional control characters (U+202D, U+202E)",
		},
	},
	{
		name: "a raw C1 control or noncharacter is refused where it stands",
		yaml: "name: x\nsummary: ok \u009b2J\nversion: \uffff\n",
		want: []string{"architecture.yaml:2:13: a control character (U+009B) is not allowed in YAML; remove it"},
	},
	{
		name: "keys with hidden controls print as escapes, not as terminal codes",
		yaml: "name: x\n\"\\e[2J\": 1\n",
		want: []string{`architecture.yaml:2:1: \u001b[2J: unknown field "\x1b[2J"`},
	},
	{
		name: "tabs, newlines and bidi marks are text",
		yaml: "name: \"Shop\\tone\\r\\ntwo\"\nsummary: |\n  line one\n  \u05e9\u05dc\u05d5\u05dd \u200f(RTL)\u200e and \u061c\u0645\u0631\u062d\u0628\u0627\n",
	},
}

func TestValidationMessages(t *testing.T) { checkMessages(t, errorCases) }

// checkMessages parses each case's model and compares the error lines.
// messageCase is a model and the errors validating it must print, in
// order, each with its position.
type messageCase struct {
	name string
	yaml string
	want []string
}

func checkMessages(t *testing.T, cases []messageCase) {
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("architecture.yaml", []byte(tc.yaml))
			got := errorLines(err)
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("errors differ\ngot:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(tc.want, "\n  "))
			}
		})
	}
}

// errorLines is what the CLI prints: one line per error.
func errorLines(err error) []string {
	if err == nil {
		return nil
	}
	return strings.Split(err.Error(), "\n")
}
