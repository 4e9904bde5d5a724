package render

import (
	"context"

	"github.com/archdoc/archdoc/internal/graphviz"
	"github.com/archdoc/archdoc/model"
	"github.com/archdoc/archdoc/render/layout"
	"github.com/archdoc/archdoc/render/scene"
	"github.com/archdoc/archdoc/render/view"
)

// Store keeps laid-out scenes beyond one process (on disk, see
// internal/scenecache), under the keys Layouts gives them: a hash of the
// view and the layout settings. Whoever sets one decides that it holds
// only scenes of this archdoc binary and Graphviz engine. Load misses
// on any problem; Save may fail silently: a store only saves time.
type Store interface {
	Load(key [32]byte) (*scene.Scene, bool)
	Save(key [32]byte, s *scene.Scene)
}

// A ListStore is a Store that also keeps lists of scenes under keys of
// their own: what a slide made of a view (see Layouts.Fitted).
type ListStore interface {
	Store
	LoadList(key [32]byte) ([]*scene.Scene, bool)
	SaveList(key [32]byte, list []*scene.Scene)
}

// stored returns the scene of v saved under key in l's store, if any.
// A scene of another view is a miss: the file was damaged or replaced,
// and the commands find each view's scene by its id (a diagram crashed,
// a site lost its diagrams).
func (l *Layouts) stored(key [32]byte, v *view.View) (*scene.Scene, bool) {
	if l.Store == nil {
		return nil, false
	}
	s, ok := l.Store.Load(key)
	if !ok || s == nil || s.ID != v.ID {
		return nil, false
	}
	return s, true
}

// layOut lays v out as laid does and, when it is steady, saves the
// scene in l's store: not when one of its layouts ran over its wall time
// or failed, which may go another way on a quieter day (see
// graphviz.WithUnsteadyCount). Callers keep only steady scenes in memory
// too, so nothing made of an unsteady one (a slide's fit) is kept.
func (l *Layouts) layOut(ctx context.Context, key [32]byte, v *view.View, m *model.Model, opts []layout.Option, page bool) (s *scene.Scene, steady bool, err error) {
	l.mu.Lock()
	ctx = graphviz.WithMemo(ctx, l.memo)
	l.mu.Unlock()
	ctx, unsteady := graphviz.WithUnsteadyCount(ctx)
	s, err = laidOutFor(ctx, v, m, opts, page)
	if err == nil && ctx.Err() != nil {
		// Cancelled (serve's next edit) after a first pass: the scene may
		// be one a later pass would have replaced, so it is not a result.
		err = ctx.Err()
	}
	if err != nil || unsteady() > 0 {
		return s, false, err
	}
	if l.Store != nil {
		l.Store.Save(key, s)
	}
	return s, true, nil
}
