// Package layout places a view: it measures every label itself (see
// render/measure), asks Graphviz (go-graphviz, WebAssembly, no cgo) to
// position boxes of exactly those sizes, and reads the positions back into
// a scene.Scene that every renderer draws. Sequence views are laid out
// here directly.
package layout

import (
	"context"
	"fmt"
	"sync"

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

func newConfig(opts []Option) config {
	c := config{fontSize: DefaultFontSize}
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
// reported in Scene.Warnings, never dropped.
func Layout(ctx context.Context, v *view.View, opts ...Option) (*scene.Scene, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	c := newConfig(opts)
	if v.Kind == view.KindSequence {
		return layoutSequence(v, c), nil
	}
	g := newGraph(v, c)
	out, err := runDot(ctx, g.dot())
	if err != nil {
		return nil, fmt.Errorf("layout %s: %w", v.ID, err)
	}
	return g.scene(out)
}

// Graphviz runs in one WebAssembly module shared by the whole process
// (go-graphviz instantiates it once, at package init), so calls into it
// are serialised; one Graphviz context is kept and reused.
var (
	gvMu sync.Mutex
	gv   *graphviz.Graphviz
)

// runDot lays out DOT source with the dot engine and returns Graphviz's
// JSON description of the result.
func runDot(ctx context.Context, src []byte) ([]byte, error) {
	gvMu.Lock()
	defer gvMu.Unlock()
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
