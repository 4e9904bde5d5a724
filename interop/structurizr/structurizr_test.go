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
