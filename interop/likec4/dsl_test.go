package likec4

import (
	"strings"
	"testing"

	"github.com/archdoc/archdoc/interop/internal/importkit"
	"github.com/archdoc/archdoc/interop/internal/importtest"
)

func importC4(src string) (*importkit.Result, error) {
	return ImportDSL([]importkit.File{{Name: "m.c4", Data: []byte(src)}}, Options{Name: "t"})
}

const spec = "specification {\n  element actor\n  element system\n  element app\n}\n"

func TestBadC4(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"unknown kind", spec + "model {\n  a = robot 'A'\n}\n", `m.c4:7:7: "robot" is not an element kind the specification declares`},
		{"unclosed model", spec + "model {\n  a = actor 'A'\n", "m.c4:6:7: block is never closed with }"},
		{"unclosed string", spec + "model {\n  a = actor 'A\n}\n", "m.c4:7:13: string is never closed with '"},
		{"unknown target", spec + "model {\n  a = actor\n  a -> b 'uses'\n}\n", `m.c4:8:8: no element named "b" here`},
		{"duplicate", spec + "model {\n  a = actor\n  a = actor\n}\n", "m.c4:8:3: a is already defined"},
		{"arrow without source", spec + "model {\n  -> a\n}\n", "m.c4:7:3: a relation without a source must be inside an element"},
		{"bad arrow", spec + "model {\n  a = actor {\n    -[async b\n  }\n}\n", "m.c4:8:5: arrow -[kind] is not closed with ]->"},
		{"stray", "model { a = }", "m.c4:1:13: expected an element kind after =, found \"}\""},
		{"no elements", spec + "model {\n}\n", "LikeC4 source m.c4: no elements in the model"},
		{"deep", spec + "model {\n" + strings.Repeat("a = system {\n", 45) + strings.Repeat("}\n", 45) + "}\n", "m.c4:46:12: blocks nest more than 40 deep"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := importC4(tc.in)
			if err == nil || err.Error() != tc.want {
				t.Errorf("error %v\nwant  %s", err, tc.want)
			}
		})
	}
}

// TestC4Syntax: both element forms, extend, scoped names, tags, links
// with URLs, skipped style blocks, relation kinds and blocks.
func TestC4Syntax(t *testing.T) {
	src := spec + `model {
  actor user 'User' {
    link https://example.com/users 'who they are'
    style { shape person }
  }
  shop = system 'Shop' {
    web = app "Web \"shop\"" {
      #frontend, #public
      technology 'Vue'
      icon tech:vue
    }
    api = app 'API' 'Serves the web' 'Go'
    web -[async]-> api 'calls' {
      technology 'HTTP'
    }
  }
  user -> web 'browses'
}
model {
  extend shop {
    db = app 'DB' {
      technology: 'MySQL'
    }
    api -> db
  }
}
views {
  view index { include * }
}
`
	r, err := importC4(src)
	if err != nil {
		t.Fatal(err)
	}
	m := importtest.Builds(t, r.YAML)
	if got := strings.Join(importtest.Flows(m), "\n"); got != "web->api calls HTTP\nuser->web browses \napi->db  " {
		t.Errorf("flows:\n%s", got)
	}
	web := m.Domains[0].Modules[0]
	if web.Name != `Web "shop"` || strings.Join(web.Tags, ",") != "frontend,public,app" || web.Tech[0] != "vue" ||
		m.Domains[0].Modules[1].Description != "Serves the web" || len(m.Domains[0].Modules) != 3 {
		t.Errorf("modules %+v", m.Domains[0].Modules)
	}
	if !strings.Contains(r.Summary.String(), "left out: 1 views") {
		t.Errorf("summary:\n%s", r.Summary)
	}
}

// FuzzDSL: no .c4 source makes the parser panic or hang, and whatever
// it imports validates. Seeds: testdata/fuzz and the cloud-system model.
func FuzzDSL(f *testing.F) {
	f.Add([]byte(spec + "model {\n  a = system {\n    b = app\n    -> b\n  }\n  extend a.b { c = app }\n}\n"))
	f.Add([]byte("model { /* x */ a -[ ]-> 'b' } views { view { } }"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := ImportDSL([]importkit.File{{Name: "m.c4", Data: data}}, Options{Name: "fuzz"})
		if err != nil {
			return
		}
		if _, err := importtest.Parse(r.YAML); err != nil {
			t.Fatalf("import does not validate: %v\n%s", err, r.YAML)
		}
	})
}
