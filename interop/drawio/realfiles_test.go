package drawio

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/archdoc/archdoc/model"
)

// importFile imports one page of a testdata file, checks the result
// validates, and compares it with testdata/<golden> when golden is set.
func importFile(t *testing.T, file, page, golden string) (*Result, *model.Model) {
	t.Helper()
	data, err := os.ReadFile("testdata/" + file)
	if err != nil {
		t.Fatal(err)
	}
	r, err := Decode(bytes.NewReader(data), Options{Source: file, Page: page})
	if err != nil {
		t.Fatalf("%s page %q: %v", file, page, err)
	}
	m, err := model.Parse("architecture.yaml", r.YAML)
	if err != nil {
		t.Fatalf("%s page %q does not validate: %v\n%s", file, page, err, r.YAML)
	}
	if golden != "" {
		goldenCheck(t, golden, r.YAML)
	}
	return r, m
}

func byName(m *model.Model) map[string]model.Element {
	out := map[string]model.Element{}
	for _, e := range m.Elements() {
		out[e.Name] = e
	}
	return out
}

func flowSet(m *model.Model) map[string]bool {
	out := map[string]bool{}
	for _, f := range m.Flows {
		from, _ := m.Element(f.From)
		to, _ := m.Element(f.To)
		out[from.Name+" -> "+to.Name+": "+f.Label+" ["+f.Protocol+"]"] = true
	}
	return out
}

// TestC4Library: draw.io's own C4 shapes keep their names in the
// <object>'s attributes behind %c4Name% placeholders; the Person shape is
// an actor, the boundary a domain, relationships flows with technology.
func TestC4Library(t *testing.T) {
	r, m := importFile(t, "c4-library.drawio", "", "c4-library.golden.yaml")
	if bytes.Contains(r.YAML, []byte("%c4")) {
		t.Errorf("placeholders left in the import:\n%s", r.YAML)
	}
	els := byName(m)
	for name, want := range map[string]string{
		"Personal Banking Customer": "actor", "Internet Banking": "domain", "Web Application": "module",
		"API Application": "module", "Database": "module",
	} {
		if got := string(els[name].Kind); got != want {
			t.Errorf("%q is %q, want %q", name, got, want)
		}
	}
	if a := els["Mainframe Banking System"].Actor; a == nil || a.Kind != "external" {
		t.Errorf("the grey C4 software system is not an external actor: %+v", els["Mainframe Banking System"])
	}
	if p := els["Web Application"].Parent; p != "internet-banking" {
		t.Errorf("Web Application in %q", p)
	}
	if d := els["Database"].Module.Description; !strings.Contains(d, "Stores user registration") || !strings.Contains(d, "Oracle Database Schema") {
		t.Errorf("Database description %q", d)
	}
	fs := flowSet(m)
	for _, f := range []string{
		"Personal Banking Customer -> Web Application: Visits bigbank.com/ib using [HTTPS]",
		"API Application -> Database: Reads from and writes to [JDBC]",
		// a head at each end: a flow each way
		"Database -> API Application: Reads from and writes to [JDBC]",
	} {
		if !fs[f] {
			t.Errorf("missing flow %s; have %v", f, fs)
		}
	}
}

// TestLikeC4Export: LikeC4's draw.io export gives its default layer a
// size and a style; draw.io still draws it as a layer, not a box around
// everything, and no page imports empty.
func TestLikeC4Export(t *testing.T) {
	for _, tc := range []struct{ page, domain string }{{"1", "Landscape"}, {"2", "Shop"}, {"3", "Warehouse"}} {
		_, m := importFile(t, "likec4-export.drawio", tc.page, "")
		if len(m.Domains) != 1 || m.Domains[0].Name != tc.domain {
			t.Errorf("page %s: domains %+v, want one named %q", tc.page, m.Domains, tc.domain)
		}
		for _, e := range m.Elements() {
			if strings.HasPrefix(e.Name, "Domain ") || strings.HasPrefix(e.Name, "Module ") {
				t.Errorf("page %s: placeholder %s %q", tc.page, e.Kind, e.Name)
			}
		}
	}
	_, m := importFile(t, "likec4-export.drawio", "2", "likec4-shop.golden.yaml")
	els := byName(m)
	if els["Shopper"].Kind != model.KindActor || els["Orders API"].Parent != "shop" {
		t.Errorf("Shop page: %+v", m)
	}
}

// TestFlatIconDiagram: a flat AWS diagram: one domain for its boxes,
// short multi-line labels kept whole, unlabelled icons named from their
// caption or their shape, two-headed arrows a flow each way.
func TestFlatIconDiagram(t *testing.T) {
	r, m := importFile(t, "aws-flat.drawio", "", "aws-flat.golden.yaml")
	if len(m.Domains) != 1 {
		t.Errorf("%d domains, want 1 holding the page's boxes", len(m.Domains))
	}
	els := byName(m)
	for name, kind := range map[string]model.Kind{"RDS\nMaster": model.KindModule, "RDS\nSlave": model.KindModule,
		"CLOUD\nUSER": model.KindActor, "Order handler": model.KindModule, "API Gateway": model.KindModule,
		"Bucket With Objects": model.KindModule} {
		if els[name].Kind != kind {
			t.Errorf("%q: %q, want %s", name, els[name].Kind, kind)
		}
	}
	if len(m.Notes) != 0 {
		t.Errorf("a caption became a note: %+v", m.Notes)
	}
	fs := flowSet(m)
	for _, f := range []string{"Order handler -> RDS\nMaster: SQL []", "RDS\nMaster -> Order handler: SQL []",
		"RDS\nMaster -> RDS\nSlave: replication []"} {
		if !fs[f] {
			t.Errorf("missing flow %q; have %v", f, fs)
		}
	}
	if len(r.Summary.Skipped) != 0 {
		t.Errorf("skipped %q", r.Summary.Skipped)
	}
}

// TestParentCycleSkipped: shapes whose parents loop are not drawn by
// draw.io; the import says it skipped them instead of "0 skipped".
func TestParentCycleSkipped(t *testing.T) {
	g := graph(box("a", "Loop A", "", 0, 0, 100, 50, "b") + box("b", "Loop B", "", 0, 0, 100, 50, "a") +
		box("c", "Shop", "", 200, 0, 100, 50, "1") + box("d", "Lost", "", 400, 0, 100, 50, "nowhere"))
	r := decodeBytes(t, []byte(g), Options{})
	got := strings.Join(r.Summary.Skipped, "\n")
	for _, want := range []string{"draw.io a: its parents form a cycle", "draw.io b: its parents form a cycle",
		`draw.io d: its parent "nowhere" does not exist`} {
		if !strings.Contains(got, want) {
			t.Errorf("skipped lacks %q:\n%s", want, got)
		}
	}
	if !strings.Contains(r.Summary.String(), "3 skipped") {
		t.Errorf("summary: %s", r.Summary)
	}
}

// TestEmptyPageFails: a page with nothing to import is an error naming
// what was looked for, not an empty model with exit 0.
func TestEmptyPageFails(t *testing.T) {
	g := `<mxGraphModel><root><mxCell id="0"/><mxCell id="1" value="" style="fillColor=none;strokeColor=none;" vertex="1" parent="0">` +
		`<mxGeometry width="800" height="600" as="geometry"/></mxCell></root></mxGraphModel>`
	_, err := Decode(strings.NewReader(g), Options{})
	want := `page "Page-1": nothing to import: none of its 2 cells is a shape, text or arrow archdoc reads`
	if err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("error = %v\nwant %s...", err, want)
	}
}

// TestShortLabelName: which short multi-line labels are one name.
func TestShortLabelName(t *testing.T) {
	for _, tc := range []struct{ value, name string }{
		{"RDS<br>Master", "RDS\nMaster"},
		{"CLOUD<br>USER", "CLOUD\nUSER"},
		{"Shop<div>The online shop</div>", "Shop"},
		{"订单服务<br>创建、查询", "订单服务"},
		{"Cart<br>1. add<br>2. pay", "Cart"},
		{"Gateway<br>(nginx)", "Gateway"},
	} {
		if got := parseLabel(tc.value, true).name(); got != tc.name {
			t.Errorf("%q: name %q, want %q", tc.value, got, tc.name)
		}
	}
}
