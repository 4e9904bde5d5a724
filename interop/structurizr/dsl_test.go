package structurizr

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/archdoc/archdoc/interop/internal/importkit"
	"github.com/archdoc/archdoc/interop/internal/importtest"
)

func importDSL(src string) (*importkit.Result, error) {
	return Import(importkit.File{Name: "w.dsl", Data: []byte(src)}, nil, ImportOptions{})
}

// TestBadWorkspaces: each mistake is named with its file:line:col.
func TestBadWorkspaces(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"empty", "", "empty workspace: the file has no workspace block"},
		{"not a workspace", "model {\n}\n", `w.dsl:1:1: expected workspace, found "model"`},
		{"unclosed block", "workspace {\n  model {\n  }\n", "w.dsl:1:1: block is never closed with }"},
		{"unclosed string", "workspace {\n  model {\n    a = person \"Ann\n  }\n}\n", "w.dsl:3:16: string is not closed with \" before the end of the line"},
		{"unclosed comment", "workspace {\n/* no end\n}\n", "w.dsl:2:1: comment /* is never closed with */"},
		{"stray brace", "workspace {\n}\n}\n", `w.dsl:3:1: expected workspace, found "}"`},
		{"unknown ref", "workspace {\n  model {\n    a = person \"A\"\n    a -> b \"uses\"\n  }\n}\n", `w.dsl:4:10: no element has the identifier "b"`},
		{"container in model", "workspace {\n  model {\n    c = container \"C\"\n  }\n}\n", "w.dsl:3:5: a container cannot stand in model"},
		{"duplicate id", "workspace {\n  model {\n    a = person \"A\"\n    a = person \"B\"\n  }\n}\n", `w.dsl:4:5: identifier "a" is already used at w.dsl:3:5`},
		{"unknown keyword", "workspace {\n  model {\n    s = softwareSystem \"S\" {\n      colour red\n    }\n  }\n}\n", `w.dsl:4:7: unexpected "colour" here (in softwareSystem S)`},
		{"extends", "workspace extends other.dsl {\n}\n", "w.dsl:1:11: workspace extends is not supported; import the workspace it extends"},
		{"include refused", "workspace {\n  model {\n    !include other.dsl\n  }\n}\n", "w.dsl:3:14: !include other.dsl: includes are not read here"},
		{"include url", "workspace {\n  model {\n    !include https://example.com/m.dsl\n  }\n}\n", "w.dsl:3:14: !include https://example.com/m.dsl: only files inside the workspace folder are read, not URLs"},
		{"nothing", "workspace {\n  model {\n  }\n}\n", "nothing to import from Structurizr workspace w.dsl: no element became an actor, domain or module"},
		{"deep", "workspace {\nmodel {\ns = softwareSystem \"S\" {\n" + strings.Repeat("group \"g\" {\n", 50) + strings.Repeat("}\n", 50) + "}\n}\n}\n", "w.dsl:42:1: blocks nest more than 40 deep"},
		{"too big", strings.Repeat("#", importkit.MaxFileSize+1), "w.dsl: larger than the 10 MB an import reads from one file"},
		{"bad json", "{\"model\": {\"people\": 3}}", "w.dsl:1:22: model.people should be a list, not a number"},
		{"broken json", "{\"name\": \"x\",\n \"model\": {]}", "w.dsl:2:12: invalid character ']' looking for beginning of object key string"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := importDSL(tc.in)
			if err == nil || err.Error() != tc.want {
				t.Errorf("error %v\nwant  %s", err, tc.want)
			}
		})
	}
}

// TestDSLSyntax: hierarchical identifiers, relationships written inside
// elements (this, implicit source), escapes, text blocks, constants,
// nested groups and comments.
func TestDSLSyntax(t *testing.T) {
	src := `workspace "Shop \"Online\"" {
    !identifiers hierarchical
    !const TEAM "Checkout"
    model {
        # a comment
        buyer = person "Buyer"
        pay = softwareSystem "Payments" {
            tags "External"
        }
        shop = softwareSystem "Shop" {
            description """
                Sells things
                on the web.
                """
            group "${TEAM}" {
                group "API" {
                    api = container "API" "" "Go, PostgreSQL" {
                        -> pay "charges" "HTTPS"
                    }
                }
                web = container "Web" \
                    "Pages" "TypeScript"
            }
            web -> api "calls"
        }
        buyer -> shop.web "browses"
        shop.api -> this "is" // this names nothing here: an error
    }
    views {
        systemLandscape {
            include *
        }
    }
}
`
	if _, err := importDSL(src); err == nil || !strings.Contains(err.Error(), "w.dsl:27:21:") {
		t.Fatalf("this outside an element: %v", err)
	}
	src = strings.Replace(src, `        shop.api -> this "is" // this names nothing here: an error`+"\n", "", 1)
	r, err := importDSL(src)
	if err != nil {
		t.Fatal(err)
	}
	m := importtest.Builds(t, r.YAML)
	if m.Name != `Shop "Online"` {
		t.Errorf("name %q", m.Name)
	}
	d := m.Domains[0]
	if d.Description != "Sells things\non the web." || d.Domains[0].Name != "Checkout" || d.Domains[0].Domains[0].Modules[0].ID != "api" ||
		d.Domains[0].Modules[0].Name != "Web" || d.Domains[0].Modules[0].Description != "Pages" {
		t.Errorf("domain %+v", d)
	}
	got := strings.Join(importtest.Flows(m), "\n")
	want := "api->pay charges HTTPS\nweb->api calls \nbuyer->web browses "
	if got != want {
		t.Errorf("flows:\n%s\nwant:\n%s", got, want)
	}
	if !strings.Contains(r.Summary.String(), "left out: views (1 systemlandscape)") {
		t.Errorf("summary:\n%s", r.Summary)
	}
}

// TestIncludeStaysInFolder: !include reads files beside the workspace,
// and refuses one outside its folder, directly or through a link.
func TestIncludeStaysInFolder(t *testing.T) {
	tmp := t.TempDir()
	dir := filepath.Join(tmp, "ws")
	os.MkdirAll(filepath.Join(dir, "model"), 0o755)
	write := func(name, s string) {
		if err := os.WriteFile(filepath.Join(tmp, name), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("secret.dsl", `s = person "Secret"`+"\n")
	write("ws/model/people.dsl", `a = person "Ann"`+"\n"+`!include ../more.dsl`+"\n")
	write("ws/more.dsl", `b = person "Bob"`+"\n")
	os.Symlink(filepath.Join(tmp, "secret.dsl"), filepath.Join(dir, "link.dsl"))
	for _, tc := range []struct{ include, want string }{
		{"model/people.dsl", ""},
		{"../secret.dsl", "outside the workspace folder"},
		{filepath.Join(tmp, "secret.dsl"), "outside the workspace folder"},
		{"link.dsl", "leads outside the folder"},
		{"missing.dsl", "missing.dsl: no such file"},
	} {
		ws := "workspace {\n  model {\n    !include " + tc.include + "\n  }\n}\n"
		main := filepath.Join(dir, "workspace.dsl")
		inc, root, err := DirInclude(dir)
		if err != nil {
			t.Fatal(err)
		}
		r, err := Import(importkit.File{Name: filepath.ToSlash(main), Data: []byte(ws)}, inc, ImportOptions{})
		root.Close()
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%s: %v", tc.include, err)
		case tc.want == "" && len(r.Model.Actors) != 2:
			t.Errorf("%s: actors %v", tc.include, r.Model.Actors)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("%s: error %v, want %q", tc.include, err, tc.want)
		}
	}
}
