package mxfile

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/archdoc/archdoc/internal/golden"
	"github.com/archdoc/archdoc/render/internal/rendertest"
	"github.com/archdoc/archdoc/render/scene"
)

func render(t *testing.T, scenes ...*scene.Scene) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Render(&b, scenes...); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// mustLoad parses and checks a .drawio file like diagrams.net would.
func mustLoad(t *testing.T, data []byte) []drawioPage {
	t.Helper()
	pages, err := readDrawio(data)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range pages {
		for _, e := range checkPage(p) {
			t.Error(e)
		}
	}
	return pages
}

func TestGoldenHandBuilt(t *testing.T) {
	scenes := rendertest.HandBuiltList(t)
	got := render(t, scenes...)
	golden.Check(t, filepath.Join("testdata", "handbuilt.drawio.golden"), got)
	pages := mustLoad(t, got)
	if len(pages) != len(scenes) {
		t.Fatalf("%d pages, want one per scene (%d)", len(pages), len(scenes))
	}
	if pages[0].ID != "business" || pages[1].ID != "flow-withdraw" {
		t.Errorf("page ids = %q, %q", pages[0].ID, pages[1].ID)
	}
	if !bytes.Equal(got, render(t, scenes...)) {
		t.Error("two renders differ")
	}
}

// The checker must accept a real diagrams.net file, or it proves nothing.
func TestCheckerAcceptsSeedFile(t *testing.T) {
	data, err := os.ReadFile("../../testdata/seed/business-model.drawio")
	if err != nil {
		t.Skipf("seed copy missing: %v", err)
	}
	pages := mustLoad(t, data)
	if len(pages) != 1 || len(pages[0].Cells) < 30 {
		t.Errorf("seed read as %d pages", len(pages))
	}
}

func TestCheckerRejectsBrokenFiles(t *testing.T) {
	for name, doc := range map[string]string{
		"child before parent": `<mxfile><diagram name="p"><mxGraphModel pageWidth="100" pageHeight="100"><root><mxCell id="0"/><mxCell id="1" parent="0"/><mxCell id="a" vertex="1" parent="b"><mxGeometry width="1" height="1" as="geometry"/></mxCell><mxCell id="b" vertex="1" parent="1"><mxGeometry width="1" height="1" as="geometry"/></mxCell></root></mxGraphModel></diagram></mxfile>`,
		"outside page":        `<mxfile><diagram name="p"><mxGraphModel pageWidth="100" pageHeight="100"><root><mxCell id="0"/><mxCell id="1" parent="0"/><mxCell id="b" vertex="1" parent="1"><mxGeometry x="90" width="20" height="1" as="geometry"/></mxCell></root></mxGraphModel></diagram></mxfile>`,
		"dangling edge":       `<mxfile><diagram name="p"><mxGraphModel pageWidth="100" pageHeight="100"><root><mxCell id="0"/><mxCell id="1" parent="0"/><mxCell id="e" edge="1" parent="1" source="x"><mxGeometry relative="1" as="geometry"/></mxCell></root></mxGraphModel></diagram></mxfile>`,
		"duplicate id":        `<mxfile><diagram name="p"><mxGraphModel pageWidth="100" pageHeight="100"><root><mxCell id="0"/><mxCell id="1" parent="0"/><mxCell id="1" parent="0"/></root></mxGraphModel></diagram></mxfile>`,
	} {
		pages, err := readDrawio([]byte(doc))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if errs := checkPage(pages[0]); len(errs) == 0 {
			t.Errorf("%s: checker found nothing wrong", name)
		}
	}
}

func TestContainersAndShapes(t *testing.T) {
	pages := mustLoad(t, render(t, rendertest.HandBuiltList(t)...))
	p := pages[0]
	uc, ok := cellByID(p, "n-user-center")
	if !ok {
		t.Fatal("no cell n-user-center")
	}
	// Modules sit inside their domain container with relative geometry.
	if uc.Parent != "c-frontend" || uc.Geo.X != 240 || uc.Geo.Y != 250 {
		t.Errorf("user-center: parent %q at (%g,%g), want c-frontend at (240,250)", uc.Parent, uc.Geo.X, uc.Geo.Y)
	}
	if !strings.Contains(uc.Style, "rounded=1") {
		t.Errorf("module style %q is not a rounded box", uc.Style)
	}
	fe, _ := cellByID(p, "c-frontend")
	if !strings.Contains(fe.Style, "container=1") || fe.Value != "前台" {
		t.Errorf("frontend container: style %q value %q", fe.Style, fe.Value)
	}
	if a, _ := cellByID(p, "n-anonymous"); !strings.Contains(a.Style, "shape=umlActor") {
		t.Errorf("actor style %q", a.Style)
	}
	if n, _ := cellByID(p, "n-soft-login"); !strings.Contains(n.Style, "shape=note") {
		t.Errorf("note style %q", n.Style)
	}
	e, _ := cellByID(p, "e-login")
	if e.Source != "n-anonymous" || e.Target != "n-user" || e.Value != "登录/注册" {
		t.Errorf("edge login: %+v", e)
	}
	if c, _ := cellByID(p, "e-frontend-data"); c.Source != "c-frontend" || c.Target != "c-data" {
		t.Errorf("cluster edge: %+v", c)
	}
	if c, _ := cellByID(p, "e-browse"); c.Geo.Points == 0 {
		t.Error("curved edge browse has no waypoints")
	}
	if c, _ := cellByID(p, "e-login"); c.Geo.Points != 0 {
		t.Error("straight edge login has waypoints")
	}
}

func TestLabelsAreEscapedForHTML(t *testing.T) {
	doc := render(t, rendertest.HandBuiltList(t)...)
	if bytes.Contains(doc, []byte("<script")) || bytes.Contains(doc, []byte("&lt;script")) {
		t.Fatal("a <script> label reaches diagrams.net's HTML renderer unescaped")
	}
	p := mustLoad(t, doc)[0]
	pay, _ := cellByID(p, "n-payment")
	if want := "支付网关 &#34;Pay<br>&#34; &lt;script&gt;alert(1)&lt;/script&gt;"; pay.Value != want {
		t.Errorf("label value = %q, want %q", pay.Value, want)
	}
	if want := `tooltip &#34;quoted&#34; &lt;script&gt;x&lt;/script&gt; &amp; more`; pay.Tooltip != want {
		t.Errorf("tooltip = %q, want %q", pay.Tooltip, want)
	}
}

func TestSequencePage(t *testing.T) {
	p := mustLoad(t, render(t, rendertest.HandBuiltList(t)...))[1]
	if l, ok := cellByID(p, "l-wallet"); !ok || !strings.Contains(l.Style, "dashed=1") {
		t.Errorf("lifeline of wallet: %+v", l)
	}
	m, _ := cellByID(p, "e-withdraw-3")
	if m.Value != "3. 扣减余额" {
		t.Errorf("message value = %q", m.Value)
	}
}

// checkEveryElementHasACell proves the page shows the whole scene: a cell
// per node, cluster and edge, edges joining the cells of their ends, and
// nodes inside the container of their cluster.
func checkEveryElementHasACell(t *testing.T, p drawioPage, s *scene.Scene) {
	t.Helper()
	for _, c := range s.Clusters {
		if _, ok := cellByID(p, "c-"+c.ID); !ok {
			t.Errorf("%s: no cell for cluster %s", s.ID, c.ID)
		}
	}
	for _, n := range s.Nodes {
		c, ok := cellByID(p, "n-"+n.ID)
		if !ok {
			t.Errorf("%s: no cell for node %s", s.ID, n.ID)
			continue
		}
		if n.Parent != "" && c.Parent != "c-"+n.Parent {
			t.Errorf("%s: node %s has parent %q, want its cluster c-%s", s.ID, n.ID, c.Parent, n.Parent)
		}
	}
	for _, e := range s.Edges {
		c, ok := cellByID(p, "e-"+e.ID)
		if !ok {
			t.Errorf("%s: no cell for edge %s", s.ID, e.ID)
			continue
		}
		if s.Kind == scene.KindGraph && (!strings.HasSuffix(c.Source, "-"+e.From) || !strings.HasSuffix(c.Target, "-"+e.To)) {
			t.Errorf("%s: edge %s joins %q->%q, want %s->%s", s.ID, e.ID, c.Source, c.Target, e.From, e.To)
		}
	}
}
