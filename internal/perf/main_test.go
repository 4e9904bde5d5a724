package perf

import (
	"os"
	"runtime"
	"testing"

	"github.com/archdoc/archdoc/internal/graphviz"
)

// TestMain sets Graphviz up as archdoc's main does (worker processes of
// this same binary, one per core), so the benchmarks measure what a user
// gets.
func TestMain(m *testing.M) {
	if graphviz.IsWorker() {
		os.Exit(graphviz.ServeWorker(os.Stdin, os.Stdout))
	}
	graphviz.UseSelfAsWorkers(min(runtime.NumCPU(), 4))
	code := m.Run()
	graphviz.Close()
	if binDir != "" {
		os.RemoveAll(binDir)
	}
	os.Exit(code)
}
