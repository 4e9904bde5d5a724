package exporttest

import (
	"strings"
	"testing"
)

// TestDSLProblems: the checker catches what it claims to.
func TestDSLProblems(t *testing.T) {
	ok := "workspace \"W\" {\n    model {\n        a = person \"A\"\n        s = softwareSystem \"S\" {\n            c = container \"C\"\n        }\n        a -> c \"uses \\\"x\\\"\"\n    }\n    views {\n        container s \"k\" {\n            include *\n            autoLayout lr\n        }\n    }\n}\n"
	if p := DSLProblems(ok); len(p) != 0 {
		t.Fatalf("valid workspace reported: %v", p)
	}
	for _, tc := range []struct{ bad, want string }{
		{strings.Replace(ok, `"uses \"x\""`, `"uses "x""`, 1), "without a space"},
		{strings.Replace(ok, `"uses \"x\""`, `"trailing\"`, 1), "unterminated string"},
		{strings.Replace(ok, "a = person", "a-b = person", 1), `bad identifier "a-b"`},
		{strings.Replace(ok, "a -> c", "a -> zz", 1), "undefined identifier"},
		{strings.Replace(ok, "a -> c", "s -> c", 1), "itself or its parent"},
		{strings.Replace(ok, `person "A"`, `person "S"`, 1), `named "S" already exists`},
		{strings.Replace(ok, "        }\n        a", "        a", 1), "relationship outside the model block"},
		{strings.Replace(ok, "autoLayout lr", "autoLayout sideways", 1), "autoLayout takes"},
		{strings.TrimSuffix(ok, "}\n"), "unclosed blocks"},
		{strings.Replace(ok, "container s", "container a", 1), "needs a software system"},
	} {
		p := strings.Join(DSLProblems(tc.bad), "\n")
		if !strings.Contains(p, tc.want) {
			t.Errorf("want a problem %q, got %q in\n%s", tc.want, p, tc.bad)
		}
	}
}

// TestPlantUMLProblems: the checker catches what it claims to.
func TestPlantUMLProblems(t *testing.T) {
	ok := "@startuml\n!include <C4/C4_Container>\ntitle T\nPerson(a, \"A\", \"\")\nSystem_Boundary(s, \"S\") {\n  Container(c, \"C\", \"Go\", \"d\")\n}\nRel(a, c, \"uses\", \"HTTPS\")\nSHOW_LEGEND()\n@enduml\n"
	if p := PlantUMLProblems(ok); len(p) != 0 {
		t.Fatalf("valid diagram reported: %v", p)
	}
	for _, tc := range []struct{ bad, want string }{
		{strings.Replace(ok, `"uses"`, `"say "hi""`, 1), "quote inside"},
		{strings.Replace(ok, `"uses"`, `"a\nb"`, 1), "inside a string"},
		{strings.Replace(ok, "Rel(a, c", "Rel(a, zz", 1), `undeclared alias "zz"`},
		{strings.Replace(ok, "Container(c", "Container(a", 1), `declared twice`},
		{strings.Replace(ok, "Person(a,", "Person(a-b,", 1), `bad alias "a-b"`},
		{strings.Replace(ok, "}\n", "", 1), "unclosed boundaries"},
		{strings.Replace(ok, "!include <C4/C4_Container>\n", "", 1), "before !include"},
		{strings.Replace(ok, "Rel(a, c, \"uses\", \"HTTPS\")", "Rel(a, c)", 1), "Rel with 2 arguments"},
		{strings.Replace(ok, "@enduml\n", "", 1), "not wrapped"},
	} {
		p := strings.Join(PlantUMLProblems(tc.bad), "\n")
		if !strings.Contains(p, tc.want) {
			t.Errorf("want a problem %q, got %q in\n%s", tc.want, p, tc.bad)
		}
	}
}
