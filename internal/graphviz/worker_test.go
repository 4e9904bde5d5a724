package graphviz

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sync"
	"testing"
	"time"
)

// TestMain lets this test binary serve as a worker, as main does.
func TestMain(m *testing.M) {
	if IsWorker() {
		os.Exit(ServeWorker(os.Stdin, os.Stdout))
	}
	os.Exit(m.Run())
}

func withWorkers(t *testing.T, n int) {
	t.Helper()
	UseSelfAsWorkers(n)
	t.Cleanup(func() { UseWorkers(nil, 0); Close() })
}

// Layouts in workers, side by side, give the bytes this process gives;
// a worker over its budget is stopped and the next layout still works.
func TestWorkers(t *testing.T) {
	want, err := runHere(context.Background(), WASM, small, 10*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	withWorkers(t, 2)
	if Parallelism() != 2 {
		t.Fatalf("Parallelism() = %d", Parallelism())
	}
	var wg sync.WaitGroup
	for range 6 {
		wg.Go(func() {
			got, err := run(context.Background(), WASM, small, 10*time.Second)
			if err != nil || !bytes.Equal(got, want) {
				t.Errorf("worker: %v, same bytes %v", err, bytes.Equal(got, want))
			}
		})
	}
	wg.Wait()
	start := time.Now()
	_, err = run(context.Background(), WASM, loops(t), 300*time.Millisecond)
	took := time.Since(start)
	if !errors.Is(err, ErrOverBudget) {
		t.Errorf("looping graph in a worker: %v, want over its budget", err)
	}
	// Its budget is CPU time: unless the machine gave it under a third of
	// a core (then its wall bound ends it), the overrun is steady.
	if took < wallFactor*300*time.Millisecond && !steady(err) {
		t.Errorf("looping graph in a worker, over in %v: %v, want over its budget of CPU time", took, err)
	}
	if took > wallFactor*300*time.Millisecond+grace {
		t.Errorf("a worker over its budget answered after %v", took)
	}
	if got, err := run(context.Background(), WASM, small, 10*time.Second); err != nil || !bytes.Equal(got, want) {
		t.Errorf("after an overrun: %v", err)
	}
}

// Each runs every index once and returns the first error.
func TestEach(t *testing.T) {
	seen := make([]int, 20)
	if err := Each(context.Background(), len(seen), func(_ context.Context, i int) error { seen[i]++; return nil }); err != nil {
		t.Fatal(err)
	}
	for i, n := range seen {
		if n != 1 {
			t.Errorf("index %d ran %d times", i, n)
		}
	}
	boom := errors.New("boom")
	if err := Each(context.Background(), 5, func(_ context.Context, i int) error {
		if i == 2 {
			return boom
		}
		return nil
	}); !errors.Is(err, boom) {
		t.Errorf("err %v, want boom", err)
	}
}

// A worker holds the collector off for its first layout (the compile of
// Graphviz's WebAssembly) and gives it back after, as it was; with the
// user's GOGC set, it leaves the collector alone.
func TestWorkerHoldsTheCollectorForItsFirstLayoutOnly(t *testing.T) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	before := debug.SetGCPercent(77)
	defer debug.SetGCPercent(before)
	var in bytes.Buffer
	binary.Write(&in, binary.BigEndian, uint32(10000))
	writeMessage(&in, small)
	var out bytes.Buffer
	if code := ServeWorker(&in, &out); code != 0 || out.Len() == 0 || out.Bytes()[0] != statusOK {
		t.Fatalf("worker exit %d, reply %q", code, out.Bytes())
	}
	if got := debug.SetGCPercent(77); got != 77 {
		t.Errorf("after the first layout GOGC is %d, want 77 back", got)
	}
	release := holdCollector()
	if got := debug.SetGCPercent(-1); got != -1 {
		t.Errorf("while held GOGC is %d, want off", got)
	}
	release()
	t.Setenv("GOGC", "50")
	holdCollector()
	if got := debug.SetGCPercent(77); got != 77 {
		t.Errorf("with the user's GOGC set, holding changed GOGC to %d", got)
	}
}

// A damaged compilation cache (a truncated entry) costs a compile, not
// the layouts: wazero fails a compile whose cached entry it cannot read
// or write, and every diagram was drawn with the grid layout instead.
func TestDamagedCompilationCacheStillLaysOut(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the cache folder follows XDG_CACHE_HOME on Linux only")
	}
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	business, err := os.ReadFile("testdata/business.dot")
	if err != nil {
		t.Fatal(err)
	}
	lay := func(src []byte) []byte {
		t.Helper()
		withWorkers(t, 2) // fresh processes: this one compiled long ago
		defer func() { UseWorkers(nil, 0); Close() }()
		out, err := run(context.Background(), WASM, src, 20*time.Second)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	want := lay(business)
	wantRecord := lay(record) // the whole module too
	damaged := 0
	filepath.WalkDir(filepath.Join(os.Getenv("XDG_CACHE_HOME"), "archdoc", "go-graphviz"), func(path string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() && os.Truncate(path, 10) == nil {
			damaged++
		}
		return nil
	})
	if damaged < 2 {
		t.Fatalf("damaged %d cached modules, want the part and the whole", damaged)
	}
	if got := lay(business); !bytes.Equal(got, want) {
		t.Error("with a damaged cache, the layout differs")
	}
	if got := lay(record); !bytes.Equal(got, wantRecord) {
		t.Error("with a damaged cache, the whole module's layout differs")
	}
}
