package layout

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"time"

	"github.com/goccy/go-graphviz"
)

// runGraphviz lays out DOT source within budget and returns Graphviz's
// JSON, for callers without an Engine of their own. It runs Graphviz in
// this process while that is safe (see takeInProcess) and otherwise in
// sharedEngine's worker, also when the in-process module has just
// failed: a fresh process is the only way to get a healthy module back.
func runGraphviz(ctx context.Context, src []byte, budget time.Duration) ([]byte, error) {
	deadline := time.Now().Add(budget)
	if takeInProcess(src) {
		out, err := runInProcess(ctx, src, min(budget, firstTry))
		if err == nil || !gvBroken.Load() || ctx.Err() != nil || time.Until(deadline) <= 0 {
			return out, err
		}
	}
	return runInSharedEngine(ctx, src, time.Until(deadline))
}

// firstTry is how long a first attempt may run before it is given up
// for a second try in a fresh worker (see Engine.run). Graphviz's module
// sometimes loops forever in its edge router on a small graph that
// native dot lays out at once; whether it does depends on the module's
// history, so such a view can come out with splines in one run and
// straight edges in another (reported).
const firstTry = 5 * time.Second

// Graphviz runs in one WebAssembly module per process (go-graphviz
// instantiates it at package init): one layout at a time may use it
// (gvTurn), and once it has failed or hung (gvBroken) it is not used
// again. Its memory only grows, and a hang in it is fatal, not just
// slow: code compiled by wazero cannot be preempted, so the next garbage
// collection waits for it with every other goroutine (timers included)
// stopped and the build never ends (seen: a 300-module benchmark froze
// for 15 minutes). A worker that hangs is killed at its budget instead.
// So this process lays out only small graphs, and only so many:
const (
	// bigGraphMin is the DOT size (bytes) from which a graph always goes
	// to a worker: large graphs are the ones that corrupt or hang the
	// module (a 100-module business view, about 60 KB, already hits
	// Graphviz's "trouble in init_rank").
	bigGraphMin = 48 << 10
	// maxInProcessLayouts is how many layouts this process's module does;
	// the example's views all fit.
	maxInProcessLayouts = 32
	// inProcessWork bounds how much DOT (bytes) it lays out: well before
	// a module fails outright it starts to hang on graphs a fresh one
	// lays out in milliseconds (measured: a 60-box domain view of a
	// generated model, after about a hundred layouts, 2.3 MB of DOT; the
	// example's 21 views are about 23 KB).
	inProcessWork = 512 << 10
)

var (
	gvTurn           = make(chan struct{}, 1)
	gvBroken         atomic.Bool
	gv               *graphviz.Graphviz
	inProcessLayouts atomic.Int64
	inProcessDone    atomic.Int64 // DOT bytes laid out
	alwaysWorkers    atomic.Bool  // tests: every layout goes to a worker
)

// takeInProcess reports whether src is to be laid out in this process
// and if so takes gvTurn, which runInProcess gives back. A graph that
// finds the module busy (concurrent callers) goes to a worker rather
// than wait for it.
func takeInProcess(src []byte) bool {
	if alwaysWorkers.Load() || len(src) >= bigGraphMin || inProcessLayouts.Add(1) > maxInProcessLayouts ||
		inProcessDone.Load()+int64(len(src)) > inProcessWork {
		return false
	}
	select {
	case gvTurn <- struct{}{}:
	default:
		return false
	}
	if gvBroken.Load() {
		<-gvTurn
		return false
	}
	return true
}

// runInProcess runs runDot in this process, giving up after budget. The
// caller holds gvTurn; the call keeps it until runDot ends, which after a
// timeout may be never, so the module is then marked broken.
func runInProcess(ctx context.Context, src []byte, budget time.Duration) ([]byte, error) {
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
		} else if err == nil {
			inProcessDone.Add(int64(len(src)))
		}
		done <- result{out, err}
	}()
	timer := time.NewTimer(budget)
	defer timer.Stop()
	select {
	case r := <-done:
		return r.out, r.err
	case <-ctx.Done():
		return nil, ctx.Err()
	case <-timer.C:
		gvBroken.Store(true)
		return nil, fmt.Errorf("Graphviz took longer than %v", budget.Round(100*time.Millisecond))
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
	if !json.Valid(buf.b) {
		// A degraded module can answer with garbage instead of failing
		// (seen: 'diagram' of many views of a 300-module model). Saying
		// "wasm" marks the module broken (isWasmFault), so the layout is
		// tried again in a fresh worker instead of reaching the reader.
		return nil, errors.New("graphviz wasm module returned garbage instead of JSON")
	}
	return buf.b, nil
}
