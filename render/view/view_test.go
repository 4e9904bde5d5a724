package view

import (
	"strings"
	"testing"

	"github.com/archdoc/archdoc/model"
	"github.com/archdoc/archdoc/render/scene"
)

func load(t *testing.T, path string) *model.Model {
	t.Helper()
	m, err := model.Load(path)
	if err != nil {
		t.Fatalf("load %s: %v", path, err)
	}
	return m
}

// testModel is a small model built in code (no loader involved): two
// domains, one nested, flows to a domain and between modules, notes.
func testModel() *model.Model {
	m := &model.Model{
		Name: "t", Language: "zh-CN",
		Actors: []model.Actor{{ID: "u", Name: "用户"}, {ID: "bank", Name: "银行", Kind: "external"}},
		Domains: []model.Domain{
			{ID: "front", Name: "前台", Modules: []model.Module{
				{ID: "web", Name: "网站", Features: []string{"浏览", "下单"}, Tech: []string{"php"}, Tags: []string{"pub"}},
				{ID: "app", Name: "APP", Notes: []string{"原生 + 网页"}},
			}, Domains: []model.Domain{
				{ID: "inner", Name: "内层", Modules: []model.Module{{ID: "deep", Name: "深处"}}},
			}},
			{ID: "data", Name: "数据", Modules: []model.Module{{ID: "db", Name: "库", Tech: []string{"mysql"}}}},
			{ID: "empty", Name: "空域"},
		},
		Stack: model.Stack{Layers: []model.Layer{{ID: "app-layer", Name: "应用", Technologies: []model.Technology{{ID: "php", Name: "PHP", Category: "语言"}}},
			{ID: "store", Name: "存储", Technologies: []model.Technology{{ID: "mysql", Name: "MySQL", UsedBy: []string{"web"}}}}}},
		Flows: []model.Flow{
			{ID: "f1", From: "u", To: "web", Label: "访问"},
			{ID: "f2", From: "front", To: "data", Label: "api"},
			{From: "web", To: "bank", Protocol: "HTTPS"},
			{ID: "f4", From: "deep", To: "empty"},
			{ID: "seq", From: "u", To: "db", Label: "查询", Steps: []model.Step{
				{From: "u", To: "web", Label: "请求"}, {From: "web", To: "db", Label: "读", Note: "缓存"}, {From: "web", To: "web", Label: "自检"}}},
		},
		Notes: []model.Note{{On: "front", Text: "**所有**记录进一个库"}, {ID: "n2", On: "u", Text: "见 [网站](module:web)"}},
		Views: []model.ViewSpec{
			{ID: "pub", Title: "公开", Include: []string{"tag:pub", "u"}},
			{ID: "all-but-data", Include: []string{"*"}, Exclude: []string{"data", "bank"}},
		},
	}
	m.BuildIndex()
	return m
}

func ids[T any](xs []T, id func(T) string) string {
	var out []string
	for _, x := range xs {
		out = append(out, id(x))
	}
	return strings.Join(out, " ")
}

func nodeIDs(v *View) string { return ids(v.Nodes, func(n Node) string { return n.ID }) }
func clusterIDs(v *View) string {
	return ids(v.Clusters, func(c Cluster) string { return c.ID + "<" + c.Parent })
}
func edgeIDs(v *View) string { return ids(v.Edges, func(e Edge) string { return e.ID }) }

func TestAllOrder(t *testing.T) {
	got := strings.Join(IDs(testModel()), " ")
	want := "business stack domain/front domain/inner domain/data domain/empty module/web module/app module/deep module/db flow/seq view/pub view/all-but-data"
	if got != want {
		t.Fatalf("views\n got %s\nwant %s", got, want)
	}
}

func TestBusiness(t *testing.T) {
	v := Business(testModel())
	check(t, v, "u bank web app deep db empty note-1 n2 app-note-1",
		"front< inner<front data<",
		"f1 f2 flow-3 f4 seq note:note-1->front note:n2->u note:app-note-1->app")
	web := v.Node("web")
	if web.Parent != "front" || web.Group != "front" || strings.Join(web.Details, "|") != "1. 浏览|2. 下单" {
		t.Errorf("web = %+v", web)
	}
	if d := v.Node("deep"); d.Parent != "inner" || d.Group != "front" {
		t.Errorf("nested module = %+v", d)
	}
	if e := v.Node("empty"); e.Shape != scene.ShapeDomain {
		t.Errorf("a domain without modules is a domain node, got %+v", e)
	}
	if b := v.Node("bank"); b.Shape != scene.ShapeExternal {
		t.Errorf("external actor shape %q", b.Shape)
	}
	if n := v.Node("note-1"); n.Label != "所有记录进一个库" || n.Shape != scene.ShapeNote {
		t.Errorf("note = %+v (Markdown must be stripped)", n)
	}
	if n := v.Node("n2"); n.Label != "见 网站" {
		t.Errorf("note link text = %q", n.Label)
	}
	for _, e := range v.Edges {
		if e.ID == "flow-3" && e.Label != "HTTPS" {
			t.Errorf("unlabelled flow shows its protocol, got %q", e.Label)
		}
		if e.Kind == EdgeNote && (!e.Dashed || e.Arrow) {
			t.Errorf("note edge %s must be dashed without arrow", e.ID)
		}
	}
	if v.Title != "业务模型" || v.Direction != LeftToRight {
		t.Errorf("title %q dir %q", v.Title, v.Direction)
	}
}

// TestStack: the stack is a layer cake of technologies only; each tile
// counts the modules using it instead of drawing an arrow from each, and
// says nothing of a technology no module names (not "0 个模块使用").
func TestStack(t *testing.T) {
	m := testModel()
	m.Stack.Layers[1].Position = "side"
	m.Stack.Layers[0].Technologies = append(m.Stack.Layers[0].Technologies, model.Technology{ID: "linux", Name: "Linux", Category: "系统"})
	v := Stack(m)
	check(t, v, "php linux mysql", "app-layer< store<", "")
	if linux := v.Node("linux"); linux == nil || linux.Sub != "系统" {
		t.Errorf("linux, used by no module: %+v, want sub 系统", linux)
	}
	if v.Layout != LayoutLayers {
		t.Errorf("layout %q, want the layer cake", v.Layout)
	}
	if php, mysql := v.Node("php"), v.Node("mysql"); php.Sub != "语言 · 1 个模块使用" || php.Parent != "app-layer" || mysql.Sub != "2 个模块使用" {
		t.Errorf("php %+v mysql %+v", php, mysql)
	}
	if v.Cluster("app-layer").Side || !v.Cluster("store").Side {
		t.Errorf("side layers: %+v", v.Clusters)
	}
}

func TestDomain(t *testing.T) {
	v, err := Get(testModel(), "domain/front")
	if err != nil {
		t.Fatal(err)
	}
	check(t, v, "web app deep u bank data empty note-1 app-note-1", "front< inner<front",
		"f1 f2 flow-3 f4 note:note-1->front note:app-note-1->app")
	v, _ = Get(testModel(), "domain/empty")
	check(t, v, "empty deep", "front< inner<front", "f4")
}

func TestModule(t *testing.T) {
	v, _ := Get(testModel(), "module/web")
	check(t, v, "web u bank data php mysql", "front<", "f1 f2 flow-3 uses:web->php uses:web->mysql")
	if v.Node("php").Parent != "" {
		t.Error("a module view shows technologies without their layers")
	}
	v, _ = Get(testModel(), "module/db")
	// The flow from the enclosing domain's sibling shows it as a domain node.
	check(t, v, "db u front mysql", "data<", "f2 seq uses:db->mysql")
}

// A module's view is the module and its neighbours: a flow between two
// neighbours is theirs, or a hub's view would be the whole system again.
func TestModuleLeavesNeighboursFlows(t *testing.T) {
	m := testModel()
	m.Flows = append(m.Flows, model.Flow{ID: "f6", From: "u", To: "bank", Label: "付款"})
	m.BuildIndex()
	v, _ := Get(m, "module/web")
	check(t, v, "web u bank data php mysql", "front<", "f1 f2 flow-3 uses:web->php uses:web->mysql")
}

func TestFlowSequence(t *testing.T) {
	v, err := Get(testModel(), "flow/seq")
	if err != nil {
		t.Fatal(err)
	}
	if v.Kind != KindSequence {
		t.Fatalf("kind %s", v.Kind)
	}
	check(t, v, "u web db", "", "seq#1 seq#2 seq#3")
	if e := v.Edges[1]; e.Seq != 2 || e.Note != "缓存" || e.Label != "读" {
		t.Errorf("step 2 = %+v", e)
	}
}

func TestCustom(t *testing.T) {
	v, _ := Get(testModel(), "view/pub")
	check(t, v, "u web n2", "front<", "f1 note:n2->u")
	if v.Title != "公开" {
		t.Errorf("title %q", v.Title)
	}
	v, _ = Get(testModel(), "view/all-but-data")
	check(t, v, "u web app deep php mysql empty note-1 n2 app-note-1", "front< inner<front app-layer< store<",
		"f1 f4 uses:web->php uses:web->mysql note:note-1->front note:n2->u note:app-note-1->app")
}

func TestGetUnknown(t *testing.T) {
	for _, id := range []string{"nope", "module/nope", "domain/web", "flow/f1", "view/x", "business/x"} {
		_, err := Get(testModel(), id)
		if err == nil || !strings.Contains(err.Error(), `no view "`+id+`"`) || !strings.Contains(err.Error(), "business, stack, domain/front") {
			t.Errorf("Get(%q) err = %v", id, err)
		}
	}
}

// TestExamplesBusiness: the example's business view has what the seed
// diagram shows: actors, the three domains as containers, their modules.
func TestExamplesBusiness(t *testing.T) {
	v := Business(load(t, "../../architecture.yaml"))
	for _, id := range []string{"anonymous-user", "user", "cashback", "coupons", "deals", "app", "chrome-extension", "user-center",
		"legacy-admin", "ops-tool", "red-packets", "vouchers", "wallet", "withdrawals"} {
		if v.Node(id) == nil {
			t.Errorf("business view lacks %s", id)
		}
	}
	for _, id := range []string{"frontend", "backoffice", "data"} {
		if v.Cluster(id) == nil {
			t.Errorf("business view lacks the %s cluster", id)
		}
	}
	for _, p := range []string{"../../examples/shop/architecture.yaml"} {
		for _, v := range All(load(t, p)) {
			if len(v.Nodes) == 0 {
				t.Errorf("%s: view %s is empty", p, v.ID)
			}
		}
	}
}

// check compares a view's node, cluster ("id<parent") and edge ids, and
// that every edge joins things the view has.
func check(t *testing.T, v *View, nodes, clusters, edges string) {
	t.Helper()
	if got := nodeIDs(v); got != nodes {
		t.Errorf("%s nodes\n got %s\nwant %s", v.ID, got, nodes)
	}
	if got := clusterIDs(v); got != clusters {
		t.Errorf("%s clusters\n got %s\nwant %s", v.ID, got, clusters)
	}
	if got := edgeIDs(v); got != edges {
		t.Errorf("%s edges\n got %s\nwant %s", v.ID, got, edges)
	}
	for _, e := range v.Edges {
		for _, end := range []string{e.From, e.To} {
			if v.Node(end) == nil && v.Cluster(end) == nil {
				t.Errorf("%s: edge %s names %q, not in the view", v.ID, e.ID, end)
			}
		}
	}
}

// TestLongLabelsAreCapped: a 10,000-character name is drawn as its first
// maxLabelRunes runes, its full text kept in the tooltip, in every view.
func TestLongLabelsAreCapped(t *testing.T) {
	m := testModel()
	long := strings.Repeat("长", 10_000)
	m.Domains[0].Modules[0].Name = long
	m.Domains[1].Name = strings.Repeat("domain ", 2_000)
	m.Flows[0].Label = strings.Repeat("x", 5_000)
	m.BuildIndex()
	for _, v := range All(m) {
		for _, n := range v.Nodes {
			if len([]rune(n.Label)) > maxLabelRunes || len([]rune(n.Sub)) > maxLabelRunes {
				t.Errorf("view %s: node %s label has %d runes", v.ID, n.ID, len([]rune(n.Label)))
			}
			if n.ID == "web" && (!strings.HasSuffix(n.Label, "…") || !strings.HasPrefix(n.Tooltip, long)) {
				t.Errorf("view %s: node web = %.20q…, tooltip %.20q…; want the cut name and the full one", v.ID, n.Label, n.Tooltip)
			}
		}
		for _, c := range v.Clusters {
			if len([]rune(c.Label)) > maxLabelRunes {
				t.Errorf("view %s: cluster %s label has %d runes", v.ID, c.ID, len([]rune(c.Label)))
			}
		}
		for _, e := range v.Edges {
			if len([]rune(e.Label)) > maxLabelRunes {
				t.Errorf("view %s: edge %s label has %d runes", v.ID, e.ID, len([]rune(e.Label)))
			}
		}
	}
	v, err := Get(m, "module/web")
	if err != nil {
		t.Fatal(err)
	}
	if n := v.Node("web"); n == nil || len([]rune(n.Label)) != maxLabelRunes {
		t.Errorf("Get(module/web): node web = %+v", n)
	}
}

// The language tag is read case-insensitively, as the site and deck read
// it: ZH-CN and zh-TW get Chinese view titles too.
func TestViewTitlesFollowAnyChineseTag(t *testing.T) {
	for _, lang := range []string{"zh-CN", "ZH-CN", "zh-TW", "zh-Hans"} {
		m := &model.Model{Name: "x", Language: lang}
		m.BuildIndex()
		v, err := Get(m, "business")
		if err != nil {
			t.Fatal(err)
		}
		if v.Title != "业务模型" {
			t.Errorf("%s: business view titled %q", lang, v.Title)
		}
	}
}
