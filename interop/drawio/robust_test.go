package drawio

import (
	"bytes"
	"compress/flate"
	"compress/zlib"
	"encoding/base64"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"image"
	"image/png"
	"net/url"
	"strings"
	"testing"

	"github.com/archdoc/archdoc/model"
)

func deflated(t *testing.T, data []byte) string {
	t.Helper()
	var buf bytes.Buffer
	w, _ := flate.NewWriter(&buf, flate.BestCompression)
	w.Write(data)
	w.Close()
	return base64.StdEncoding.EncodeToString(buf.Bytes())
}

// TestBadInput: hostile or broken files end in a clear error.
func TestBadInput(t *testing.T) {
	small := Limits{MaxBytes: 1 << 20, MaxDepth: 20, MaxElements: 1000, MaxShapes: 50}
	bomb := `<mxfile><diagram name="x">` + deflated(t, make([]byte, 2<<20)) + `</diagram></mxfile>`
	cell := `<mxCell id="c%d" value="b" vertex="1" parent="1"><mxGeometry width="10" height="10" as="geometry"/></mxCell>`
	var many strings.Builder
	for i := range 60 {
		fmt.Fprintf(&many, cell, i)
	}
	for _, tc := range []struct {
		name, in string
		lim      Limits
		want     string
	}{
		{"empty", ``, Limits{}, "not a draw.io file: no XML element found"},
		{"garbage", "\x00\x01PK\x03\x04", Limits{}, "malformed XML at line 1"},
		{"unclosed", `<mxfile><diagram name="a">`, Limits{}, "malformed XML at line 1: unexpected EOF"},
		{"html", `<html><body/></html>`, Limits{}, "not a draw.io file: root element is <html>"},
		{"no pages", `<mxfile/>`, Limits{}, "draw.io file has no pages"},
		{"empty page", `<mxfile><diagram name="a"></diagram></mxfile>`, Limits{}, `page "a": empty page`},
		{"bad base64", `<mxfile><diagram name="a">@@@@</diagram></mxfile>`, Limits{}, "not valid base64"},
		{"bad deflate", `<mxfile><diagram name="a">` + base64.StdEncoding.EncodeToString([]byte("hello world")) + `</diagram></mxfile>`, Limits{}, "not valid DEFLATE"},
		{"zip bomb", bomb, small, "compressed page expands to more than 1048576 bytes"},
		{"too big", strings.Repeat(" ", 2<<20), small, "file is larger than the 1 MB limit for a diagram"},
		{"too deep", strings.Repeat("<a>", 30) + strings.Repeat("</a>", 30), small, "XML nested deeper than 20 levels"},
		{"too many elements", "<a>" + strings.Repeat("<b/>", 1200) + "</a>", small, "too many XML elements"},
		{"too many shapes", `<mxGraphModel><root><mxCell id="0"/><mxCell id="1" parent="0"/>` + many.String() + `</root></mxGraphModel>`, small, "page has 60 shapes; the importer handles at most 50"},
		{"unknown entity", `<mxGraphModel a="&bogus;"/>`, Limits{}, "malformed XML at line 1: invalid character entity &bogus;"},
		{"no root", `<mxGraphModel/>`, Limits{}, "<mxGraphModel> has no <root>"},
		{"duplicate id", `<mxGraphModel><root><mxCell id="0"/><mxCell id="0"/></root></mxGraphModel>`, Limits{}, `duplicate cell id "0"`},
		{"svg without diagram", `<svg xmlns="http://www.w3.org/2000/svg"/>`, Limits{}, "SVG file without an embedded draw.io diagram"},
		{"entity", `<!DOCTYPE x [<!ENTITY e "boom">]><mxGraphModel a="&e;"/>`, Limits{}, "malformed XML"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Decode(strings.NewReader(tc.in), Options{Limits: tc.lim})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want one containing %q", err, tc.want)
			}
		})
	}
}

// TestDefaultZipBombLimit: the default limit (50 MB) holds.
func TestDefaultZipBombLimit(t *testing.T) {
	bomb := `<mxfile><diagram name="x">` + deflated(t, make([]byte, defaultMaxBytes+1)) + `</diagram></mxfile>`
	_, err := Decode(strings.NewReader(bomb), Options{})
	if err == nil || !strings.Contains(err.Error(), "expands to more than") {
		t.Errorf("got %v", err)
	}
}

// graph wraps cells in a page.
func graph(cells string) string {
	return `<mxGraphModel><root><mxCell id="0"/><mxCell id="1" parent="0"/>` + cells + `</root></mxGraphModel>`
}

func box(id, value, style string, x, y, w, h int, parent string) string {
	return fmt.Sprintf(`<mxCell id="%s" value="%s" style="%s" vertex="1" parent="%s"><mxGeometry x="%d" y="%d" width="%d" height="%d" as="geometry"/></mxCell>`,
		id, value, style, parent, x, y, w, h)
}

func edge(id, value, style, src, dst string) string {
	return fmt.Sprintf(`<mxCell id="%s" value="%s" style="%s" edge="1" parent="1" source="%s" target="%s"><mxGeometry relative="1" as="geometry"/></mxCell>`,
		id, value, style, src, dst)
}

// TestShapes covers the mapping rules the seed does not use.
func TestShapes(t *testing.T) {
	in := graph(
		// a swimlane with its label as name, holding a group-relative child
		box("lane", "Payments", "swimlane;", 0, 0, 400, 300, "1") +
			box("svc", "Payment API", "rounded=1;", 20, 40, 120, 60, "lane") +
			box("sub", "", "container=1;", 180, 40, 200, 200, "lane") +
			box("ledger", "Ledger&lt;div&gt;• post entries&lt;/div&gt;", "html=1;", 10, 30, 100, 50, "sub") +
			// an unlabelled container with nothing to name it
			box("anon", "", "", 500, 0, 300, 300, "1") +
			box("x", "Mailer", "", 520, 20, 100, 50, "1") +
			// a bank shown as a plain top-level box
			box("bank", "Bank", "ellipse;", 900, 0, 80, 80, "1") +
			box("u", "Shopper", "shape=umlActor;", -200, 0, 30, 60, "1") +
			box("blank", "", "", 1200, 0, 50, 50, "1") +
			box("n", "Retries 3 times", "text;", 0, 310, 100, 20, "1") +
			edge("e1", "pays", "", "u", "svc") +
			edge("e2", "settle", "endArrow=none;startArrow=classic;", "bank", "ledger") +
			edge("e3", "", "", "x", "lane") +
			edge("e4", "", "", "u", "nowhere") +
			`<mxCell id="e5" value="loose" edge="1" parent="1" source="x"><mxGeometry relative="1" as="geometry"><mxPoint x="950" y="40" as="targetPoint"/></mxGeometry></mxCell>`)
	r := decodeBytes(t, []byte(in), Options{Name: "shapes"})
	goldenCheck(t, "shapes.golden.yaml", r.YAML)
	if _, err := model.Parse("architecture.yaml", r.YAML); err != nil {
		t.Fatalf("does not validate: %v\n%s", err, r.YAML)
	}
	m := r.Model
	want := map[string][2]string{ // name -> kind, parent name
		"Payments": {"domain", ""}, "Payment API": {"module", "Payments"}, "Domain 1": {"domain", "Payments"},
		"Ledger": {"module", "Domain 1"}, "Domain 2": {"domain", ""}, "Mailer": {"module", "Domain 2"},
		"Bank": {"domain", ""}, "Shopper": {"actor", ""},
	}
	got := map[string][2]string{}
	for _, e := range m.Elements() {
		p, _ := m.Element(e.Parent)
		got[e.Name] = [2]string{string(e.Kind), p.Name}
	}
	for name, w := range want {
		if got[name] != w {
			t.Errorf("%s: got %v, want %v", name, got[name], w)
		}
	}
	flows := map[string]string{}
	for _, f := range m.Flows {
		flows[f.Label] = f.From + "->" + f.To
	}
	for label, w := range map[string]string{"pays": "shopper->payment-api", "settle": "ledger->bank", "": "mailer->payments", "loose": "mailer->bank"} {
		if flows[label] != w {
			t.Errorf("flow %q: %q, want %q", label, flows[label], w)
		}
	}
	if len(m.Notes) != 1 || m.Notes[0].On != "payments" {
		t.Errorf("notes: %+v", m.Notes)
	}
	if s := r.Summary; len(s.Skipped) != 2 {
		t.Errorf("skipped: %q", s.Skipped)
	}
}

// TestHTMLEntityInAttribute: a raw &nbsp; from a hand-edited file reads
// as a space instead of failing the whole import.
func TestHTMLEntityInAttribute(t *testing.T) {
	r := decodeBytes(t, []byte(graph(box("a", "Web&nbsp;shop", "html=1;", 0, 0, 10, 10, "1"))), Options{})
	if got := r.Model.Domains[0].Modules[0].Name; got != "Web shop" {
		t.Errorf("name %q", got)
	}
}

func TestLabels(t *testing.T) {
	for _, tc := range []struct {
		in   string
		html bool
		want []string
	}{
		{"返利业务<br>1.商家浏览记录<br>2.出站记录", true, []string{"返利业务", "商家浏览记录", "出站记录"}},
		{"<ol><li style=\"a\">登录注册</li><li>卡券功能&nbsp;</li></ol>", true, []string{"登录注册", "卡券功能"}},
		{"<div>A &amp; B</div><div><b>C</b>&lt;D&gt;</div>", true, []string{"A & B", "C<D>"}},
		{"Line 1\nLine 2", false, []string{"Line 1", "Line 2"}},
		{"<br>x<br/>", true, []string{"x"}},
		{"a < b", true, []string{"a < b"}},
		{"<style>p{}</style>x<!-- c -->y", true, []string{"xy"}},
		{"一、总览<br>- item", true, []string{"总览", "item"}},
		// wrapped numbered items are glued back; a bullet list is not
		{"App<br>1. first item that<br>wrapped<br>2. 依托卡券、红包的相关业<br>务：抽奖", true, []string{"App", "first item that wrapped", "依托卡券、红包的相关业务：抽奖"}},
		{"App<br>- one<br>two", true, []string{"App", "one", "two"}},
	} {
		got := parseLabel(tc.in, tc.html).lines
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("parseLabel(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestSlug(t *testing.T) {
	ids := idSet{}
	for _, tc := range []struct{ name, prefix, want string }{
		{"Anonymous User", "a", "anonymous-user"},
		{"Coupon业务", "m", "coupon"},
		{"Coupon业务", "m", "coupon-2"},
		{"用户中心模块", "m", slug("用户中心模块", "m")},
		{"3D Viewer", "m", "m-3d-viewer"},
		{"", "d", "d-1c9dc5"},
	} {
		if got := ids.take(slug(tc.name, tc.prefix)); got != tc.want {
			t.Errorf("slug(%q) = %q, want %q", tc.name, got, tc.want)
		}
	}
	if s := slug("用户中心模块", "m"); !strings.HasPrefix(s, "m-") || len(s) != 8 || s == slug("后台", "m") {
		t.Errorf("CJK slug %q", s)
	}
}

// pngWith builds a small PNG carrying chunk (type, data) before IEND.
func pngWith(t testing.TB, typ string, data []byte) []byte {
	t.Helper()
	var img bytes.Buffer
	if err := png.Encode(&img, image.NewGray(image.Rect(0, 0, 1, 1))); err != nil {
		t.Fatal(err)
	}
	b := img.Bytes()
	iend := len(b) - 12
	var chunk bytes.Buffer
	binary.Write(&chunk, binary.BigEndian, uint32(len(data)))
	chunk.WriteString(typ)
	chunk.Write(data)
	binary.Write(&chunk, binary.BigEndian, crc32.ChecksumIEEE(append([]byte(typ), data...)))
	return append(append(append([]byte(nil), b[:iend]...), chunk.Bytes()...), b[iend:]...)
}

func TestDrawioPNG(t *testing.T) {
	seed := readSeed(t)
	text := append([]byte("mxfile\x00"), []byte(strings.ReplaceAll(url.QueryEscape(string(seed)), "+", "%20"))...)
	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	zw.Write(seed)
	zw.Close()
	ztext := append([]byte("mxfile\x00\x00"), z.Bytes()...)
	plain := decodeBytes(t, seed, Options{Source: "business-model.drawio"})
	for name, file := range map[string][]byte{"tEXt": pngWith(t, "tEXt", text), "zTXt": pngWith(t, "zTXt", ztext)} {
		got := decodeBytes(t, file, Options{Source: "business-model.drawio"})
		if !bytes.Equal(got.YAML, plain.YAML) {
			t.Errorf("%s: PNG imports differently:\n%s", name, got.YAML[:300])
		}
	}
	_, err := Decode(bytes.NewReader(pngWith(t, "tEXt", []byte("Software\x00x"))), Options{})
	if err == nil || !strings.Contains(err.Error(), "PNG file without an embedded draw.io diagram") {
		t.Errorf("plain PNG: %v", err)
	}
	trunc := pngWith(t, "tEXt", text)[:40]
	if _, err := Decode(bytes.NewReader(trunc), Options{}); err == nil || !strings.Contains(err.Error(), "truncated") {
		t.Errorf("truncated PNG: %v", err)
	}
}
