// Package graphviz is archdoc's one door to Graphviz: Layout runs the dot
// layout on a DOT graph under a context and a time budget and returns
// Graphviz's JSON (-Tjson0), or an error that says whether the time ran
// out. Nothing else in archdoc knows how Graphviz is run.
//
// The bundled engine is Graphviz 12 compiled to WebAssembly (a patched
// go-graphviz in third_party/go-graphviz): every layout gets a fresh
// module, so a drawing never depends on what was laid out before, and a
// cancelled context stops a looping layout at once. The native engine is
// the `dot` program, when it is installed. Worker processes (see
// UseWorkers) let several layouts run at once.
package graphviz

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Engine names a way of running Graphviz.
type Engine string

const (
	// Auto is the bundled WebAssembly Graphviz, falling back to native
	// dot (when installed) for a graph that runs over its first try.
	Auto Engine = ""
	// WASM is only the bundled WebAssembly Graphviz: the same output on
	// every machine.
	WASM Engine = "wasm"
	// Native is only the installed `dot` program.
	Native Engine = "native"
)

// EnvEngine is the environment variable that chooses the engine when no
// flag does.
const EnvEngine = "ARCHDOC_GRAPHVIZ"

// ParseEngine reads an engine name ("", "auto", "wasm" or "native").
func ParseEngine(s string) (Engine, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "auto":
		return Auto, nil
	case "wasm":
		return WASM, nil
	case "native":
		return Native, nil
	}
	return Auto, fmt.Errorf("unknown Graphviz engine %q: use wasm, native or auto", s)
}

// EngineFromEnv returns the engine EnvEngine names.
func EngineFromEnv() (Engine, error) {
	e, err := ParseEngine(os.Getenv(EnvEngine))
	if err != nil {
		return Auto, fmt.Errorf("%s: %w", EnvEngine, err)
	}
	return e, nil
}

var (
	configMu sync.Mutex
	engine   Engine
)

// Use sets the engine every later Layout uses (main does, from its flag
// or EnvEngine). Native fails at once when dot is not installed.
func Use(e Engine) error {
	if e == Native {
		if _, err := nativeDot(); err != nil {
			return err
		}
	}
	configMu.Lock()
	engine = e
	configMu.Unlock()
	return nil
}

// Drawing names what draws this process's layouts: "wasm" for the
// bundled Graphviz (auto too: it falls back to native dot only past a
// time budget, see WithUnsteadyCount), or for native the dot program
// with its size and time, which an upgrade of Graphviz changes.
func Drawing() string {
	if current() != Native {
		return string(WASM)
	}
	path, err := nativeDot()
	if err != nil {
		return string(Native)
	}
	if st, err := os.Stat(path); err == nil {
		return fmt.Sprintf("native %s %d %d", path, st.Size(), st.ModTime().UnixNano())
	}
	return "native " + path
}

func current() Engine {
	configMu.Lock()
	defer configMu.Unlock()
	return engine
}

// ErrOverBudget is wrapped by errors of layouts that ran out of time.
var ErrOverBudget = errors.New("over its time budget")

// unsteadyKey is the context key of WithUnsteadyCount's counter.
type unsteadyKey struct{}

// WithUnsteadyCount returns a context whose layouts count, in the
// returned function's result, how many ran over their first try's wall
// time and were finished some other way (native dot, straight edges,
// the grid), or whose first try failed (a Graphviz worker killed or not
// started, whose view the caller then draws on the grid): their drawings
// depend on the machine's load and health, so a cache that outlives the
// process must not keep them. A worker's layout over its budget of CPU
// time is not counted: it runs over on every run (see wallFactor).
// Counts nest: a layout counted in ctx's count is counted in the
// counts of the contexts it was made from too.
func WithUnsteadyCount(ctx context.Context) (context.Context, func() int64) {
	parent, _ := ctx.Value(unsteadyKey{}).(*unsteadyCount)
	c := &unsteadyCount{parent: parent}
	return context.WithValue(ctx, unsteadyKey{}, c), c.n.Load
}

type unsteadyCount struct {
	n      atomic.Int64
	parent *unsteadyCount
}

// countUnsteady adds one to ctx's unsteady counts.
func countUnsteady(ctx context.Context) {
	c, _ := ctx.Value(unsteadyKey{}).(*unsteadyCount)
	for ; c != nil; c = c.parent {
		c.n.Add(1)
	}
}

// Result is a finished layout.
type Result struct {
	JSON []byte
	// Notes say how the layout differs from a plain run of the chosen
	// engine (another engine, straight arrows), for the view's warnings.
	Notes []string
	// Straight is true when the arrows are straight lines (splines=line).
	Straight bool
}

// FirstTry is how long a first attempt may run (or a quarter of the
// budget, if longer) before the next way is tried: the WebAssembly
// Graphviz loops forever on some graphs (its edge router) that native
// dot lays out in milliseconds.
const FirstTry = 5 * time.Second

// Layout lays out src (a DOT graph) with the dot engine within budget.
// A graph the chosen engine cannot finish in FirstTry is tried with
// native dot (Auto, when installed), then with straight arrows in the
// remaining time; Result.Notes says so. The error wraps ErrOverBudget
// when time ran out, or the context's error.
// With a Memo in ctx (WithMemo), a graph laid out before is not laid out
// again.
func Layout(ctx context.Context, src []byte, budget time.Duration) (Result, error) {
	e := current()
	lay := func(ctx context.Context) (Result, error) { return layoutWith(ctx, src, budget, e, run) }
	if m, ok := ctx.Value(memoKey{}).(*Memo); ok {
		return m.layout(ctx, memoKeyOf(e, budget, src), lay)
	}
	return lay(ctx)
}

// runFunc runs one attempt; tests replace it.
type runFunc func(ctx context.Context, e Engine, src []byte, budget time.Duration) ([]byte, error)

func layoutWith(ctx context.Context, src []byte, budget time.Duration, e Engine, try runFunc) (Result, error) {
	deadline := time.Now().Add(budget)
	first := e
	if first == Auto {
		first = WASM
	}
	out, err := try(ctx, first, src, min(budget, max(FirstTry, budget/4)))
	if err != nil && ctx.Err() == nil && !steady(err) {
		// Over its wall time, or failed: a worker killed (out of
		// memory), one that could not start. Either may go another way
		// next time.
		countUnsteady(ctx)
	}
	if err == nil || !errors.Is(err, ErrOverBudget) || ctx.Err() != nil {
		return Result{JSON: out}, err
	}
	var notes []string
	if e == Auto && hasNative() && time.Until(deadline) > 0 {
		out, nerr := try(ctx, Native, src, time.Until(deadline)/2)
		if nerr == nil {
			return Result{JSON: out, Notes: []string{fmt.Sprintf("the bundled Graphviz ran over %v, so the installed dot drew it", min(budget, max(FirstTry, budget/4)).Round(time.Second))}}, nil
		}
		notes = append(notes, "the installed dot failed too: "+nerr.Error())
	}
	if ctx.Err() != nil || time.Until(deadline) <= 0 {
		return Result{}, err
	}
	out, err = try(ctx, first, straight(src), time.Until(deadline))
	if err != nil {
		return Result{}, err
	}
	return Result{JSON: out, Straight: true, Notes: notes}, nil
}

// straight asks for straight arrows, which skips the edge router where
// Graphviz loops; the boxes and label places are still Graphviz's.
func straight(src []byte) []byte {
	i := bytes.IndexByte(src, '{')
	if i < 0 {
		return src
	}
	return append(append(append([]byte{}, src[:i+1]...), "\ngraph [splines=line];"...), src[i+1:]...)
}

// run makes one attempt with engine e within budget.
func run(ctx context.Context, e Engine, src []byte, budget time.Duration) ([]byte, error) {
	if e != Native && workersConfigured() {
		return runInWorker(ctx, src, budget) // the worker keeps the budget
	}
	return runHere(ctx, e, src, budget)
}

// runHere makes one attempt in this process (native dot is a child
// process of it).
func runHere(ctx context.Context, e Engine, src []byte, budget time.Duration) ([]byte, error) {
	timed := func(lay func(context.Context) ([]byte, error)) ([]byte, error) {
		tctx, cancel := context.WithTimeout(ctx, budget)
		defer cancel()
		out, err := lay(tctx)
		if err != nil && ctx.Err() == nil && tctx.Err() == context.DeadlineExceeded {
			return nil, overBudget(budget)
		}
		return out, err
	}
	if e == Native {
		return timed(func(ctx context.Context) ([]byte, error) { return runNative(ctx, src) })
	}
	return runWASM(src, timed)
}
