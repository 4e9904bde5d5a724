package render

import (
	"context"
	"fmt"

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
		if s, err = l.layOut(ctx, key, v, m, opts, onSlide); err != nil {
			return nil, err
		}
	}
	l.mu.Lock()
	l.saved[key], l.used[key] = s, true
	l.mu.Unlock()
	return s, nil
}
