package layout

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// Engine is a Graphviz of its own for one goroutine: a worker process
// (worker.go) that lays out only what this engine is given, replaced by
// a fresh one after workerLayouts layouts, workerWork bytes or a failure.
// Graphviz's WebAssembly module sometimes loops forever on a graph
// depending on what it laid out before; with workers shared by
// goroutines, which worker gets which graph depends on timing, so a view
// could come out with splines in one build and straight edges in the
// next. Giving each goroutine its own engine and a fixed list of views
// (render.Layouts does) makes every module's history, and so the output,
// the same in every build. An Engine is not safe for concurrent use.
type Engine struct {
	w *worker
	// try is one attempt in a worker (once); tests replace it to check
	// the order of retries without a Graphviz that loops on cue.
	try func(ctx context.Context, src []byte, budget time.Duration) ([]byte, error)
}

// NewEngine returns an engine; its worker starts with the first layout.
func NewEngine() *Engine { return &Engine{} }

// Close stops the engine's worker process.
func (e *Engine) Close() {
	if e.w != nil {
		e.w.stop()
		e.w = nil
	}
}

// WithEngine lays the view out with e instead of the shared Graphviz
// (see runGraphviz).
func WithEngine(e *Engine) Option {
	return func(c *config) { c.engine = e }
}

// run lays out src within budget: a first try of at most firstTry (or a
// quarter of the budget), then, if that failed, a second try in a fresh
// worker. A first try of a small graph that looped is tried once more as
// it is, for at most as long, since whether the module loops depends
// mostly on what it laid out before (seen: 'diagram' of every view of a
// 300-module model looped on a domain view that 'build' lays out in
// milliseconds); only then with straight edges (see secondTry).
func (e *Engine) run(ctx context.Context, src []byte, budget time.Duration) ([]byte, error) {
	once := e.once
	if e.try != nil {
		once = e.try
	}
	deadline := time.Now().Add(budget)
	try := min(budget, max(firstTry, budget/4))
	out, err := once(ctx, src, try)
	retry := func() bool { return err != nil && ctx.Err() == nil && time.Until(deadline) > 0 }
	if retry() && errors.Is(err, errOverBudget) {
		if len(src) < bigGraphMin { // a big graph may just be slow: no time for it twice
			out, err = once(ctx, src, min(try, time.Until(deadline)/2))
		}
		if retry() && errors.Is(err, errOverBudget) {
			out, err = once(ctx, secondTry(src), time.Until(deadline)) // it loops: straight edges
		}
	}
	if retry() {
		out, err = once(ctx, src, time.Until(deadline))
	}
	return out, err
}

var errOverBudget = errors.New("over budget")

// secondTry asks for straight edges (splines=line). The WebAssembly
// Graphviz sometimes loops forever in its edge router, even in a fresh
// module, on a graph native dot lays out at once (seen on a 10-box module
// view of a generated model); straight edges skip that router, and the
// boxes and label places are still Graphviz's. The scene reports it.
func secondTry(src []byte) []byte {
	return bytes.Replace(src, []byte("graph [rankdir"), []byte("graph [splines=line rankdir"), 1)
}

// once lays src out in the engine's worker (starting one if it has none)
// and retires the worker when it failed, overran budget (killing the stuck
// layout) or has done its share of work.
func (e *Engine) once(ctx context.Context, src []byte, budget time.Duration) ([]byte, error) {
	if e.w == nil {
		w, err := startWorker()
		if err != nil {
			return nil, err
		}
		e.w = w
	}
	timer := time.NewTimer(budget)
	defer timer.Stop()
	type result struct {
		out []byte
		err error
	}
	done := make(chan result, 1)
	w := e.w
	go func() {
		out, err := w.ask(src)
		done <- result{out, err}
	}()
	select {
	case r := <-done:
		w.used++
		w.work += len(src)
		if r.err == nil && !json.Valid(r.out) {
			r.out, r.err = nil, errors.New("graphviz worker: its module returned garbage")
		}
		// Our DOT is always valid, so any error (a syntax error, "Layout
		// was not done") means a damaged module: the next try gets a
		// fresh one.
		if r.err != nil || w.used >= workerLayouts || w.work >= workerWork {
			e.Close()
		}
		return r.out, r.err
	case <-ctx.Done():
		e.Close()
		return nil, ctx.Err()
	case <-timer.C:
		e.Close() // kills the stuck layout
		return nil, fmt.Errorf("Graphviz took longer than %v: %w", budget.Round(100*time.Millisecond), errOverBudget)
	}
}

// graphviz runs src on the configured engine, or the shared Graphviz.
func (c config) graphviz(ctx context.Context, src []byte) ([]byte, error) {
	if c.engine != nil {
		return c.engine.run(ctx, src, c.budget)
	}
	return runGraphviz(ctx, src, c.budget)
}

// sharedEngine lays out what callers without an engine of their own send
// to a worker; sharedEngineTurn lets one of them use it at a time (an
// Engine is not safe for concurrent use).
var (
	sharedEngine     = NewEngine()
	sharedEngineTurn = make(chan struct{}, 1)
)

// runInSharedEngine lays src out with sharedEngine within budget. Waiting
// for another caller to finish with it is not part of the budget, which
// is Graphviz's time: under load a view would otherwise fall back.
func runInSharedEngine(ctx context.Context, src []byte, budget time.Duration) ([]byte, error) {
	select {
	case sharedEngineTurn <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	defer func() { <-sharedEngineTurn }()
	return sharedEngine.run(ctx, src, budget)
}
