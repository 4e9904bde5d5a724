package structurizr

import (
	"strings"
	"testing"

	"github.com/archdoc/archdoc/interop/internal/exporttest"
)

// TestGolden compares each export with its golden file and parses all
// of them with the official Structurizr DSL parser.
func TestGolden(t *testing.T) {
	outs := exporttest.CheckGolden(t, Write, "dsl")
	exporttest.RealDSL(t, outs)
}

// TestFlowsThroughTechnologies: a path through a queue keeps both halves,
// and nested domains are nested groups.
func TestFlowsThroughTechnologies(t *testing.T) {
	var b strings.Builder
	if err := Write(&b, exporttest.EdgeCases(t)); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{`mq = softwareSystem "RabbitMQ" "A message broker." "Technology"`,
		`web -> mq "publishes order"`, `mq -> ledger "delivers order"`, `web -> pg "stores"`,
		`"structurizr.groupSeparator" "/"`, "group \"账户\" {\n                login", "group \"Deep\" {"} {
		if !strings.Contains(out, want) {
			t.Errorf("export lacks %s:\n%s", want, out)
		}
	}
}

// TestKindsAndStores: containers are tagged with their kind and shaped
// by it, a module's stores are containers beside it, and flows into a
// store are kept.
func TestKindsAndStores(t *testing.T) {
	var b strings.Builder
	if err := Write(&b, exporttest.Models(t)["kinds"]); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		"order_service = container \"Order service\" \"\" \"Go\"\n            order_db = container \"order-db\" \"\" \"MongoDB\" \"Database\"",
		`order_cache = container "Order cache" "" "Redis" "Cache"`, `order_events = container "Order events" "" "RabbitMQ" "Queue"`,
		`api = container "API gateway" "" "" "Gateway"`, `payments = container "Payment API" "" "" "External"`,
		`nightly -> order_db "reads"`, "order_service -> order_cache\n",
		"element \"Database\" {\n                shape Cylinder", "element \"Queue\" {\n                shape Pipe"} {
		if !strings.Contains(out, want) {
			t.Errorf("export lacks %s:\n%s", want, out)
		}
	}
	var other strings.Builder // no kinds: no kind styles
	if err := Write(&other, exporttest.Models(t)["showcase"]); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(other.String(), `"Database"`) {
		t.Error("a model without kinds gets kind styles")
	}
}
