package view

import (
	"testing"

	"github.com/archdoc/archdoc/render/scene"
)

const kindsFixture = "../testdata/kinds/architecture.yaml"

// Every module kind is drawn with its own shape, and a store with its
// kind's: the renderers draw what these say.
func TestModuleKindsHaveTheirShapes(t *testing.T) {
	v := Business(load(t, kindsFixture))
	want := map[string]string{
		"web": scene.ShapeFrontend, "api": scene.ShapeGateway, "order-service": scene.ShapeBox,
		"catalog-db": scene.ShapeDatabase, "sessions": scene.ShapeCache, "order-events": scene.ShapeQueue,
		"nightly": scene.ShapeJob, "payments": scene.ShapeExternal, "mailer": scene.ShapeBox,
		"order-db": scene.ShapeDatabase, "order-cache": scene.ShapeCache,
	}
	for id, shape := range want {
		n := v.Node(id)
		if n == nil {
			t.Errorf("%s: not in the business view", id)
			continue
		}
		if n.Shape != shape {
			t.Errorf("%s: shape %q, want %q", id, n.Shape, shape)
		}
	}
}

// A store sits in its module's domain, says its technology, and is joined
// to its module by a line unless a flow already joins them.
func TestStoresAreDrawnBesideTheirModule(t *testing.T) {
	m := load(t, kindsFixture)
	for _, v := range []*View{Business(m), Domain(m, "orders"), Module(m, "order-service")} {
		db, cache := v.Node("order-db"), v.Node("order-cache")
		if db == nil || cache == nil {
			t.Fatalf("%s: nodes %s, want both stores", v.ID, nodeIDs(v))
		}
		if db.Kind != "store" || db.Parent != "orders" || db.Sub != "MongoDB" || db.Label != "order-db" || db.Group != "orders" {
			t.Errorf("%s: order-db is %+v", v.ID, *db)
		}
		if cache.Label != "Order cache" || cache.Sub != "Redis" {
			t.Errorf("%s: order-cache is %+v", v.ID, *cache)
		}
		owns := map[string]bool{}
		for _, e := range v.Edges {
			if e.Kind == EdgeOwns {
				owns[e.From+"->"+e.To] = true
				if e.Arrow || e.Label != "" {
					t.Errorf("%s: %s is an arrow or labelled", v.ID, e.ID)
				}
			}
		}
		// order-service -> order-db is a flow ("writes"): no second line.
		if !owns["order-service->order-cache"] || owns["order-service->order-db"] {
			t.Errorf("%s: ownership lines %v, want only order-service->order-cache", v.ID, owns)
		}
	}
	// The module's view shows the flows into its stores from elsewhere.
	if v := Module(m, "order-service"); v.Node("nightly") == nil {
		t.Errorf("module view: nodes %s, want nightly (it reads order-db)", nodeIDs(v))
	}
}

// The stack counts stores among a technology's users.
func TestStackCountsStores(t *testing.T) {
	v := Stack(load(t, kindsFixture))
	for id, want := range map[string]string{"mongodb": "used by 1 store", "redis": "used by 1 module, 1 store", "go": "used by 3 modules"} {
		if n := v.Node(id); n == nil || n.Sub != want {
			t.Errorf("%s: %+v, want sub %q", id, n, want)
		}
	}
	if got := usedBy(2, 3, true); got != "2 个模块、3 个存储使用" {
		t.Errorf("Chinese count %q", got)
	}
	if zh, en := usedBy(0, 0, true), usedBy(0, 0, false); zh != "" || en != "" {
		t.Errorf("no users: %q, %q, want nothing", zh, en)
	}
}
