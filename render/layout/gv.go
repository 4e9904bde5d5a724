package layout

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"time"

	"github.com/goccy/go-graphviz"
)

// runGraphviz lays out DOT source within budget and returns Graphviz's
// JSON, for callers without an Engine of their own. It runs Graphviz in
// this process while that is safe (small graphs, a bounded share of
// work, a module that has not failed) and otherwise in sharedEngine's
// worker: a fresh process is the only way to get a healthy module back.
func runGraphviz(ctx context.Context, src []byte, budget time.Duration) ([]byte, error) {
	deadline := time.Now().Add(budget)
	if !gvBroken.Load() && !alwaysWorkers.Load() && !useSpareWorker(src) && inProcessDone.Load()+int64(len(src)) <= inProcessWork {
		out, err := runInProcess(ctx, src, min(budget, firstTry))
		if err == nil {
			inProcessDone.Add(int64(len(src)))
		}
		if err == nil || !gvBroken.Load() || ctx.Err() != nil || time.Until(deadline) <= 0 {
			return out, err
		}
	}
	return runInSharedEngine(ctx, src, time.Until(deadline))
}

// firstTry is how long a first attempt may run before it is given up
// for a second try in a fresh worker (see Engine.run) (the rest of the budget, straight
// edges: see secondTry). Graphviz's module sometimes loops forever in its
// edge router on a small graph that native dot lays out at once; whether
// it does depends on the module's history, so such a view can come out
// with splines in one run and straight edges in another (reported).
const firstTry = 5 * time.Second

// inProcessWork bounds how much DOT (bytes) the in-process module lays
// out. Its memory only grows, and well before it fails outright it starts
// to hang on graphs a fresh module lays out in milliseconds (measured: a
// 60-box domain view of a generated model fails after about a hundred
// layouts, 2.3 MB of DOT; the example's 21 views are about 23 KB),
// which would cost a whole time budget and make the result depend on
// timing. Past the bound, layouts go to worker processes, which are
// retired long before that (workerWork).
const inProcessWork = 512 << 10

var inProcessDone atomic.Int64

// alwaysWorkers sends every layout to a worker process (tests).
var alwaysWorkers atomic.Bool

// Graphviz runs in one WebAssembly module shared by the whole process
// (go-graphviz instantiates it once, at package init), so calls into it
// are serialised (gvTurn is a one-slot semaphore, so waiting can time
// out) and one Graphviz context is reused. The module can be left
// corrupted or stuck by some large graphs; after that (gvBroken) every
// layout uses the fallback instead of waiting for it.
var (
	gvTurn   = make(chan struct{}, 1)
	gvBroken atomic.Bool
	gv       *graphviz.Graphviz
)

var errBroken = errors.New("Graphviz failed earlier in this run and is no longer used")

// runInProcess runs runDot in this process, giving up after budget.
func runInProcess(ctx context.Context, src []byte, budget time.Duration) ([]byte, error) {
	if gvBroken.Load() {
		return nil, errBroken
	}
	timer := time.NewTimer(budget)
	defer timer.Stop()
	select {
	case gvTurn <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	case <-timer.C:
		return nil, fmt.Errorf("waited %v for Graphviz", budget)
	}
	type result struct {
		out []byte
		err error
	}
	done := make(chan result, 1)
	go func() {
		defer func() { <-gvTurn }()
		out, err := runDotSafely(context.WithoutCancel(ctx), src)
		if err != nil && isWasmFault(err) {
			gvBroken.Store(true)
		}
		done <- result{out, err}
	}()
	select {
	case r := <-done:
		return r.out, r.err
	case <-ctx.Done():
		return nil, ctx.Err()
	case <-timer.C:
		// The call cannot be interrupted; it keeps the slot until it ends.
		gvBroken.Store(true)
		return nil, fmt.Errorf("Graphviz took longer than %v", budget)
	}
}

// runDotSafely turns a panic inside go-graphviz (seen once its
// WebAssembly memory is corrupted) into an error: it runs on its own
// goroutine, where a panic would end the whole program.
func runDotSafely(ctx context.Context, src []byte) (out []byte, err error) {
	defer func() {
		if r := recover(); r != nil {
			out, err = nil, fmt.Errorf("graphviz wasm panic: %v", r)
		}
	}()
	return runDot(ctx, src)
}

// isWasmFault reports errors that mean the WebAssembly module itself went
// wrong (as opposed to Graphviz rejecting one graph).
func isWasmFault(err error) bool {
	msg := err.Error()
	return strings.Contains(msg, "wasm") || strings.Contains(msg, "memory") || strings.Contains(msg, "module closed")
}

// runDot lays out DOT source with the dot engine and returns Graphviz's
// JSON description of the result. Callers hold gvTurn.
func runDot(ctx context.Context, src []byte) ([]byte, error) {
	if gv == nil {
		g, err := graphviz.New(ctx)
		if err != nil {
			return nil, fmt.Errorf("start graphviz: %w", err)
		}
		gv = g
	}
	graph, err := graphviz.ParseBytes(src)
	if err != nil {
		return nil, fmt.Errorf("graphviz rejected the graph: %w", err)
	}
	defer graph.Close()
	var buf bytesBuffer
	if err := gv.Render(ctx, graph, "json0", &buf); err != nil {
		return nil, fmt.Errorf("graphviz: %w", err)
	}
	return buf.b, nil
}
