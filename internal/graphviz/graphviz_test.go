package graphviz

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"runtime/debug"
	"slices"
	"testing"
	"time"
)

var small = []byte("digraph G {\ngraph [rankdir=LR];\na -> b [label=\"调用\"];\nb -> c;\n}\n")

// loops is a 10-box module view of a generated 100-module model whose
// edge routing loops forever in the bundled Graphviz, also in a fresh
// process, while native dot lays it out in milliseconds.
func loops(t *testing.T) []byte {
	t.Helper()
	src, err := os.ReadFile("testdata/loops.dot")
	if err != nil {
		t.Fatal(err)
	}
	return src
}

// A looping layout returns at its deadline even while the garbage
// collector runs all the time (it used to wait forever for the wasm
// loop), and its straight-arrow retry is reported.
func TestLoopingLayoutEndsInBudgetUnderGC(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(1))
	budget := 7 * time.Second
	start := time.Now()
	res, err := layoutWith(context.Background(), loops(t), budget, WASM, run)
	took := time.Since(start)
	if err != nil {
		t.Fatal(err)
	}
	if took > budget+time.Second {
		t.Errorf("took %v, budget %v", took, budget)
	}
	if !res.Straight || !bytes.Contains(res.JSON, []byte(`"splines": "line"`)) {
		t.Errorf("Straight=%v: the looping graph should come back with straight arrows", res.Straight)
	}
}

// The same graph gives the same bytes however many layouts ran before:
// every layout gets a fresh module.
func TestLayoutDoesNotDependOnHistory(t *testing.T) {
	first, err := runHere(context.Background(), WASM, small, 10*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	// An aborted layout in between must not change anything either.
	if _, err := runHere(context.Background(), WASM, loops(t), 50*time.Millisecond); !errors.Is(err, ErrOverBudget) {
		t.Fatalf("looping graph in 50ms: %v, want over budget", err)
	}
	for range 5 {
		again, err := runHere(context.Background(), WASM, small, 10*time.Second)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(first, again) {
			t.Fatal("the same graph laid out again gives other bytes")
		}
	}
}

// A cancelled context stops a layout at once, with the context's error.
func TestCancelStopsLayout(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(200*time.Millisecond, cancel)
	start := time.Now()
	_, err := Layout(ctx, loops(t), time.Minute)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err %v, want context.Canceled", err)
	}
	if took := time.Since(start); took > 2*time.Second {
		t.Errorf("cancelled after 0.2 s, returned after %v", took)
	}
}

// The order of tries: the chosen engine, native dot when Auto and it is
// installed, then straight arrows; other errors are not retried.
func TestOrderOfTries(t *testing.T) {
	slow := fmt.Errorf("try: %w", ErrOverBudget)
	native := hasNative()
	for _, tt := range []struct {
		name  string
		e     Engine
		fails []error
		want  []string // engine and whether straight, per try
	}{
		{"wasm that works", WASM, nil, []string{"wasm"}},
		{"wasm that loops", WASM, []error{slow}, []string{"wasm", "wasm straight"}},
		{"broken graph", WASM, []error{errors.New("syntax error")}, []string{"wasm"}},
		{"auto that loops", Auto, []error{slow}, map[bool][]string{true: {"wasm", "native"}, false: {"wasm", "wasm straight"}}[native]},
		{"auto where native fails too", Auto, []error{slow, errors.New("dot crashed")}, map[bool][]string{true: {"wasm", "native", "wasm straight"}, false: {"wasm", "wasm straight"}}[native]},
		{"native that loops", Native, []error{slow}, []string{"native", "native straight"}},
		{"worker over its CPU time", WASM, []error{&overBudgetError{budget: time.Second, steady: true}}, []string{"wasm", "wasm straight"}},
	} {
		var tries []string
		try := func(_ context.Context, e Engine, src []byte, _ time.Duration) ([]byte, error) {
			name := string(e)
			if bytes.Contains(src, []byte("splines=line")) {
				name += " straight"
			}
			tries = append(tries, name)
			if n := len(tries); n <= len(tt.fails) {
				return nil, tt.fails[n-1]
			}
			return []byte("{}"), nil
		}
		ctx, unsteady := WithUnsteadyCount(context.Background())
		res, err := layoutWith(ctx, small, time.Minute, tt.e, try)
		wantOver := int64(0)
		if len(tt.fails) > 0 && !steady(tt.fails[0]) { // a failure may be a killed worker: not to be kept either
			wantOver = 1
		}
		if got := unsteady(); got != wantOver {
			t.Errorf("%s: %d layouts counted over budget or failed, want %d", tt.name, got, wantOver)
		}
		if !slices.Equal(tries, tt.want) {
			t.Errorf("%s: tries %q, want %q", tt.name, tries, tt.want)
		}
		if len(tt.fails) > 0 && !errors.Is(tt.fails[0], ErrOverBudget) {
			if err == nil {
				t.Errorf("%s: the error was not returned", tt.name)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
		}
		if tt.name == "auto that loops" && native && len(res.Notes) != 1 {
			t.Errorf("%s: notes %q, want one saying native dot drew it", tt.name, res.Notes)
		}
	}
}

// Native dot gives JSON that reads like the bundled engine's.
func TestNativeDot(t *testing.T) {
	if !hasNative() {
		t.Skip("GRAPHVIZ NOT INSTALLED: native dot not found in PATH, so the native engine is not tested; CI installs graphviz")
	}
	out, err := runHere(context.Background(), Native, loops(t), 20*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	var v struct {
		BB      string `json:"bb"`
		Objects []any  `json:"objects"`
	}
	if err := json.Unmarshal(out, &v); err != nil || v.BB == "" || len(v.Objects) == 0 {
		t.Fatalf("%v: %.200s", err, out)
	}
}

func TestParseEngine(t *testing.T) {
	for in, want := range map[string]Engine{"": Auto, "auto": Auto, "WASM": WASM, " native ": Native} {
		if got, err := ParseEngine(in); err != nil || got != want {
			t.Errorf("%q: %q, %v", in, got, err)
		}
	}
	if _, err := ParseEngine("cairo"); err == nil || err.Error() != `unknown Graphviz engine "cairo": use wasm, native or auto` {
		t.Errorf("cairo: %v", err)
	}
}
