package model

import (
	"strings"
	"testing"
)

func TestHints(t *testing.T) {
	for _, tc := range []struct {
		name string
		yaml string
		want []string
	}{
		{
			name: "complete model has none",
			yaml: "name: x\nlanguage: zh-CN\ndomains:\n  - id: d\n    name: D\n    modules:\n      - id: m\n        name: M\n        description: Does things.\n" +
				"stack:\n  layers:\n    - id: l\n      name: L\n      technologies:\n        - id: go\n          name: Go\n          what: A language.\n          why: Fast.\n          how: Services.\n" +
				"flows:\n  - from: m\n    to: go\n    label: runs on\nideas:\n  - id: i\n    title: I\n    decision: Do it.\n",
		},
		{
			name: "each gap, at its element",
			yaml: "name: x\nlanguage: JA\ndomains:\n  - id: d\n    name: D\n    modules:\n      - id: m\n        name: M\n" +
				"stack:\n  layers:\n    - id: l\n      name: L\n      technologies:\n        - id: go\n          name: Go\n          what: A language.\n        - id: php\n          name: PHP\n          why: Old.\n" +
				"flows:\n  - from: m\n    to: go\nideas:\n  - id: i\n    title: I\n    decision: \"  \"\n",
			want: []string{
				`architecture.yaml:2:11: language: archdoc has no JA translation: the site and slides use English (translations: en, zh)`,
				`architecture.yaml:7:9: domains[0].modules[0]: module "m" has no description`,
				`architecture.yaml:14:11: stack.layers[0].technologies[0]: technology "go" has no why or how: its page explains what it is, not why it was chosen or how this system uses it`,
				`architecture.yaml:17:11: stack.layers[0].technologies[1]: technology "php" has no how: its page explains what it is, not how this system uses it`,
				`architecture.yaml:21:5: flows[0]: flow "m-go" has no label: diagrams draw a bare arrow`,
				`architecture.yaml:24:5: ideas[0]: idea "i" has no decision`,
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, err := Parse("architecture.yaml", []byte(tc.yaml))
			if err != nil {
				t.Fatalf("the model should be valid: %v", err)
			}
			got := errorLines(errorsOrNil(Hints(m)))
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("hints differ\ngot:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(tc.want, "\n  "))
			}
		})
	}
}

func errorsOrNil(es Errors) error {
	if len(es) == 0 {
		return nil
	}
	return es
}
