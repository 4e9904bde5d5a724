package likec4

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/archdoc/archdoc/internal/golden"
	"github.com/archdoc/archdoc/interop/internal/importkit"
	"github.com/archdoc/archdoc/interop/internal/importtest"
)

// TestCloudSystem imports the JSON likec4 1.46 wrote for
// testdata/cloud-system/model.c4 and builds the site from it.
func TestCloudSystem(t *testing.T) {
	r, err := ImportFile("testdata/cloud-system/likec4.json", Options{Name: "Cloud System"})
	if err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "testdata/cloud-system.golden.yaml", r.YAML)
	golden.Check(t, "testdata/cloud-system.summary.golden", []byte(r.Summary.String()))
	m := importtest.Builds(t, r.YAML)
	kinds := map[string]string{}
	for _, e := range m.Elements() {
		kinds[e.ID] = string(e.Kind) + " in " + e.Parent
	}
	for id, want := range map[string]string{
		"customer": "actor in ", "payments": "actor in ", "cloud": "domain in ", "backend": "domain in cloud",
		"orders": "module in backend", "db": "module in backend", "dashboard": "module in ui",
		"ses": "module in amazon", "postgresql": "tech in data", "kafka": "tech in messaging",
	} {
		if kinds[id] != want {
			t.Errorf("%s: %q, want %q", id, kinds[id], want)
		}
	}
	flows := strings.Join(importtest.Flows(m), "\n") + "\n"
	for _, want := range []string{"api->orders calls gRPC", "orders->events publishes OrderPlaced ",
		"customer->dashboard opens in browser ", "api->payments charges cards HTTPS", "orders->ses sends confirmations "} {
		if !strings.Contains(flows, want+"\n") {
			t.Errorf("no flow %q in\n%s", want, flows)
		}
	}
	if m.Flows[0].From == "" || !strings.Contains(string(r.YAML), "description: A webhook call when a payment settles") {
		t.Error("a relation's description is not the flow's")
	}
}

func TestOlderShapes(t *testing.T) {
	in := `{"elements": {"shop": {"id": "shop", "kind": "system", "title": "Shop", "description": "Sells"},
	"shop.web": {"id": "shop.web", "kind": "container", "title": "Web", "technology": "Node.js"},
	"bank": {"id": "bank", "kind": "system", "title": "Bank"}},
	"relations": {"r1": {"source": "shop.web", "target": "bank", "title": "pays", "technology": "HTTPS"}}}`
	r, err := Import(importkit.File{Name: "l.json", Data: []byte(in)}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	m := importtest.Builds(t, r.YAML)
	if got := strings.Join(importtest.Flows(m), "\n"); got != "web->bank pays HTTPS" || m.Domains[0].Description != "Sells" || m.Actors[0].Kind != "external" {
		t.Errorf("flows %q, model %+v", got, m)
	}
}

func TestBadExports(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"not json", "elements:", "l.json:1:1: invalid character 'e' looking for beginning of value"},
		{"empty", "{}", "l.json: no elements; is this the output of likec4 export json?"},
		{"wrong type", `{"elements": {"a": {"title": 3}}}`, `l.json: "a": json: cannot unmarshal number into Go struct field jsonElement.title of type string`},
		{"broken", "{\"elements\": {\n\"a\": }}", "l.json:2:6: invalid character '}' looking for beginning of value"},
		{"too big", strings.Repeat(" ", importkit.MaxFileSize+1), "l.json: larger than the 10 MB an import reads from one file"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Import(importkit.File{Name: "l.json", Data: []byte(tc.in)}, Options{})
			if err == nil || err.Error() != tc.want {
				t.Errorf("error %v\nwant  %s", err, tc.want)
			}
		})
	}
}

// FuzzImport: no export makes the importer panic, and whatever it
// imports validates. Seeds: testdata/fuzz and the cloud-system export.
func FuzzImport(f *testing.F) {
	data, err := os.ReadFile("testdata/cloud-system/likec4.json")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	f.Add([]byte(`{"elements": {"a.b": {"title": ""}, "a": {}, "a.b.c": {"kind": "actor"}}, "relations": {"x": {"source": {"model": "a.b.c"}, "target": "a"}}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := Import(importkit.File{Name: "l.json", Data: data}, Options{Name: "fuzz"})
		if err != nil {
			return
		}
		if _, err := importtest.Parse(r.YAML); err != nil {
			t.Fatalf("import does not validate: %v\n%s", err, r.YAML)
		}
	})
}

// TestDSLMatchesExport: the .c4 source, read by archdoc's own parser,
// gives the same domains, modules and flows as likec4's export of it.
func TestDSLMatchesExport(t *testing.T) {
	data, err := os.ReadFile("testdata/cloud-system/model.c4")
	if err != nil {
		t.Fatal(err)
	}
	fromDSL, err := ImportDSL([]importkit.File{{Name: "model.c4", Data: data}}, Options{Name: "Cloud System"})
	if err != nil {
		t.Fatal(err)
	}
	fromJSON, err := ImportFile("testdata/cloud-system/likec4.json", Options{Name: "Cloud System"})
	if err != nil {
		t.Fatal(err)
	}
	m := importtest.Builds(t, fromDSL.YAML)
	// The header names the file read; the export lists relations in an
	// order of its own, so flows compare as sets.
	strip := func(b []byte) string {
		s := string(b)
		return s[strings.Index(s, "\nname:"):strings.Index(s, "\nflows:")]
	}
	if a, b := strip(fromDSL.YAML), strip(fromJSON.YAML); a != b {
		t.Errorf("DSL and export differ:\n%s", lineDiff(a, b))
	}
	sorted := func(fs []string) string { sort.Strings(fs); return strings.Join(fs, "\n") }
	if a, b := sorted(importtest.Flows(m)), sorted(importtest.Flows(fromJSON.Model)); a != b || len(m.Flows) != 13 {
		t.Errorf("flows differ:\n%s", lineDiff(a, b))
	}
}

func lineDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	var out []string
	for i := 0; i < len(al) || i < len(bl); i++ {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			out = append(out, fmt.Sprintf("%d: dsl  %q\n%d: json %q", i+1, x, i+1, y))
		}
		if len(out) > 10 {
			break
		}
	}
	return strings.Join(out, "\n")
}
