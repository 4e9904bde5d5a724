package structurizr

import (
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"github.com/archdoc/archdoc/internal/golden"
	"github.com/archdoc/archdoc/interop/internal/exporttest"
	"github.com/archdoc/archdoc/interop/internal/importkit"
	"github.com/archdoc/archdoc/interop/internal/importtest"
)

// testInclude reads includes from the test's files, as DirInclude does.
func testInclude(t testing.TB) IncludeFunc {
	return func(from, name string) (importkit.File, error) {
		p := path.Join(path.Dir(from), name)
		data, err := os.ReadFile(filepath.FromSlash(p))
		return importkit.File{Name: p, Data: data}, err
	}
}

func readFile(t testing.TB, name string) importkit.File {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return importkit.File{Name: filepath.ToSlash(name), Data: data}
}

// TestBigBank imports the DSL workspace and the JSON Structurizr wrote
// from it, checks both give the same domains, modules and flows, and
// builds the site.
func TestBigBank(t *testing.T) {
	dir := "testdata/import/bigbank/"
	dsl, err := Import(readFile(t, dir+"workspace.dsl"), testInclude(t), ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	golden.Check(t, dir+"architecture.golden.yaml", dsl.YAML)
	golden.Check(t, dir+"summary.golden", []byte(dsl.Summary.String()))
	m := importtest.Builds(t, dsl.YAML)
	js, err := Import(readFile(t, dir+"workspace.json"), nil, ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	golden.Check(t, dir+"json.summary.golden", []byte(js.Summary.String()))
	golden.Check(t, dir+"architecture-from-json.golden.yaml", js.YAML)
	mj := importtest.Builds(t, js.YAML)
	if a, b := outline(m), outline(mj); a != b {
		t.Errorf("DSL and JSON imports differ:\nDSL:\n%s\nJSON:\n%s", a, b)
	}
	kinds := map[string]string{}
	for _, e := range m.Elements() {
		kinds[e.ID] = string(e.Kind) + " in " + e.Parent
	}
	for id, want := range map[string]string{
		"customer": "actor in ", "mainframe": "actor in ", "internet-banking-system": "domain in ",
		"api-application": "module in internet-banking-system", "database": "module in internet-banking-system",
		"java": "tech in app", "spring-mvc": "tech in app", "oracle-database-schema": "tech in data",
	} {
		if kinds[id] != want {
			t.Errorf("%s: %q, want %q", id, kinds[id], want)
		}
	}
	flows := strings.Join(importtest.Flows(m), "\n") + "\n"
	for _, want := range []string{"customer->web-application Visits bigbank.com/ib using HTTPS",
		"single-page-application->api-application Makes API calls to JSON/HTTPS",
		"api-application->database Reads from and writes to SQL/TCP",
		"api-application->mainframe Makes API calls to XML/HTTPS"} {
		if !strings.Contains(flows, want+"\n") {
			t.Errorf("no flow %q in\n%s", want, flows)
		}
	}
}

// TestFixtureIsRealStructurizr: the workspace the import is tested on is
// one real Structurizr accepts (its !include included).
func TestFixtureIsRealStructurizr(t *testing.T) {
	exporttest.RealDSLFiles(t, "testdata/import/bigbank/workspace.dsl")
}
