package main

import (
	"encoding/xml"
	"html"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/archdoc/archdoc/model"
)

// The shipped example must describe the seed's business-model diagram
// completely. These tests read the diagram itself (a copy in
// testdata/seed) so that a box, arrow or note the example leaves out fails
// here, not in front of an audience.

type drawioCell struct {
	ID     string `xml:"id,attr"`
	Value  string `xml:"value,attr"`
	Style  string `xml:"style,attr"`
	Vertex string `xml:"vertex,attr"`
	Edge   string `xml:"edge,attr"`
	Parent string `xml:"parent,attr"`
	Source string `xml:"source,attr"`
	Target string `xml:"target,attr"`
	Geo    struct {
		X float64 `xml:"x,attr"`
		Y float64 `xml:"y,attr"`
		W float64 `xml:"width,attr"`
		H float64 `xml:"height,attr"`
	} `xml:"mxGeometry"`
}

func (c drawioCell) inside(o drawioCell) bool {
	return c.Geo.X >= o.Geo.X && c.Geo.Y >= o.Geo.Y &&
		c.Geo.X+c.Geo.W <= o.Geo.X+o.Geo.W && c.Geo.Y+c.Geo.H <= o.Geo.Y+o.Geo.H
}

func readSeedCells(t *testing.T) map[string]drawioCell {
	t.Helper()
	data, err := os.ReadFile("../../testdata/seed/business-model.drawio")
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Cells []drawioCell `xml:"diagram>mxGraphModel>root>mxCell"`
	}
	if err := xml.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	cells := map[string]drawioCell{}
	for _, c := range doc.Cells {
		cells[c.ID] = c
	}
	if len(cells) < 30 {
		t.Fatalf("read only %d cells from the seed diagram", len(cells))
	}
	return cells
}

var (
	lineBreak = regexp.MustCompile(`(?i)<br\s*/?>|</li>|<li[^>]*>`)
	htmlTag   = regexp.MustCompile(`<[^>]*>`)
	numbering = regexp.MustCompile(`^\d+\s*[.、]\s*`)
)

// labelLines turns a cell's HTML label into its visible lines.
func labelLines(value string) []string {
	text := html.UnescapeString(htmlTag.ReplaceAllString(lineBreak.ReplaceAllString(value, "\n"), ""))
	var out []string
	for _, l := range strings.Split(text, "\n") {
		if l = strings.TrimSpace(strings.ReplaceAll(l, "\u00a0", " ")); l != "" {
			out = append(out, l)
		}
	}
	return out
}

func loadExample(t *testing.T) *model.Model {
	t.Helper()
	m, err := model.Load("../../architecture.yaml")
	if err != nil {
		t.Fatalf("the example does not validate:\n%v", err)
	}
	return m
}

// seedElements maps every cell that stands for a model element to it:
// boxes and actors by their first line, empty container boxes by the
// title text inside them.
func seedElements(cells map[string]drawioCell, m *model.Model) map[string]model.Element {
	byName := map[string]model.Element{}
	for _, e := range m.Elements() {
		if e.Name != "" {
			byName[e.Name] = e
		}
	}
	found := map[string]model.Element{}
	for id, c := range cells {
		if c.Vertex != "1" || c.Parent != "1" {
			continue
		}
		if c.Value == "" && strings.Contains(c.Style, "rounded=0") { // a container box
			for _, title := range cells {
				if strings.HasPrefix(title.Style, "text;") && title.inside(c) {
					if e, ok := byName[labelLines(title.Value)[0]]; ok {
						found[id] = e
					}
				}
			}
			continue
		}
		if strings.HasPrefix(c.Style, "text;") && isContainerTitle(c, cells) {
			continue // stands for its container
		}
		if lines := labelLines(c.Value); len(lines) > 0 {
			if e, ok := byName[lines[0]]; ok {
				found[id] = e
			}
		}
	}
	return found
}

func TestExampleHasEverySeedBox(t *testing.T) {
	cells := readSeedCells(t)
	m := loadExample(t)
	elems := seedElements(cells, m)
	containers := map[string]string{} // container cell id -> domain id
	for id, e := range elems {
		if e.Kind == model.KindDomain {
			containers[id] = e.ID
		}
	}
	if len(containers) != 3 {
		t.Errorf("found %d of the seed's 3 container boxes (前台, 后台, 数据模块) as domains", len(containers))
	}
	described := map[string]bool{} // cells accounted for as notes or feature lists
	for id, c := range cells {
		lines := labelLines(c.Value)
		if c.Vertex != "1" || c.Parent != "1" || len(lines) == 0 {
			continue
		}
		e, ok := elems[id]
		switch {
		case ok:
			checkBoxDetails(t, lines, e)
			// A box drawn inside a container belongs to that domain.
			for cid, domain := range containers {
				if e.Kind == model.KindModule && c.inside(cells[cid]) && e.Parent != domain {
					t.Errorf("%s is drawn inside %s but the example puts it in %q", e.Name, domain, e.Parent)
				}
			}
		case strings.HasPrefix(c.Style, "text;") && isContainerTitle(c, cells):
		default:
			described[id] = true
		}
	}
	// What remains: the two notes and the user center's feature list.
	if len(described) != 3 {
		t.Errorf("%d seed cells are neither elements nor known notes/lists: %v", len(described), described)
	}
	checkNotes(t, m)
	checkUserCenterFeatures(t, cells, m)
}

func isContainerTitle(c drawioCell, cells map[string]drawioCell) bool {
	for _, o := range cells {
		if o.Value == "" && o.Vertex == "1" && c.inside(o) {
			return true
		}
	}
	return false
}

// checkBoxDetails: numbered lines under a box title are its features,
// word for word; other lines are described in the module's description.
func checkBoxDetails(t *testing.T, lines []string, e model.Element) {
	t.Helper()
	if len(lines) < 2 || e.Module == nil {
		return
	}
	features := strings.Join(e.Module.Features, "\n")
	for _, l := range lines[1:] {
		if numbering.MatchString(l) {
			if f := numbering.ReplaceAllString(l, ""); !strings.Contains(features, f) {
				t.Errorf("%s: seed feature %q missing from features %q", e.Name, f, e.Module.Features)
			}
		} else if e.Module.Description == "" || len(e.Module.Features) == 0 {
			t.Errorf("%s: the seed says %q; the example needs a description and features", e.Name, l)
		}
	}
}

func checkNotes(t *testing.T, m *model.Model) {
	t.Helper()
	want := []struct{ on, text string }{
		{"user", "软登录"},
		{"user", "强登录"},
		{"frontend", "所有用户行为记录写入同一个库；出站使用同一链接不同参数"},
	}
	for _, w := range want {
		ok := false
		for _, n := range m.Notes {
			ok = ok || n.On == w.on && strings.Contains(n.Text, w.text)
		}
		if !ok {
			t.Errorf("no note on %q saying %q", w.on, w.text)
		}
	}
}

// checkUserCenterFeatures: the list the user center points at has nine
// items; the example keeps them in order (each starts with the same word).
func checkUserCenterFeatures(t *testing.T, cells map[string]drawioCell, m *model.Model) {
	t.Helper()
	var items []string
	for _, c := range cells {
		if strings.Contains(c.Value, "<ol>") {
			items = labelLines(c.Value)
		}
	}
	e, ok := m.Element("user-center")
	if !ok || len(items) != 9 {
		t.Fatalf("user-center in example: %v; items in the seed list: %d, want 9", ok, len(items))
	}
	if len(e.Module.Features) != len(items) {
		t.Fatalf("user-center has %d features, the seed lists %d", len(e.Module.Features), len(items))
	}
	for i, item := range items {
		if head := string([]rune(item)[:2]); !strings.HasPrefix(e.Module.Features[i], head) {
			t.Errorf("feature %d: %q does not start like the seed's %q", i+1, e.Module.Features[i], item)
		}
	}
}

func TestExampleHasEverySeedArrow(t *testing.T) {
	cells := readSeedCells(t)
	m := loadExample(t)
	elems := seedElements(cells, m)
	labels := map[string]string{} // edge id -> label
	for _, c := range cells {
		if strings.HasPrefix(c.Style, "edgeLabel") {
			labels[c.Parent] = strings.Join(labelLines(c.Value), " ")
		}
	}
	arrows, labelled := 0, 0
	for id, c := range cells {
		if c.Edge != "1" {
			continue
		}
		from, okFrom := elems[c.Source]
		to, okTo := elems[c.Target]
		if !okFrom || !okTo {
			continue // an arrow to a note or a list: checked as notes and features
		}
		arrows++
		label := labels[id]
		if label != "" {
			labelled++
		}
		if !hasFlow(m, from.ID, to.ID, label) {
			t.Errorf("seed arrow %s -> %s %q has no flow in the example", from.ID, to.ID, label)
		}
	}
	if arrows != 5 || labelled != 3 {
		t.Errorf("matched %d arrows between elements (%d labelled), the seed has 5 (3 labelled)", arrows, labelled)
	}
}

// hasFlow: a flow from -> to exists, with exactly label when the seed
// labels the arrow.
func hasFlow(m *model.Model, from, to, label string) bool {
	for _, f := range m.Flows {
		if f.From == from && f.To == to && (label == "" || f.Label == label) {
			return true
		}
	}
	return false
}

// The seed outline's stack, idea and tasks are in the example, explained.
func TestExampleCoversTheOutline(t *testing.T) {
	m := loadExample(t)
	for _, id := range []string{"linux", "nginx", "mysql", "php", "thinkphp", "zend-framework",
		"redis", "sqs", "supervisor", "pdo", "phpunit", "postman"} {
		e, ok := m.Element(id)
		if !ok || e.Kind != model.KindTech {
			t.Errorf("technology %q missing", id)
			continue
		}
		if e.Tech.What == "" || e.Tech.Why == "" || e.Tech.How == "" || len(e.Tech.Pitfalls) == 0 {
			t.Errorf("technology %q lacks what, why, how or pitfalls", id)
		}
	}
	if e, _ := m.Element("mysql"); !strings.Contains(e.Tech.How, "索引") {
		t.Errorf("MySQL's how does not explain indexes (索引)")
	}
	if e, _ := m.Element("redis"); !strings.Contains(e.Tech.Why+e.Tech.How, "session 共享") {
		t.Errorf("Redis does not explain shared sessions (session 共享)")
	}

	idea, ok := m.Element("voucher-data-volume")
	if !ok || len(idea.Idea.Options) != 2 || idea.Idea.Status != "proposed" ||
		!strings.Contains(idea.Idea.Options[0].Name, "重构数据库") ||
		!strings.Contains(idea.Idea.Options[1].Name, "MongoDB") {
		t.Errorf("the coupon database idea should be proposed with options 重构数据库 and MongoDB")
	}

	tasks := map[string][]string{
		"mall-service":         {"PDO", "单例", "PHPUnit", "断言", "Postman"},
		"sqs-invocation":       {"SQS", "脚本", "类"},
		"supervisor-migration": {"shell", "supervisor"},
	}
	for id, words := range tasks {
		e, ok := m.Element(id)
		if !ok {
			t.Errorf("task %q missing", id)
			continue
		}
		story := e.Task.Title + e.Task.Situation + e.Task.Task + e.Task.Action + e.Task.Result
		if e.Task.Situation == "" || e.Task.Task == "" || e.Task.Action == "" || e.Task.Result == "" {
			t.Errorf("task %q is not a whole STAR story", id)
		}
		for _, w := range words {
			if !strings.Contains(story, w) {
				t.Errorf("task %q does not mention %q", id, w)
			}
		}
	}

	// The deck follows the outline: business, its explanation, stack, ideas, tasks.
	p := m.Presentation
	if p == nil || p.Duration != "10m" {
		t.Fatalf("presentation missing or not 10m")
	}
	order := map[string]int{}
	for i, s := range p.Sections {
		order[s.Section] = i
	}
	outline := []string{"business", "domains", "stack", "ideas", "tasks"}
	for i := 1; i < len(outline); i++ {
		if order[outline[i-1]] >= order[outline[i]] {
			t.Errorf("section %q should come before %q, as in the seed outline", outline[i-1], outline[i])
		}
	}
}
