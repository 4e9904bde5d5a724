package render

import (
	"os"
	"testing"

	"github.com/archdoc/archdoc/internal/graphviz"
)

// TestMain lets this test binary serve Graphviz layouts as a worker, as
// archdoc's main does, so tests can lay out on several cores.
func TestMain(m *testing.M) {
	if graphviz.IsWorker() {
		os.Exit(graphviz.ServeWorker(os.Stdin, os.Stdout))
	}
	os.Exit(m.Run())
}
