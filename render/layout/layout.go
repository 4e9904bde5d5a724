// Package layout places a view: it measures every label itself (see
// render/measure), asks Graphviz (go-graphviz, WebAssembly, no cgo) to
// position boxes of exactly those sizes, and reads the positions back into
// a scene.Scene that every renderer draws. Sequence views are laid out
// here directly.
package layout

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"time"

	"github.com/goccy/go-graphviz"

	"github.com/archdoc/archdoc/render/measure"
	"github.com/archdoc/archdoc/render/scene"
	"github.com/archdoc/archdoc/render/view"
)

// DefaultFontSize is the scene font size in points.
const DefaultFontSize = 14

// Option changes how a view is laid out.
type Option func(*config)

type config struct {
	budget     time.Duration // longest wait for Graphviz
	fontSize   float64
	labelWidth float64 // wrap width of node labels, in points
	edgeWidth  float64 // wrap width of edge labels
	noteWidth  float64 // wrap width of notes and module features
}

// WithFontSize sets the base font size (points) labels are measured with.
func WithFontSize(pt float64) Option {
	return func(c *config) {
		if pt > 0 {
			c.fontSize = pt
		}
	}
}

// WithLabelWidth sets the width (points) node labels are wrapped at.
func WithLabelWidth(pt float64) Option {
	return func(c *config) {
		if pt > 0 {
			c.labelWidth = pt
		}
	}
}

// WithTimeout sets how long Graphviz may take for one view before the
// view is drawn with the simple fallback layout instead (default
// DefaultTimeout).
func WithTimeout(d time.Duration) Option {
	return func(c *config) {
		if d > 0 {
			c.budget = d
		}
	}
}

// DefaultTimeout is the default time budget of one view's layout.
const DefaultTimeout = 20 * time.Second

func newConfig(opts []Option) config {
	c := config{fontSize: DefaultFontSize, budget: DefaultTimeout}
	for _, o := range opts {
		o(&c)
	}
	em := c.fontSize
	if c.labelWidth == 0 {
		c.labelWidth = 11 * em // about 11 Chinese characters
	}
	c.edgeWidth = 9 * em
	c.noteWidth = 14 * em
	return c
}

// Layout positions v and returns its scene. The same view always gives
// the same scene. Edges Graphviz cannot route are drawn straight and
// reported in Scene.Warnings, never dropped; a view Graphviz cannot lay
// out within the time budget (or at all) gets the fallback layout, also
// reported. The only errors are the context's.
func Layout(ctx context.Context, v *view.View, opts ...Option) (*scene.Scene, error) {
	s, err := layout(ctx, v, opts...)
	if s != nil {
		s.Groups = v.Groups
	}
	return s, err
}

func layout(ctx context.Context, v *view.View, opts ...Option) (*scene.Scene, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	c := newConfig(opts)
	if v.Kind == view.KindSequence {
		return layoutSequence(v, c), nil
	}
	g := newGraph(v, c)
	out, err := runDotWithin(ctx, g.dot(), c.budget)
	if err == nil {
		var s *scene.Scene
		if s, err = g.scene(out); err == nil {
			return s, nil
		}
	}
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	s := g.fallback()
	s.Warnings = append(s.Warnings, fmt.Sprintf("Graphviz could not lay out view %s (%v); it is drawn with the simple grid layout instead", v.ID, err))
	return s, nil
}

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

// runDotWithin runs runDot, giving up after budget.
func runDotWithin(ctx context.Context, src []byte, budget time.Duration) ([]byte, error) {
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
		out, err := runDot(context.WithoutCancel(ctx), src)
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

type bytesBuffer struct{ b []byte }

func (w *bytesBuffer) Write(p []byte) (int, error) { w.b = append(w.b, p...); return len(p), nil }

// wrapLines wraps text at width and returns the lines and their widest width.
func wrapLines(text string, width, fs float64) ([]string, float64) {
	lines := measure.Wrap(text, width, fs)
	return lines, measure.MaxWidth(lines, fs)
}
