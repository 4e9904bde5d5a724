package site

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/archdoc/archdoc/model"
)

// A module's stores are a section of its page, which every link to a
// store (diagrams, the stack's table, technology pages) lands on; the
// stack's "who uses what" table lists them under their technology.
func TestStoresOnTheSite(t *testing.T) {
	m, err := model.Load(filepath.Join("..", "render", "testdata", "kinds", "architecture.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	files, _, err := Render(context.Background(), m)
	if err != nil {
		t.Fatal(err)
	}
	checkLinks(t, files) // diagrams link stores to module/order-service.html#order-db
	mustContain(t, "module page", string(files["module/order-service.html"]),
		`<h2 id="stores">Data stores</h2>`,
		`<li id="order-db"><strong>order-db</strong> <span class="meta">database · <a href="../tech/mongodb.html"><svg class="tech-icon"`,
		`<li id="order-cache"><strong>Order cache</strong> <span class="meta">cache · <a href="../tech/redis.html"><svg class="tech-icon"`,
		`href="../flow/nightly-order-db.html"`) // a flow into its store is the module's
	mustContain(t, "business diagram", string(files["index.html"]), `href="module/order-service.html#order-db"`)
	mustContain(t, "stack page", string(files["stack.html"]),
		`<th scope="row"><a href="module/order-service.html#order-db">order-db (Order service)</a></th>`)
	mustContain(t, "tech page", string(files["tech/mongodb.html"]), `<h2 id="used-by">Used by modules and stores</h2>`,
		`href="../module/order-service.html#order-db">order-db</a>`)
}

// A technology page's list of users says "modules" only when no store
// is among them, in the model's language.
func TestTechUsersHeadingNamesStores(t *testing.T) {
	m, err := model.Parse("architecture.yaml", []byte(`name: 商城
language: zh-CN
stack:
  layers:
    - id: data
      name: 数据
      technologies: [{id: mysql, name: MySQL}, {id: go, name: Go}]
domains:
  - id: shop
    name: 商城
    modules:
      - id: orders
        name: 订单服务
        tech: [go, mysql]
        stores: [{id: order-db, name: 订单库, tech: mysql}]
`))
	if err != nil {
		t.Fatal(err)
	}
	files, _ := renderSite(t, m)
	mustContain(t, "MySQL's page", string(files["tech/mysql.html"]), `<h2 id="used-by">使用它的模块与存储</h2>`)
	mustContain(t, "Go's page", string(files["tech/go.html"]), `<h2 id="used-by">使用它的模块</h2>`)
}
