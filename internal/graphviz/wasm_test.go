package graphviz

import (
	"bytes"
	"context"
	"os"
	"testing"
	"time"

	gv "github.com/goccy/go-graphviz"
)

// record needs Graphviz functions archdoc's own graphs never call (record
// shapes, orthogonal edges), so used_functions.txt leaves them out.
var record = []byte("digraph G {\ngraph [splines=ortho];\nnode [shape=record];\na [label=\"{用户|<p> 订单}\"];\na:p -> b;\n}\n")

func inTime(lay func(context.Context) ([]byte, error)) ([]byte, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	return lay(ctx)
}

// A graph that needs a function the compiled part left out is laid out
// again in the whole module, with the same result as there, and the
// process keeps to the whole module from then on.
func TestLeftOutFunctionFallsBackToWholeModule(t *testing.T) {
	got, err := runHere(context.Background(), WASM, record, 20*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	wasmTurn.Lock()
	whole := wholeOnly
	wholeOnly = false // for the other tests
	wasmTurn.Unlock()
	if !whole {
		t.Error("after a fallback, the next layout would try the part first again")
	}
	wasmTurn.Lock()
	_, partErr := layFresh(record, gv.Fresh, inTime)
	want, wholeErr := layFresh(record, gv.FreshWhole, inTime)
	wasmTurn.Unlock()
	if !gv.LeftOut(partErr) {
		t.Fatalf("the part of Graphviz archdoc compiles first laid out record shapes (err %v): pick another graph for this test", partErr)
	}
	if wholeErr != nil {
		t.Fatal(wholeErr)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("fallback layout differs from the whole module's:\n%s\nwant\n%s", got, want)
	}
}

// A graph archdoc draws (the example's business view, as archdoc gives
// it to Graphviz) needs nothing left out, and its layout in the part is
// the whole module's.
func TestUsedFunctionsLayOutArchdocsGraphs(t *testing.T) {
	business, err := os.ReadFile("testdata/business.dot")
	if err != nil {
		t.Fatal(err)
	}
	wasmTurn.Lock()
	part, partErr := layFresh(business, gv.Fresh, inTime)
	whole, wholeErr := layFresh(business, gv.FreshWhole, inTime)
	wasmTurn.Unlock()
	if partErr != nil || wholeErr != nil {
		t.Fatalf("part: %v, whole: %v", partErr, wholeErr)
	}
	if !bytes.Equal(part, whole) {
		t.Error("the part's layout differs from the whole module's")
	}
}

// Errors that are not a left-out function's trap are not retried.
func TestLeftOutOnlyForLeftOutFunctions(t *testing.T) {
	for _, msg := range []string{
		"graphviz rejected the graph: syntax error in line 1",
		"wasm error: unreachable\nwasm stack trace:\n\t.$5(i32)", // an import
		"wasm error: out of bounds memory access\nwasm stack trace:\n\t.$999999(i32)",
	} {
		if gv.LeftOut(errorString(msg)) {
			t.Errorf("LeftOut(%q) = true", msg)
		}
	}
	if gv.LeftOut(nil) {
		t.Error("LeftOut(nil) = true")
	}
}

type errorString string

func (e errorString) Error() string { return string(e) }

// The embedded list parses, and a broken one says where.
func TestParseUsedFunctions(t *testing.T) {
	list, err := ParseUsedFunctions(usedFunctions)
	if err != nil || len(list) < 100 {
		t.Fatalf("%s: %d functions, %v", UsedFunctionsFile, len(list), err)
	}
	if _, err := ParseUsedFunctions([]byte("# c\n5\n3\n")); err == nil || err.Error() != `used_functions.txt:3: "3" is not an index greater than the one before` {
		t.Errorf("unsorted list: %v", err)
	}
	if _, err := os.Stat(UsedFunctionsFile); err != nil {
		t.Error(err)
	}
}
