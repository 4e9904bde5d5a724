package model

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

var update = flag.Bool("update", false, "rewrite golden files")

const shippedSchema = "../schema/architecture.schema.json"

// The shipped schema is what editors use; it must say what the Go types say.
func TestShippedSchemaMatchesTheTypes(t *testing.T) {
	got, err := JSONSchema()
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.MkdirAll("../schema", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(shippedSchema, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(shippedSchema)
	if err != nil {
		t.Fatalf("%v (run go test ./model -run Schema -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s is out of date: run go test ./model -run Schema -update and review the diff", shippedSchema)
	}
	again, _ := JSONSchema()
	if !bytes.Equal(got, again) {
		t.Error("JSONSchema is not deterministic")
	}
}

func TestSchemaContents(t *testing.T) {
	s := loadSchema(t)
	actor := s["$defs"].(map[string]any)["Actor"].(map[string]any)
	if got := fmt.Sprint(actor["required"]); got != "[id name]" {
		t.Errorf("Actor required = %s, want [id name]", got)
	}
	kind := actor["properties"].(map[string]any)["kind"].(map[string]any)
	if got := fmt.Sprint(kind["enum"]); got != "[person external]" {
		t.Errorf("Actor.kind enum = %s", got)
	}
	if kind["description"] != "person (default) or external." {
		t.Errorf("Actor.kind description = %v", kind["description"])
	}
	if actor["additionalProperties"] != false {
		t.Errorf("Actor additionalProperties = %v, want false", actor["additionalProperties"])
	}
	if s["$schema"] != "https://json-schema.org/draft/2020-12/schema" {
		t.Errorf("$schema = %v", s["$schema"])
	}
}

// The examples must pass the schema too, as editors check them with it.
func TestExamplesMatchTheSchema(t *testing.T) {
	s := loadSchema(t)
	for _, file := range exampleFiles(t) {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		var doc any
		if err := yaml.Unmarshal(data, &doc); err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		if problems := validateJSON(s, s, doc, ""); len(problems) > 0 {
			t.Errorf("%s does not match the schema:\n  %s", file, strings.Join(problems, "\n  "))
		}
	}
}

// The small validator below must itself catch mistakes, or the test
// above proves nothing.
func TestSchemaValidatorCatchesMistakes(t *testing.T) {
	s := loadSchema(t)
	var doc any
	src := `name: x
colour: red
version: 1.0
actors:
  - {id: Bad_Id, kind: robot}
domains:
  - id: d
    name: D
    domains: [{id: e, name: E, modules: [{id: m, name: M, tech: [1]}]}]
flows:
  - {from: d, to: [e, e]}
presentation: {notes: {a: [x]}}
`
	if err := yaml.Unmarshal([]byte(src), &doc); err != nil {
		t.Fatal(err)
	}
	got := validateJSON(s, s, doc, "")
	want := []string{
		"/: unknown property colour",
		"/actors/0/id: \"Bad_Id\" does not match ^[a-z0-9]+(-[a-z0-9]+)*$",
		"/actors/0/kind: \"robot\" not in [person external]",
		"/actors/0: missing required name",
		"/domains/0/domains/0/modules/0/tech/0: want string, got int",
		"/flows/0/to: \"e\" is listed twice",
		"/flows/0/to: want string, got []interface {}",
		"/presentation/notes/a: want string, got []interface {}",
		"/version: want string, got float64",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("validator found\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}

// Only the flows list expands several targets: validate rejects a list
// in an idea's added flow, so the schema must too.
func TestSchemaAddedFlowHasOneTarget(t *testing.T) {
	s := loadSchema(t)
	var doc any
	src := `name: x
ideas:
  - id: i
    title: I
    options:
      - name: O
        changes:
          add:
            - {flow: {from: a, to: [b, c]}}
            - {flow: {from: a, to: b}}
`
	if err := yaml.Unmarshal([]byte(src), &doc); err != nil {
		t.Fatal(err)
	}
	got := strings.Join(validateJSON(s, s, doc, ""), "\n")
	if want := "/ideas/0/options/0/changes/add/0/flow/to: want string, got []interface {}"; got != want {
		t.Errorf("validator found\n  %s\nwant\n  %s", got, want)
	}
	// Editors show the field's description: it must not offer a list here.
	to := s["$defs"].(map[string]any)["AddedFlow"].(map[string]any)["properties"].(map[string]any)["to"].(map[string]any)
	if d := fmt.Sprint(to["description"]); strings.Contains(d, "list") {
		t.Errorf("AddedFlow.to says %q, which offers a list of targets", d)
	}
}

func loadSchema(t *testing.T) map[string]any {
	t.Helper()
	data, err := JSONSchema()
	if err != nil {
		t.Fatal(err)
	}
	var s map[string]any
	if err := json.Unmarshal(data, &s); err != nil {
		t.Fatal(err)
	}
	return s
}

// validateJSON checks v against the subset of JSON Schema that
// JSONSchema generates: $ref to $defs, anyOf, type, enum, pattern,
// properties, required, additionalProperties, items, uniqueItems.
// Problems are sorted.
func validateJSON(root, s map[string]any, v any, at string) []string {
	if ref, ok := s["$ref"].(string); ok {
		name := strings.TrimPrefix(ref, "#/$defs/")
		return validateJSON(root, root["$defs"].(map[string]any)[name].(map[string]any), v, at)
	}
	if anyOf, ok := s["anyOf"].([]any); ok {
		var all []string
		for _, alt := range anyOf {
			problems := validateJSON(root, alt.(map[string]any), v, at)
			if len(problems) == 0 {
				return nil
			}
			all = append(all, problems...)
		}
		sort.Strings(all)
		return all
	}
	var out []string
	fail := func(format string, args ...any) {
		where := at
		if where == "" {
			where = "/"
		}
		out = append(out, where+": "+fmt.Sprintf(format, args...))
	}
	switch s["type"] {
	case "string":
		str, ok := v.(string)
		if !ok {
			fail("want string, got %T", v)
			break
		}
		if enum, ok := s["enum"].([]any); ok && !containsAny(enum, str) {
			fail("%q not in %v", str, enum)
		}
		if p, ok := s["pattern"].(string); ok && !regexp.MustCompile(p).MatchString(str) {
			fail("%q does not match %s", str, p)
		}
	case "boolean":
		if _, ok := v.(bool); !ok {
			fail("want boolean, got %T", v)
		}
	case "number":
		switch v.(type) {
		case int, float64:
		default:
			fail("want number, got %T", v)
		}
	case "array":
		items, ok := v.([]any)
		if !ok {
			fail("want array, got %T", v)
			break
		}
		seen := map[string]bool{}
		for i, item := range items {
			out = append(out, validateJSON(root, s["items"].(map[string]any), item, fmt.Sprintf("%s/%d", at, i))...)
			if key := fmt.Sprint(item); s["uniqueItems"] == true && seen[key] {
				fail("%q is listed twice", key)
			}
			seen[fmt.Sprint(item)] = true
		}
	case "object":
		out = append(out, validateObject(root, s, v, at, fail)...)
	default:
		fail("schema type %v not supported by this validator", s["type"])
	}
	sort.Strings(out)
	return out
}

func validateObject(root, s map[string]any, v any, at string, fail func(string, ...any)) []string {
	obj, ok := v.(map[string]any)
	if !ok {
		fail("want object, got %T", v)
		return nil
	}
	var out []string
	props, _ := s["properties"].(map[string]any)
	for _, r := range asList(s["required"]) {
		if _, ok := obj[r.(string)]; !ok {
			fail("missing required %s", r)
		}
	}
	for k, val := range obj {
		switch p, known := props[k]; {
		case known:
			out = append(out, validateJSON(root, p.(map[string]any), val, at+"/"+k)...)
		case s["additionalProperties"] == false:
			fail("unknown property %s", k)
		default:
			if extra, ok := s["additionalProperties"].(map[string]any); ok {
				out = append(out, validateJSON(root, extra, val, at+"/"+k)...)
			}
		}
	}
	return out
}

func asList(v any) []any { l, _ := v.([]any); return l }

func containsAny(list []any, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
