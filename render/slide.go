package render

import (
	"context"
	"fmt"
	"strings"

	"github.com/archdoc/archdoc/internal/graphviz"
	"github.com/archdoc/archdoc/model"
	"github.com/archdoc/archdoc/render/layout"
	"github.com/archdoc/archdoc/render/scene"
	"github.com/archdoc/archdoc/render/view"
)

// DomainLevel is v with each top-level domain collapsed into one box
// (the stack: its technologies only) and only its strongest arrows, as a
// too-large view is drawn; false when nothing collapses.
func DomainLevel(v *view.View, m *model.Model) (*view.View, bool) {
	small, ok := domainLevel(v, m)
	if !ok {
		return nil, false
	}
	if kept, _, arrows, _ := strongestArrows(small); arrows > 0 {
		small.Edges = kept
	}
	return small, true
}

// View lays out one view as Scenes lays out m's own, from the cache when
// the same view was laid out with the same settings before: a deck's
// first try at a slide is often the site's own layout.
func (l *Layouts) View(ctx context.Context, v *view.View, m *model.Model, opts ...layout.Option) (*scene.Scene, error) {
	settings := layout.SettingsKey(opts...) + fmt.Sprintf("|zh=%v", isZH(m.Language))
	if pageChecked(v) { // a page's scene of it may be the domain level a slide need not be
		settings += "|slide"
	}
	key := viewKey(v, m, settings)
	l.mu.Lock()
	s, ok := l.saved[key]
	if ok {
		l.used[key] = true // kept for serve's next rebuild (see forgetUnused)
	}
	l.mu.Unlock()
	if ok {
		return s, nil
	}
	s, ok = l.stored(key, v)
	if !ok {
		var err error
		if s, ok, err = l.layOut(ctx, key, v, m, opts, onSlide); err != nil {
			return nil, err
		}
	}
	if ok {
		l.mu.Lock()
		l.saved[key], l.used[key] = s, true
		l.mu.Unlock()
	}
	return s, nil
}

// Fitted returns what fit makes of v for a slide (its scene, or its
// parts), as an earlier run kept it in the Store, or calls fit and keeps
// its result there when every layout it made was steady. fit tries many
// layouts of v (both directions, levels of detail, splits): a rebuild of
// a large deck then reads one file per slide view instead of each one
// fit tried. The key is v's, as for its own layout.
func (l *Layouts) Fitted(ctx context.Context, v *view.View, m *model.Model, fit func(context.Context) ([]*scene.Scene, error)) ([]*scene.Scene, error) {
	ls, ok := l.Store.(ListStore)
	if !ok {
		return fit(ctx)
	}
	key := viewKey(v, m, fmt.Sprintf("slide fit|zh=%v", isZH(m.Language)))
	if list, ok := ls.LoadList(key); ok && fitOf(list, v.ID) {
		return list, nil
	}
	counted, unsteady := graphviz.WithUnsteadyCount(ctx)
	list, err := fit(counted)
	if err == nil && ctx.Err() != nil {
		return nil, ctx.Err() // cut short: see layOut
	}
	if err == nil && unsteady() == 0 {
		ls.SaveList(key, list)
	}
	return list, err
}

// fitOf reports whether list is a fit of the view with id viewID: its
// scene, or its parts. Anything else is a damaged or replaced file.
func fitOf(list []*scene.Scene, viewID string) bool {
	if len(list) == 0 {
		return false
	}
	for _, s := range list {
		if s == nil || (s.ID != viewID && !strings.HasPrefix(s.ID, viewID+".part")) {
			return false
		}
	}
	return true
}
