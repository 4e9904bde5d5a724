// Package usedfunctions_test checks that ../used_functions.txt lists
// every function of the bundled Graphviz that archdoc's layouts call: a
// graph that needs another is laid out twice, the second time after
// compiling the whole module (about 0.6 s). It lives apart because
// tracing must be switched on before this process's first layout.
package usedfunctions_test

import (
	"context"
	"flag"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	gv "github.com/goccy/go-graphviz"

	"github.com/archdoc/archdoc/builder"
	"github.com/archdoc/archdoc/internal/graphviz"
	"github.com/archdoc/archdoc/internal/synth"
)

var update = flag.Bool("update", false, "rewrite ../"+graphviz.UsedFunctionsFile+" with the functions the layouts called")

// models are what the layouts are traced on: the example, two smaller
// examples and a small generated model (10 modules call as many
// functions as 300; the traced layouts take 7 s for it, 40 s at 50).
func models(t *testing.T) []string {
	gen := filepath.Join(t.TempDir(), "architecture.yaml")
	if err := os.WriteFile(gen, synth.Model(10, 1), 0o644); err != nil {
		t.Fatal(err)
	}
	paths := []string{"../../../architecture.yaml", "../../../examples/boutique/architecture.yaml",
		"../../../examples/shop/architecture.yaml", gen}
	// More models to trace with -update (too slow to trace every time).
	if more := os.Getenv("ARCHDOC_TRACE_MODELS"); more != "" {
		paths = append(paths, filepath.SplitList(more)...)
	}
	return paths
}

func TestUsedFunctions(t *testing.T) {
	var mu sync.Mutex
	called := map[int]bool{}
	gv.TraceFunctions(func(code int) { mu.Lock(); called[code] = true; mu.Unlock() })
	for _, path := range models(t) {
		b := builder.New(path, nil)
		m, err := b.Load()
		if err != nil {
			t.Fatal(err)
		}
		if _, err := b.RenderSite(context.Background(), m); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
	}
	got := slices.Sorted(maps.Keys(called))
	file := filepath.Join("..", graphviz.UsedFunctionsFile)
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	listed, err := graphviz.ParseUsedFunctions(src)
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		// Added to, not replaced: functions only bigger models call
		// (traced by hand) stay listed. Empty the file to start over.
		all := slices.Compact(slices.Sorted(slices.Values(append(listed, got...))))
		if err := os.WriteFile(file, format(all), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	var missing []int
	for _, code := range got {
		if _, ok := slices.BinarySearch(listed, code); !ok {
			missing = append(missing, code)
		}
	}
	if len(missing) > 0 {
		t.Errorf("archdoc's layouts called %d functions %s leaves out (%v): every first run compiles the whole module for them; run go test ./internal/graphviz/usedfunctions -update", len(missing), graphviz.UsedFunctionsFile, missing)
	}
	t.Logf("%d functions called, %d listed", len(got), len(listed))
}

func format(list []int) []byte {
	var b strings.Builder
	b.WriteString("# The functions of the bundled Graphviz (indices into its WebAssembly\n")
	b.WriteString("# code section) that archdoc's layouts call: only these are compiled\n")
	b.WriteString("# at first. go test ./internal/graphviz/usedfunctions -update adds those\n")
	b.WriteString("# its layouts call, and those of the models in $ARCHDOC_TRACE_MODELS\n")
	b.WriteString("# (by hand: generated models of 30 and 300 modules, odd ones).\n")
	for _, code := range list {
		fmt.Fprintln(&b, code)
	}
	return []byte(b.String())
}
