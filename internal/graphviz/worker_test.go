package graphviz

import (
	"bytes"
	"context"
	"errors"
	"os"
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
	if _, err := run(context.Background(), WASM, loops(t), 300*time.Millisecond); !errors.Is(err, ErrOverBudget) {
		t.Errorf("looping graph in a worker: %v, want over budget", err)
	}
	if took := time.Since(start); took > 300*time.Millisecond+grace {
		t.Errorf("a worker over its budget answered after %v", took)
	}
	if got, err := run(context.Background(), WASM, small, 10*time.Second); err != nil || !bytes.Equal(got, want) {
		t.Errorf("after an overrun: %v", err)
	}
}
