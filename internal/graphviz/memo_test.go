package graphviz

import (
	"bytes"
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// A graph asked for twice, also at the same time, is laid out once, and
// both get its drawing; another budget or graph is another layout.
func TestMemoLaysOutAGraphOnce(t *testing.T) {
	m := NewMemo()
	var runs atomic.Int32
	release := make(chan struct{})
	lay := func(context.Context) (Result, error) {
		runs.Add(1)
		<-release
		return Result{JSON: []byte(`{"name":"G"}`)}, nil
	}
	key := memoKeyOf(WASM, time.Second, small)
	var wg sync.WaitGroup
	got := make([]Result, 3)
	for i := range got {
		wg.Go(func() {
			var err error
			if got[i], err = m.layout(context.Background(), key, lay); err != nil {
				t.Error(err)
			}
		})
	}
	time.Sleep(20 * time.Millisecond) // let all three ask before the first finishes
	close(release)
	wg.Wait()
	if n := runs.Load(); n != 1 {
		t.Errorf("laid out %d times, want once", n)
	}
	for i, r := range got {
		if !bytes.Equal(r.JSON, []byte(`{"name":"G"}`)) {
			t.Errorf("caller %d got %q", i, r.JSON)
		}
	}
	for _, k := range [][32]byte{memoKeyOf(WASM, 2*time.Second, small), memoKeyOf(WASM, time.Second, other), memoKeyOf(Native, time.Second, small)} {
		if k == key {
			t.Errorf("two different layouts share the key %x", key)
		}
	}
}

var other = []byte("digraph G {\na -> b;\n}\n")

// A layout that ran over its wall time (its drawing depends on the
// machine's load) or failed is not handed out again: the next request
// lays the graph out itself. The caller's unsteady count still sees it.
func TestMemoKeepsOnlySteadyLayouts(t *testing.T) {
	for _, tc := range []struct {
		name string
		lay  func(ctx context.Context) (Result, error)
	}{
		{"over its wall time", func(ctx context.Context) (Result, error) {
			countUnsteady(ctx)
			return Result{JSON: []byte(`{}`), Straight: true}, nil
		}},
		{"failed", func(context.Context) (Result, error) { return Result{}, errors.New("worker killed") }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := NewMemo()
			key := memoKeyOf(WASM, time.Second, small)
			ctx, unsteady := WithUnsteadyCount(context.Background())
			m.layout(ctx, key, tc.lay)
			if tc.name == "over its wall time" && unsteady() != 1 {
				t.Errorf("the caller's unsteady count is %d, want 1", unsteady())
			}
			again := false
			m.layout(context.Background(), key, func(context.Context) (Result, error) {
				again = true
				return Result{JSON: []byte(`{}`)}, nil
			})
			if !again {
				t.Error("the second request got the first one's layout")
			}
		})
	}
}

// The memo holds at most memoBytes of layouts; beyond, graphs are laid
// out every time rather than the memory growing with the model.
func TestMemoIsBounded(t *testing.T) {
	m := NewMemo()
	big := Result{JSON: make([]byte, memoBytes/2+1)}
	for _, g := range []string{"a", "b"} {
		m.layout(context.Background(), memoKeyOf(WASM, time.Second, []byte(g)), func(context.Context) (Result, error) { return big, nil })
	}
	if m.bytes > memoBytes {
		t.Fatalf("the memo holds %d bytes, more than %d", m.bytes, memoBytes)
	}
	again := false
	m.layout(context.Background(), memoKeyOf(WASM, time.Second, []byte("b")), func(context.Context) (Result, error) {
		again = true
		return big, nil
	})
	if !again {
		t.Error("the layout over the bound was kept")
	}
}

// A layout counted as unsteady in a nested count (a view's, inside a
// slide fit's) is counted in the outer one too.
func TestUnsteadyCountsNest(t *testing.T) {
	outer, outerCount := WithUnsteadyCount(context.Background())
	inner, innerCount := WithUnsteadyCount(outer)
	countUnsteady(inner)
	countUnsteady(outer)
	if innerCount() != 1 || outerCount() != 2 {
		t.Errorf("inner %d, outer %d; want 1 and 2", innerCount(), outerCount())
	}
}

// A memo kept from build to build (serve's) keeps the layouts the last
// build asked for, and drops the others and their bytes.
func TestMemoForgetsWhatTheLastBuildDidNotUse(t *testing.T) {
	m := NewMemo()
	runs := map[string]int{}
	ask := func(g string) {
		m.layout(context.Background(), memoKeyOf(WASM, time.Second, []byte(g)), func(context.Context) (Result, error) {
			runs[g]++
			return Result{JSON: []byte(`{"name":"` + g + `"}`)}, nil
		})
	}
	ask("a") // first build: a, b
	ask("b")
	m.ForgetUnused()
	ask("a") // second build: a only
	m.ForgetUnused()
	ask("a")
	ask("b")
	if runs["a"] != 1 || runs["b"] != 2 {
		t.Errorf("a laid out %d times (want 1: every build used it), b %d (want 2: the second build did not)", runs["a"], runs["b"])
	}
	if want := len(`{"name":"a"}`) + len(`{"name":"b"}`); m.bytes != want {
		t.Errorf("the memo counts %d bytes, holds %d", m.bytes, want)
	}
}
