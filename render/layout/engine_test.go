package layout

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/archdoc/archdoc/render/view"
)

// A private engine gives the same scenes as the shared Graphviz.
func TestEngineGivesTheSameScenes(t *testing.T) {
	m := loadExample(t, "shop")
	e := NewEngine()
	defer e.Close()
	for _, v := range view.All(m) {
		want, err := Layout(context.Background(), v)
		if err != nil {
			t.Fatal(err)
		}
		got, err := Layout(context.Background(), v, WithEngine(e))
		if err != nil {
			t.Fatal(err)
		}
		a, _ := json.Marshal(want)
		b, _ := json.Marshal(got)
		if string(a) != string(b) {
			t.Errorf("%s: engine scene differs from the shared one", v.ID)
		}
	}
}

// A layout over its budget in an engine falls back, says so, keeps every
// box and arrow, and the engine goes on working with a fresh worker.
func TestEngineOverBudgetFallsBack(t *testing.T) {
	v := bigBusinessView(t)
	e := NewEngine()
	defer e.Close()
	s, err := Layout(context.Background(), v, WithEngine(e), WithTimeout(time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	if want := "Graphviz did not finish within its time budget (1ms); it is drawn with the simple grid layout instead"; len(s.Warnings) == 0 || s.Warnings[len(s.Warnings)-1] != want {
		t.Fatalf("warnings = %q, want the last to be %q", s.Warnings, want)
	}
	if len(s.Nodes) != len(v.Nodes) || len(s.Edges) != len(v.Edges) {
		t.Fatal("fallback lost elements")
	}
	s, err = Layout(context.Background(), exampleView(t, "shop", "stack"), WithEngine(e))
	if err != nil || len(s.Warnings) != 0 {
		t.Fatalf("after an overrun: %v %q", err, s.Warnings)
	}
}

// Callers without an engine may lay out side by side (this process's
// Graphviz and the shared engine each serve one at a time) and get the
// scenes they get one after another.
func TestConcurrentCallersWithoutEngine(t *testing.T) {
	views := view.All(loadExample(t, "shop"))
	want := make([][]byte, len(views))
	for i, v := range views {
		s, err := Layout(context.Background(), v)
		if err != nil {
			t.Fatal(err)
		}
		want[i], _ = json.Marshal(s)
	}
	got := make([][]byte, len(views))
	var wg sync.WaitGroup
	for i, v := range views {
		wg.Go(func() {
			s, err := Layout(context.Background(), v)
			if err != nil {
				t.Error(err)
			}
			got[i], _ = json.Marshal(s)
		})
	}
	wg.Wait()
	for i, v := range views {
		if string(got[i]) != string(want[i]) {
			t.Errorf("%s: laid out side by side, the scene differs", v.ID)
		}
	}
}

// A small graph that finds this process's Graphviz busy goes to a
// worker instead of waiting for it, and comes out the same.
func TestBusyInProcessGraphvizIsNotWaitedFor(t *testing.T) {
	v := exampleView(t, "shop", "stack")
	want, err := Layout(context.Background(), v)
	if err != nil {
		t.Fatal(err)
	}
	// Give this layout the in-process module's bounds back, then hold it.
	layouts, done := inProcessLayouts.Swap(0), inProcessDone.Swap(0)
	defer func() { inProcessLayouts.Store(layouts); inProcessDone.Store(done) }()
	gvTurn <- struct{}{}
	got, err := Layout(context.Background(), v)
	<-gvTurn
	if err != nil {
		t.Fatal(err)
	}
	a, _ := json.Marshal(want)
	b, _ := json.Marshal(got)
	if string(a) != string(b) {
		t.Fatalf("scene from a worker differs: warnings %q", got.Warnings)
	}
}

// TestEngineRetries checks the order of tries in Engine.run: a small
// graph whose first try loops gets a fresh module with the same graph
// before straight edges; a big one goes to straight edges at once; any
// other failure (a module that answered garbage) is tried again as is.
func TestEngineRetries(t *testing.T) {
	small := []byte("digraph G {\ngraph [rankdir=LR];\n}\n")
	big := append(bytes.Repeat([]byte("// padding\n"), bigGraphMin/10), small...)
	garbage := errors.New("graphviz wasm module returned garbage instead of JSON")
	for _, tt := range []struct {
		name     string
		src      []byte
		fails    []error // what the tries return, in order, before one succeeds
		straight []bool  // whether each try asked for straight edges
	}{
		{"small graph that loops once", small, []error{errOverBudget}, []bool{false, false}},
		{"small graph that loops twice", small, []error{errOverBudget, errOverBudget}, []bool{false, false, true}},
		{"big graph that loops", big, []error{errOverBudget}, []bool{false, true}},
		{"garbage", small, []error{garbage}, []bool{false, false}},
	} {
		var straight []bool
		e := &Engine{try: func(_ context.Context, src []byte, _ time.Duration) ([]byte, error) {
			straight = append(straight, bytes.Contains(src, []byte("splines=line")))
			if n := len(straight); n <= len(tt.fails) {
				return nil, fmt.Errorf("try %d: %w", n, tt.fails[n-1])
			}
			return []byte("{}"), nil
		}}
		out, err := e.run(context.Background(), tt.src, DefaultTimeout)
		if err != nil || string(out) != "{}" {
			t.Errorf("%s: %q, %v", tt.name, out, err)
		}
		if !slices.Equal(straight, tt.straight) {
			t.Errorf("%s: tries asked for straight edges %v, want %v", tt.name, straight, tt.straight)
		}
	}
}
