package graphviz

import (
	"context"
	"errors"
	"runtime"
	"testing"
	"time"
)

// A worker's budget counts CPU time: waiting (a busy machine giving the
// worker no core) does not use it up, working does.
func TestCPUBudgetCountsWorkNotWaiting(t *testing.T) {
	if _, ok := processCPU(); !ok {
		t.Skip("CPU time is not measured on " + runtime.GOOS + ": workers keep to wall time")
	}
	// A generous wall bound: a loaded machine (CI runs packages side by
	// side) may give this test a fraction of a core.
	ctx, cancel := withCPUBudget(context.Background(), 200*time.Millisecond, time.Minute)
	defer cancel()
	time.Sleep(250 * time.Millisecond)
	if ctx.Err() != nil {
		t.Fatalf("ended after 0.25 s of waiting with 0.2 s of CPU time to use: %v", context.Cause(ctx))
	}
	for x := 0; ctx.Err() == nil; x++ {
		_ = x * x // work
	}
	if !errors.Is(context.Cause(ctx), errCPUSpent) {
		t.Errorf("ended by %v, want its CPU time spent", context.Cause(ctx))
	}
}

// Waiting still ends at the wall bound.
func TestCPUBudgetBoundsWallTime(t *testing.T) {
	start := time.Now()
	ctx, cancel := withCPUBudget(context.Background(), 50*time.Millisecond, wallFactor*50*time.Millisecond)
	defer cancel()
	<-ctx.Done()
	if took := time.Since(start); took > wallFactor*50*time.Millisecond+time.Second {
		t.Errorf("ended after %v", took)
	}
	if errors.Is(context.Cause(ctx), errCPUSpent) {
		t.Errorf("a waiting layout ended as if it had used its CPU time")
	}
}
