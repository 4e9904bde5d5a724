package graphviz

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"sync"
	"time"
)

// A Memo lets a graph met twice be laid out once: two module views drawn
// alike, an idea's "before" view that is the business view, a slide part
// that is a page's view. Every layout runs in a fresh Graphviz, so the
// same graph, engine and budget give the same drawing; only such steady
// results are kept (not one that ran over its wall time or failed, see
// WithUnsteadyCount), up to memoBytes of JSON. A memo may outlive a
// build (serve keeps one): ForgetUnused drops what the last build did not
// ask for.
type Memo struct {
	mu    sync.Mutex
	runs  map[[32]byte]*memoRun
	bytes int
	laid  int // graphs laid out since the last ForgetUnused
}

const memoBytes = 32 << 20

type memoRun struct {
	done chan struct{}
	res  Result
	kept bool // res is steady and may be handed out
	used bool // asked for since the last ForgetUnused
}

// NewMemo returns an empty memo.
func NewMemo() *Memo { return &Memo{runs: map[[32]byte]*memoRun{}} }

type memoKey struct{}

// WithMemo returns a context whose layouts (Layout) are shared through m.
func WithMemo(ctx context.Context, m *Memo) context.Context {
	return context.WithValue(ctx, memoKey{}, m)
}

// layout returns the kept result of the same graph, waiting for a run of
// it in progress, or runs lay and keeps its result if it was steady.
func (m *Memo) layout(ctx context.Context, key [32]byte, lay func(context.Context) (Result, error)) (Result, error) {
	m.mu.Lock()
	r, found := m.runs[key]
	if !found {
		r = &memoRun{done: make(chan struct{})}
		m.runs[key] = r
	}
	r.used = true
	m.mu.Unlock()
	if found {
		select {
		case <-r.done:
		case <-ctx.Done():
			return Result{}, ctx.Err()
		}
		if r.kept {
			return r.res, nil
		}
		return lay(ctx) // the first run was not steady: this one may be
	}
	counted, unsteady := WithUnsteadyCount(ctx)
	res, err := lay(counted)
	m.mu.Lock()
	m.laid++
	if err == nil && unsteady() == 0 && m.bytes+len(res.JSON) <= memoBytes {
		r.res, r.kept = res, true
		m.bytes += len(res.JSON)
	} else {
		delete(m.runs, key) // a later request lays it out again
	}
	m.mu.Unlock()
	close(r.done)
	return res, err
}

// ForgetUnused drops the kept layouts no one asked for since the last
// call, so that a memo kept from build to build holds what the last
// build drew: an edit lays out again only the graphs it changed.
func (m *Memo) ForgetUnused() {
	m.mu.Lock()
	defer m.mu.Unlock()
	for key, r := range m.runs {
		select {
		case <-r.done:
		default:
			continue // still running: its caller keeps it or drops it
		}
		if !r.used {
			delete(m.runs, key)
			m.bytes -= len(r.res.JSON)
		}
		r.used = false
	}
	m.laid = 0
}

// Laid is how many graphs m laid out, rather than handing a kept layout
// out again, since the last ForgetUnused.
func (m *Memo) Laid() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.laid
}

// memoKeyOf names a layout: the engine, the budget and the graph.
func memoKeyOf(e Engine, budget time.Duration, src []byte) [32]byte {
	h := sha256.New()
	h.Write([]byte(e))
	var b [9]byte // a 0 ends the engine's name
	binary.BigEndian.PutUint64(b[1:], uint64(budget))
	h.Write(b[:])
	h.Write(src)
	var k [32]byte
	h.Sum(k[:0])
	return k
}
