package slides

import (
	"strings"
	"testing"

	"github.com/archdoc/archdoc/model"
	"github.com/archdoc/archdoc/render/view"
)

// A flow's sequence slide is titled by its scenario title, not by its
// arrow's label (Train Ticket's booking scenario was titled "转发").
func TestScenarioTitleNamesTheFlowSlide(t *testing.T) {
	d := deckOfYAML(t, `name: 火车票
language: zh-CN
domains:
  - id: core
    name: 核心
    modules:
      - {id: gateway, name: 网关}
      - {id: booking, name: 订票服务}
flows:
  - {id: book, from: gateway, to: booking, label: 转发, title: 订票, steps: [{from: gateway, to: booking, label: 下单}]}
  - {id: plain, from: booking, to: gateway, label: 回调, steps: [{from: booking, to: gateway}]}
`)
	want := map[string]string{"flow-book": "订票", "flow-plain": "回调"}
	for _, s := range d.Slides {
		if w, ok := want[s.ID]; ok {
			if s.Title != w {
				t.Errorf("slide %s titled %q, want %q", s.ID, s.Title, w)
			}
			delete(want, s.ID)
		}
	}
	for id := range want {
		t.Errorf("no slide %s", id)
	}
}

// The business slide follows the model's level: domain offers only the
// domain-level drawings (as on the site, then without the boxes' module
// counts), module never offers them.
func TestBusinessSlideFollowsTheLevel(t *testing.T) {
	m, err := model.Load("../architecture.yaml")
	if err != nil {
		t.Fatal(err)
	}
	v := view.Business(m)
	for _, tt := range []struct {
		level        string
		domainLevels int // candidates drawn with domain boxes
		all          int
	}{
		{"", 2, 4}, {view.LevelDomain, 2, 2}, {view.LevelModule, 0, 2},
	} {
		v.Level = tt.level
		got, _ := candidates(v, m)
		domains := 0
		for _, c := range got {
			modules := 0
			for _, n := range c[0].Nodes {
				if n.Kind == "module" {
					modules++
				}
			}
			if modules == 0 {
				domains++
			}
		}
		if len(got) != tt.all || domains != tt.domainLevels {
			t.Errorf("level %q: %d candidates, %d at domain level; want %d and %d", tt.level, len(got), domains, tt.all, tt.domainLevels)
		}
	}
}

// The flows slide says which plain flows are asynchronous.
func TestFlowsSlideSaysAsync(t *testing.T) {
	d := deckOfYAML(t, `name: Shop
domains:
  - id: shop
    name: Shop
    modules:
      - {id: orders, name: Orders}
      - {id: events, name: Events, kind: queue}
flows:
  - {from: orders, to: events, label: OrderPlaced, protocol: AMQP, async: true}
  - {from: events, to: orders, label: retry}
`)
	body := ""
	for _, s := range d.Slides {
		if s.Section == SectionFlows {
			body += s.Body
		}
	}
	if !strings.Contains(body, "OrderPlaced (AMQP, asynchronous)") || strings.Contains(body, "retry (") {
		t.Errorf("flows slide:\n%s", body)
	}
}

// deckOfYAML builds the deck of a model written in YAML.
func deckOfYAML(t *testing.T, src string) *Deck {
	t.Helper()
	m, err := model.Parse("architecture.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	d, err := Build(m, nil)
	if err != nil {
		t.Fatal(err)
	}
	return d
}
