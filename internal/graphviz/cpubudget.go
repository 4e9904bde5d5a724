package graphviz

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// A worker holds its layout to a budget of CPU time, not wall time: a
// busy machine then slows a layout down without changing whether it
// finishes, so a layout over its budget is over it on every run of this
// machine (the WebAssembly Graphviz's loops run forever) and a cache may
// keep its drawing. wallFactor still bounds the wall time.
const wallFactor = 3

// errCPUSpent is the cause of a worker's layout stopped at its budget of
// CPU time.
var errCPUSpent = errors.New("CPU time spent")

// overBudgetError is a layout that ran out of time; steady when the time
// was CPU time (see wallFactor), so another run would run out too.
type overBudgetError struct {
	budget time.Duration
	steady bool
}

func (e *overBudgetError) Error() string {
	if e.steady {
		return fmt.Sprintf("Graphviz used more than %v of CPU time: %v", e.budget.Round(100*time.Millisecond), ErrOverBudget)
	}
	return fmt.Sprintf("Graphviz took longer than %v: %v", e.budget.Round(100*time.Millisecond), ErrOverBudget)
}

func (e *overBudgetError) Unwrap() error { return ErrOverBudget }

func overBudget(budget time.Duration) error { return &overBudgetError{budget: budget} }

// steady reports whether err would come again on another run: a layout
// over its CPU budget. A layout over its wall time, or a killed worker,
// may go another way on a quieter day.
func steady(err error) bool {
	var ob *overBudgetError
	return errors.As(err, &ob) && ob.steady
}

// withCPUBudget returns a context that ends once this process has used
// budget of CPU time from now (its cause is then errCPUSpent), or after
// wall of wall time. Where CPU time is not measured, it ends after
// budget of wall time.
func withCPUBudget(ctx context.Context, budget, wall time.Duration) (context.Context, context.CancelFunc) {
	start, ok := processCPU()
	if !ok {
		return context.WithTimeout(ctx, budget)
	}
	spent, cancelSpent := context.WithCancelCause(ctx)
	limited, cancelWall := context.WithTimeout(spent, wall)
	go func() {
		tick := time.NewTicker(max(time.Millisecond, min(budget/20, 50*time.Millisecond)))
		defer tick.Stop()
		for {
			select {
			case <-limited.Done():
				return
			case <-tick.C:
				if now, ok := processCPU(); ok && now-start >= budget {
					cancelSpent(errCPUSpent)
					return
				}
			}
		}
	}()
	return limited, func() { cancelWall(); cancelSpent(nil) }
}

// runOnCPUBudget is a worker's layout of src, in this process, within
// budget of CPU time.
func runOnCPUBudget(src []byte, budget time.Duration) ([]byte, error) {
	return runWASM(src, func(lay func(context.Context) ([]byte, error)) ([]byte, error) {
		ctx, cancel := withCPUBudget(context.Background(), budget, wallFactor*budget)
		defer cancel()
		out, err := lay(ctx)
		switch {
		case err == nil:
			return out, nil
		case errors.Is(context.Cause(ctx), errCPUSpent):
			return nil, &overBudgetError{budget: budget, steady: true}
		case ctx.Err() != nil:
			return nil, overBudget(budget)
		}
		return nil, err
	})
}
