// Package layout places a view: it measures every label itself (see
// render/measure), asks Graphviz (internal/graphviz) to position boxes
// of exactly those sizes, and reads the positions back into
// a scene.Scene that every renderer draws. Sequence views are laid out
// here directly.
package layout

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/archdoc/archdoc/internal/graphviz"
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
	gridOnly   bool          // skip Graphviz (WithGridLayout)
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
		s.Groups, s.Marks = v.Groups, v.Marks
		keepText(s, v)
	}
	return s, err
}

// GraphvizInput is the DOT graph Layout first sends Graphviz for v (its
// boxes at their measured sizes, no fonts to load), or nil for a view
// Layout draws without Graphviz: what a fair comparison with native dot
// gives both.
func GraphvizInput(v *view.View, opts ...Option) []byte {
	c := newConfig(opts)
	if v.Kind == view.KindSequence || v.Layout == view.LayoutLayers || c.gridOnly {
		return nil
	}
	return newGraph(v, c).dot()
}

func layout(ctx context.Context, v *view.View, opts ...Option) (*scene.Scene, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	c := newConfig(opts)
	if v.Kind == view.KindSequence {
		return layoutSequence(v, c), nil
	}
	if v.Layout == view.LayoutLayers {
		return layoutLayers(v, c), nil
	}
	g := newGraph(v, c)
	if c.gridOnly {
		return g.gridOnly(), nil
	}
	res, err := graphviz.Layout(ctx, g.dot(), c.budget)
	if err == nil {
		var s *scene.Scene
		if s, err = g.scene(res.JSON); err == nil {
			s.Warnings = append(s.Warnings, graphvizNotes(res)...)
			return g.clusterOrder(ctx, g.reorder(ctx, s)), nil
		}
	}
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	s := g.fallback()
	s.Fallbacks.GridLayout = true
	why := fmt.Sprintf("Graphviz could not lay it out (%v)", err)
	if errors.Is(err, graphviz.ErrOverBudget) {
		why = fmt.Sprintf("Graphviz did not finish within its time budget (%v)", c.budget)
	}
	s.Warnings = append(s.Warnings, why+"; it is drawn with the simple grid layout instead")
	return s, nil
}

// graphvizNotes says how Graphviz got to the layout, when not the plain way.
func graphvizNotes(res graphviz.Result) []string {
	var notes []string
	for _, n := range res.Notes {
		notes = append(notes, "Graphviz: "+n)
	}
	return notes
}

// wordGrow is how much wider than its wrapping width a box (or label) may
// grow to keep a long word whole: "recommendationservice" reads, its
// "recommendationservi|ce" does not.
const wordGrow = 1.5

// wrapLines wraps text at width (a word up to wordGrow times wider keeps
// its own line) and returns the lines and their widest width.
func wrapLines(text string, width, fs float64) ([]string, float64) {
	lines := measure.WrapGrow(text, width, wordGrow*width, fs)
	return lines, measure.MaxWidth(lines, fs)
}
