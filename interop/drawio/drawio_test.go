package drawio

import (
	"bytes"
	"compress/flate"
	"encoding/base64"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/archdoc/archdoc/internal/golden"
	"github.com/archdoc/archdoc/model"
)

const seedFile = "testdata/business-model.drawio"

func readSeed(t testing.TB) []byte {
	t.Helper()
	data, err := os.ReadFile(seedFile)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func decodeBytes(t *testing.T, data []byte, opts Options) *Result {
	t.Helper()
	r, err := Decode(bytes.NewReader(data), opts)
	if err != nil {
		t.Fatalf("Decode: %v", err)
	}
	return r
}

// compress encodes an mxGraphModel the way diagrams.net does.
func compress(t testing.TB, xmlText string) string {
	t.Helper()
	var buf bytes.Buffer
	w, _ := flate.NewWriter(&buf, flate.BestCompression)
	w.Write([]byte(strings.ReplaceAll(url.QueryEscape(xmlText), "+", "%20")))
	w.Close()
	return base64.StdEncoding.EncodeToString(buf.Bytes())
}

// seedGraph is the seed's <mxGraphModel> element, verbatim.
func seedGraph(t testing.TB) string {
	s := string(readSeed(t))
	i, j := strings.Index(s, "<mxGraphModel"), strings.Index(s, "</mxGraphModel>")
	return s[i : j+len("</mxGraphModel>")]
}

func TestSeedGolden(t *testing.T) {
	r := decodeBytes(t, readSeed(t), Options{Source: "business-model.drawio"})
	goldenCheck(t, "business-model.golden.yaml", r.YAML)
	goldenCheck(t, "business-model.summary.golden", []byte(r.Summary.String()))
	if !bytes.HasPrefix(r.YAML, []byte("# yaml-language-server: $schema=./architecture.schema.json\n")) {
		t.Errorf("first line is not the schema comment:\n%s", r.YAML[:80])
	}
}

// TestSeedValidates: the imported YAML is a model the loader accepts.
func TestSeedValidates(t *testing.T) {
	r := decodeBytes(t, readSeed(t), Options{Source: "business-model.drawio"})
	m, err := model.Parse("architecture.yaml", r.YAML)
	if err != nil {
		t.Fatalf("imported model does not validate:\n%v\n%s", err, r.YAML)
	}
	for _, e := range r.Model.Elements() {
		got, ok := m.Element(e.ID)
		if !ok || got.Kind != e.Kind || got.Name != e.Name {
			t.Errorf("imported %s %q (%s) reads back as %+v", e.Kind, e.ID, e.Name, got)
		}
	}
	if len(m.Flows) != len(r.Model.Flows) || len(m.Notes) != len(r.Model.Notes) {
		t.Errorf("reparsed: %d flows, %d notes; imported %d, %d", len(m.Flows), len(m.Notes), len(r.Model.Flows), len(r.Model.Notes))
	}
}

func TestCompressedPageImportsLikePlain(t *testing.T) {
	plain := decodeBytes(t, readSeed(t), Options{Source: "x.drawio"})
	file := `<mxfile host="app.diagrams.net" compressed="true"><diagram id="a" name="EB">` +
		compress(t, seedGraph(t)) + `</diagram></mxfile>`
	packed := decodeBytes(t, []byte(file), Options{Source: "x.drawio"})
	if !bytes.Equal(plain.YAML, packed.YAML) {
		t.Errorf("compressed page imports differently:\n%s\nvs plain:\n%s", packed.YAML, plain.YAML)
	}
	if *golden.Update {
		os.WriteFile("testdata/business-model-compressed.drawio", []byte(file), 0o644)
	}
}

func TestBareGraphModel(t *testing.T) {
	r := decodeBytes(t, []byte(seedGraph(t)), Options{Source: "business-model.drawio"})
	if r.Model.Name != "business-model" || len(r.Model.Domains) != 3 {
		t.Errorf("bare mxGraphModel: name %q, %d domains", r.Model.Name, len(r.Model.Domains))
	}
}

const twoPages = `<mxfile><diagram name="Overview"><mxGraphModel><root><mxCell id="0"/><mxCell id="1" parent="0"/>
<mxCell id="a" value="Shop" style="rounded=0;" vertex="1" parent="1"><mxGeometry x="0" y="0" width="100" height="50" as="geometry"/></mxCell>
</root></mxGraphModel></diagram><diagram name="Detail">%s</diagram></mxfile>`

func TestPages(t *testing.T) {
	detail := `<mxGraphModel><root><mxCell id="0"/><mxCell id="1" parent="0"/>` +
		`<mxCell id="u" value="Buyer" style="shape=umlActor;" vertex="1" parent="1"><mxGeometry x="0" y="0" width="30" height="60" as="geometry"/></mxCell>` +
		`</root></mxGraphModel>`
	file := []byte(strings.Replace(twoPages, "%s", compress(t, detail), 1))
	for _, tc := range []struct{ page, wantName string }{
		{"", "Overview"}, {"1", "Overview"}, {"Detail", "Detail"}, {"2", "Detail"},
	} {
		r := decodeBytes(t, file, Options{Page: tc.page})
		if r.Summary.Page != tc.wantName || r.Summary.Pages != 2 {
			t.Errorf("--page %q imported %q of %d", tc.page, r.Summary.Page, r.Summary.Pages)
		}
	}
	r := decodeBytes(t, file, Options{Page: "Detail"})
	if len(r.Model.Actors) != 1 || r.Model.Actors[0].Name != "Buyer" {
		t.Errorf("page Detail: actors %+v", r.Model.Actors)
	}
	_, err := Decode(bytes.NewReader(file), Options{Page: "3"})
	if err == nil || err.Error() != `no page "3"; pages: 1 "Overview", 2 "Detail"` {
		t.Errorf("missing page: %v", err)
	}
}

// goldenCheck compares got with testdata/<name>.
func goldenCheck(t *testing.T, name string, got []byte) {
	t.Helper()
	golden.Check(t, filepath.Join("testdata", name), got)
}

func TestSummarySaysOneInTheSingular(t *testing.T) {
	s := Summary{Page: "EB", PageIndex: 1, Pages: 1, Actors: 1, Domains: 1, Modules: 1, Flows: 1, Notes: 1}
	want := "imported page \"EB\" (1 of 1): 1 actor, 1 domain, 1 module, 1 flow, 1 note, 0 skipped\n"
	if got := s.String(); got != want {
		t.Errorf("summary\n got: %q\nwant: %q", got, want)
	}
}
