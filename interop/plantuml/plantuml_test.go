package plantuml

import (
	"strings"
	"testing"

	"github.com/archdoc/archdoc/interop/internal/exporttest"
)

// TestGolden compares each export with its golden file and renders all
// of them with Debian's PlantUML.
func TestGolden(t *testing.T) {
	outs := exporttest.CheckGolden(t, Write, "puml")
	exporttest.RealPlantUML(t, outs)
}

// TestFlowsThroughTechnologies: a path through a queue keeps both
// halves (Sock Shop's shipping → RabbitMQ → queue-master).
func TestFlowsThroughTechnologies(t *testing.T) {
	var b strings.Builder
	if err := Write(&b, exporttest.EdgeCases(t)); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`Container(mq, "RabbitMQ", "technology", "A message broker.")`,
		`Rel(web, mq, "publishes order")`, `Rel(mq, ledger, "delivers order")`, `Rel(web, pg, "stores")`,
		`Container(apps, "Application System<U+0028>s)"`, "LAYOUT_WITH_LEGEND()"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("export lacks %s:\n%s", want, b.String())
		}
	}
}

// TestKindsAndStores: databases and caches are ContainerDb (Debian's
// PlantUML has no ContainerQueue), other kinds say theirs, a module's
// stores sit beside it, and flows into a store are kept.
func TestKindsAndStores(t *testing.T) {
	var b strings.Builder
	if err := Write(&b, exporttest.Models(t)["kinds"]); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"  Container(order_service, \"Order service\", \"Go\", \"\")\n  ContainerDb(order_db, \"order-db\", \"MongoDB\", \"\")\n  ContainerDb(order_cache, \"Order cache\", \"cache · Redis\", \"\")",
		`ContainerDb(catalog_db, "Catalog", "PostgreSQL", "")`, `Container(order_events, "Order events", "queue · RabbitMQ", "")`,
		`Container(api, "API gateway", "gateway", "")`, `Container(payments, "Payment API", "external", "")`,
		`Rel(nightly, order_db, "reads")`, `Rel(order_service, order_cache, " ")`} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("export lacks %s:\n%s", want, b.String())
		}
	}
}
