package drawio

import (
	"encoding/xml"
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/archdoc/archdoc/model"
	"github.com/archdoc/archdoc/render/view"
)

// rawCell is the seed read with encoding/xml directly, independently of
// the importer's own reader, so the round trip checks the importer
// against the file and not against itself.
type rawCell struct {
	ID     string `xml:"id,attr"`
	Value  string `xml:"value,attr"`
	Style  string `xml:"style,attr"`
	Parent string `xml:"parent,attr"`
	Vertex string `xml:"vertex,attr"`
	Edge   string `xml:"edge,attr"`
	Source string `xml:"source,attr"`
	Target string `xml:"target,attr"`
}

func rawCells(t *testing.T) map[string]rawCell {
	var f struct {
		Cells []rawCell `xml:"diagram>mxGraphModel>root>mxCell"`
	}
	if err := xml.Unmarshal(readSeed(t), &f); err != nil {
		t.Fatal(err)
	}
	out := map[string]rawCell{}
	for _, c := range f.Cells {
		out[c.ID] = c
	}
	return out
}

var (
	tagRE  = regexp.MustCompile(`<[^>]*>`)
	numRE  = regexp.MustCompile(`^\d+\.\s*`)
	lineRE = regexp.MustCompile(`(?i)<br\s*/?>|</?(div|li|ol|ul|p)[^>]*>`)
)

// rawLines is a label's visible lines, numbering dropped.
func rawLines(v string) []string {
	var out []string
	for _, l := range strings.Split(lineRE.ReplaceAllString(v, "\n"), "\n") {
		l = strings.TrimSpace(strings.ReplaceAll(html.UnescapeString(tagRE.ReplaceAllString(l, "")), "\u00a0", " "))
		if l = numRE.ReplaceAllString(l, ""); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// TestSeedRoundTrip: every labelled box of the seed has a counterpart in
// the model (a name, feature, description or note line) and every
// labelled arrow a flow with its label between the right elements, and
// the business view shows them.
func TestSeedRoundTrip(t *testing.T) {
	r := decodeBytes(t, readSeed(t), Options{Source: "business-model.drawio"})
	m, err := model.Parse("architecture.yaml", r.YAML)
	if err != nil {
		t.Fatal(err)
	}
	texts := modelTexts(m)
	cells := rawCells(t)
	labelled := 0
	for _, c := range cells {
		parent := cells[c.Parent]
		if c.Vertex != "1" || parent.Edge == "1" {
			continue
		}
		for _, l := range rawLines(c.Value) {
			labelled++
			if !texts[l] {
				t.Errorf("box %s: line %q has no counterpart in the model", c.ID, l)
			}
		}
	}
	if labelled < 30 {
		t.Fatalf("only %d labelled lines found in the seed: reading it went wrong", labelled)
	}

	v, err := view.Get(m, "business")
	if err != nil {
		t.Fatal(err)
	}
	shown := map[string]bool{}
	for _, n := range v.Nodes {
		shown[n.Label] = true
	}
	for _, c := range v.Clusters {
		shown[c.Label] = true
	}
	for _, e := range m.Elements() {
		if e.Kind == model.KindActor || e.Kind == model.KindDomain || e.Kind == model.KindModule {
			if !shown[e.Name] {
				t.Errorf("business view does not show %s %q", e.Kind, e.Name)
			}
		}
	}

	arrows := 0
	for _, c := range cells {
		if c.Edge != "1" {
			continue
		}
		lbl := strings.Join(rawLines(c.Value), " ")
		for _, l := range cells {
			if l.Parent == c.ID {
				lbl += strings.Join(rawLines(l.Value), " ")
			}
		}
		if lbl == "" {
			continue
		}
		arrows++
		from, to := endName(cells, c.Source), endName(cells, c.Target)
		if !hasFlow(m, v, lbl, from, to) {
			t.Errorf("arrow %s %q (%s → %s) has no flow in the model and the business view", c.ID, lbl, from, to)
		}
	}
	if arrows != 3 {
		t.Errorf("found %d labelled arrows in the seed, want 3", arrows)
	}
}

// endName is the first line of an arrow end's label, or "" for the
// seed's unlabelled container boxes (named by a text inside them).
func endName(cells map[string]rawCell, id string) string {
	if ls := rawLines(cells[id].Value); len(ls) > 0 {
		return ls[0]
	}
	return ""
}

func hasFlow(m *model.Model, v *view.View, label, from, to string) bool {
	name := func(id string) string { e, _ := m.Element(id); return e.Name }
	for _, f := range m.Flows {
		if f.Label != label || (from != "" && name(f.From) != from) || (to != "" && name(f.To) != to) {
			continue
		}
		for _, e := range v.Edges {
			if e.Label == label && e.From == f.From && e.To == f.To {
				return true
			}
		}
	}
	return false
}

func modelTexts(m *model.Model) map[string]bool {
	texts := map[string]bool{}
	add := func(s string) {
		for _, l := range strings.Split(s, "\n") {
			texts[strings.TrimSpace(l)] = true
		}
	}
	for _, e := range m.Elements() {
		add(e.Name)
		switch {
		case e.Actor != nil:
			add(e.Actor.Description)
		case e.Domain != nil:
			add(e.Domain.Description)
		case e.Module != nil:
			add(e.Module.Description)
			for _, f := range e.Module.Features {
				add(f)
			}
		}
	}
	for _, n := range m.Notes {
		add(n.Text)
	}
	return texts
}

// TestSeedMeaning pins what the seed's shapes mean, beyond their text.
func TestSeedMeaning(t *testing.T) {
	m := decodeBytes(t, readSeed(t), Options{Source: "business-model.drawio"}).Model
	byName := map[string]model.Element{}
	for _, e := range m.Elements() {
		byName[e.Name] = e
	}
	parentOf := func(name string) string { p, _ := m.Element(byName[name].Parent); return p.Name }
	for mod, dom := range map[string]string{"返利业务": "前台", "用户中心模块": "前台", "chrome插件": "前台",
		"新运营工具": "后台", "钱包模块": "数据模块"} {
		if got := parentOf(mod); got != dom || byName[mod].Kind != model.KindModule {
			t.Errorf("%s: %s in %q, want a module in %q", mod, byName[mod].Kind, got, dom)
		}
	}
	if f := byName["用户中心模块"].Module.Features; len(f) != 9 || f[3] != "客服系统" {
		t.Errorf("用户中心模块 features (from the list box it points at) = %q", f)
	}
	// Text in a box's body is drawn in the box: features, not a description.
	for _, name := range []string{"APP客户端", "chrome插件"} {
		if mo := byName[name].Module; mo == nil || len(mo.Features) != 1 || mo.Description != "" {
			t.Errorf("%s: body text should be its one feature: %+v", name, mo)
		}
	}
	notesOn := map[string]string{}
	for _, n := range m.Notes {
		e, _ := m.Element(n.On)
		notesOn[strings.Split(n.Text, "\n")[0]] = e.Name
	}
	want := map[string]string{"软登录状态": "User", "用户的行为记录进入的是一个数据库": "前台"}
	for text, on := range want {
		if notesOn[text] != on {
			t.Errorf("note %q is on %q, want %q", text, notesOn[text], on)
		}
	}
}
