package site

import (
	"context"
	"strings"
	"testing"

	"github.com/archdoc/archdoc/model"
	"github.com/archdoc/archdoc/render/scene"
)

const scenarioModel = `name: 火车票
language: zh-CN
domains:
  - id: core
    name: 核心
    modules:
      - {id: gateway, name: 网关, kind: gateway}
      - {id: booking, name: 订票服务}
      - {id: mq, name: 消息队列, kind: queue}
flows:
  - id: book
    from: gateway
    to: booking
    label: 转发
    title: 订票
    steps:
      - {from: gateway, to: booking, label: 下单}
  - {id: notify, from: booking, to: mq, label: 订单已创建, async: true}
`

// A flow's scenario title names its page; the arrow keeps its label.
func TestScenarioTitleNamesTheFlowPage(t *testing.T) {
	m, err := model.Parse("architecture.yaml", []byte(scenarioModel))
	if err != nil {
		t.Fatal(err)
	}
	files, _ := renderSite(t, m)
	var page string
	for name, b := range files {
		if strings.HasSuffix(name, "book.html") {
			page = string(b)
		}
	}
	if page == "" {
		t.Fatal("no page for the flow book")
	}
	h1 := page[strings.Index(page, "<h1"):]
	h1 = h1[:strings.Index(h1, "</h1>")]
	if !strings.Contains(h1, "订票") || strings.Contains(h1, "转发") {
		t.Errorf("flow page heading %q, want the scenario title 订票", h1)
	}
	mustContain(t, "the flow page", page, "<title>订票")
	mustNotContain(t, "the flow page", page, "异步")
	notify := ""
	for name, b := range files {
		if strings.HasSuffix(name, "notify.html") {
			notify = string(b)
		}
	}
	mustContain(t, "the async flow's page", notify, " · 异步（发送方不等待）")
	// The title names the page, so the arrow's own text is said there too.
	mustContain(t, "the flow page", page, " · 箭头：转发")
	mustNotContain(t, "the async flow's page", notify, "箭头")
	// The flows table marks the flows whose sender does not wait.
	table := string(files["flows.html"])
	mustContain(t, "the flows table", table, `<span class="dir dir-async">异步</span>`)
	if strings.Count(table, "dir-async") != 1 {
		t.Errorf("the flows table marks %d flows async, want 1 (notify)", strings.Count(table, "dir-async"))
	}
}

// A business view the model asks to draw at domain level says what its
// boxes are, without the "too large" excuse of a fallback.
func TestChosenDomainLevelNote(t *testing.T) {
	scenes := WithScenes(func(context.Context, *model.Model) ([]*scene.Scene, error) {
		return []*scene.Scene{
			{ID: "business", Kind: scene.KindGraph, Width: 10, Height: 10, Fallbacks: scene.Fallbacks{ChosenDomainLevel: true}},
		}, nil
	})
	files, _, err := Render(context.Background(), shopModel(), scenes)
	if err != nil {
		t.Fatal(err)
	}
	home := string(files["index.html"])
	mustContain(t, "home", home, `<p class="diagram-note">Each box is a domain; click one for its modules.`)
	mustNotContain(t, "home", home, "Too large")
}

// A module's API operations are a table on its page (name, what it
// does), not the numbered list its features are.
func TestModulePageListsOperations(t *testing.T) {
	m, err := model.Parse("architecture.yaml", []byte(`name: Shop
domains:
  - id: shop
    name: Shop
    modules:
      - id: cart
        name: Cart
        features: [Keeps the cart]
        operations:
          - {name: GetCart, description: "The user's *cart*"}
          - {name: "POST /cart/<items>"}
`))
	if err != nil {
		t.Fatal(err)
	}
	files, _ := renderSite(t, m)
	page := string(files["module/cart.html"])
	_, section, ok := strings.Cut(page, `<h2 id="operations">API operations</h2>`)
	if !ok {
		t.Fatalf("the module page has no operations section:\n%s", page)
	}
	section, _, _ = strings.Cut(section, "</section>")
	mustContain(t, "operations", section, `<table class="operations">`,
		`<tr><td><code>GetCart</code></td><td>The user's <em>cart</em></td></tr>`,
		`<code>POST /cart/&lt;items&gt;</code>`)
	mustNotContain(t, "operations", section, "<li>")
	mustContain(t, "features", page, `<ul class="features"><li>Keeps the cart</li></ul>`)
}
