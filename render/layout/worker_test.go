package layout

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/archdoc/archdoc/render/view"
)

// withWorkers runs f with every layout sent to worker processes.
func withWorkers(t *testing.T, f func()) {
	t.Helper()
	alwaysWorkers.Store(true)
	defer alwaysWorkers.Store(false)
	f()
}

// TestWorkersGiveTheSameScenes: a layout done in a worker process is the
// layout done in this process, byte for byte.
func TestWorkersGiveTheSameScenes(t *testing.T) {
	m := loadExample(t, "cashback")
	want, _ := json.Marshal(layoutAll(t, m))
	var got []byte
	withWorkers(t, func() { got, _ = json.Marshal(layoutAll(t, m)) })
	if !bytes.Equal(got, want) {
		t.Fatal("worker layouts differ from in-process layouts")
	}
}

// TestWorkerOverBudgetIsKilled: a worker that overruns the budget is
// killed, the view falls back, and the next layout gets a fresh worker.
func TestWorkerOverBudgetIsKilled(t *testing.T) {
	v := exampleView(t, "cashback", "business")
	withWorkers(t, func() {
		s, err := Layout(context.Background(), v, WithTimeout(time.Nanosecond))
		if err != nil {
			t.Fatal(err)
		}
		if len(s.Warnings) != 1 || !strings.Contains(s.Warnings[0], "grid layout") {
			t.Fatalf("warnings %q", s.Warnings)
		}
		s, err = Layout(context.Background(), v)
		if err != nil || len(s.Warnings) != 0 {
			t.Fatalf("after a killed worker: %v %q", err, s.Warnings)
		}
	})
}

func TestServeWorker(t *testing.T) {
	var in bytes.Buffer
	writeMessage(&in, []byte("digraph { a -> b }"))
	writeMessage(&in, []byte("digraph { a -> "))
	var out bytes.Buffer
	if code := serveWorker(&in, &out); code != 0 {
		t.Fatalf("exit code %d", code)
	}
	r := bufio.NewReader(&out)
	for i, wantStatus := range []byte{0, 1} {
		status, err := r.ReadByte()
		if err != nil {
			t.Fatal(err)
		}
		msg, err := readMessage(r)
		if err != nil {
			t.Fatal(err)
		}
		if status != wantStatus {
			t.Fatalf("reply %d: status %d (%s)", i, status, msg)
		}
		if status == 0 && !json.Valid(msg) {
			t.Fatalf("reply %d is not JSON: %.100s", i, msg)
		}
	}
}

// TestStraightEdgesAreReported: a layout that needed the straight-edge
// second try says so.
func TestStraightEdgesAreReported(t *testing.T) {
	v := &view.View{ID: "t", Kind: view.KindGraph,
		Nodes: []view.Node{{ID: "a", Label: "甲"}, {ID: "b", Label: "乙"}},
		Edges: []view.Edge{{ID: "a->b", Kind: "flow", From: "a", To: "b", Label: "调用", Arrow: true}}}
	g := newGraph(v, newConfig(nil))
	e := NewEngine()
	defer e.Close()
	out, err := e.run(context.Background(), secondTry(g.dot()), DefaultTimeout)
	if err != nil {
		t.Fatal(err)
	}
	s, err := g.scene(out)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Warnings) != 1 || !strings.Contains(s.Warnings[0], "straight lines") {
		t.Fatalf("warnings %q", s.Warnings)
	}
	if s.Fallbacks.StraightEdges != len(s.Edges) {
		t.Errorf("Fallbacks %+v: every arrow of the view is straight, so all %d count", s.Fallbacks, len(s.Edges))
	}
	checkFits(t, s)
}
