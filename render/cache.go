package render

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"sync"

	"github.com/archdoc/archdoc/internal/graphviz"
	"github.com/archdoc/archdoc/model"
	"github.com/archdoc/archdoc/render/layout"
	"github.com/archdoc/archdoc/render/scene"
	"github.com/archdoc/archdoc/render/view"
)

// Layouts lays out a model's views on every core and remembers each
// scene under a hash of its view's content and the layout settings, so
// laying out an edited model again (archdoc serve) only redoes the views
// the edit changed, and one build that needs the scenes twice (site and
// slides) lays each view out once. A Layouts is safe for concurrent use;
// the zero value is not: use NewLayouts.
type Layouts struct {
	// Progress, when set, is called after each view with how many of the
	// total are done (cached ones count as done at once). Calls are
	// serialised.
	Progress func(done, total int)
	// Store, when set, is asked for each scene not in memory before it is
	// laid out, and keeps each one laid out.
	Store Store
	mu    sync.Mutex
	saved map[[32]byte]*scene.Scene
	used  map[[32]byte]bool // since the last Scenes call began, View's included
	// memo shares Graphviz's layouts between the views of a build and
	// with the next build (see graphviz.Memo): a view the edit changed
	// may still hold graphs it did not (a domain drawn as one box).
	memo *graphviz.Memo

	viewsMu sync.Mutex
	views   modelViews // of the last model asked about (see Views)
	stats   Stats
}

// Stats counts what a Layouts did in its last Scenes call.
type Stats struct {
	Views  int // views in the model
	Laid   int // laid out (not found in the cache)
	Cached int // taken from the cache, in memory or in the Store
	Stored int // of those Cached, how many came from the Store
}

// NewLayouts returns an empty cache.
func NewLayouts() *Layouts {
	return &Layouts{saved: map[[32]byte]*scene.Scene{}, used: map[[32]byte]bool{}, memo: graphviz.NewMemo()}
}

// LastStats says what the last Scenes call did.
func (l *Layouts) LastStats() Stats {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.stats
}

// modelViews are a model's views and its ideas' options' views.
type modelViews struct {
	m            *model.Model
	all, options []*view.View
}

// Views returns view.All(m) and view.Options(m), derived once for the
// last model asked about: a build wants them for the site and again for
// the deck, and deriving them (a clone of the model for each option) was
// a sixth of a small rebuild's CPU. The views are shared: callers must
// not modify them.
func (l *Layouts) Views(m *model.Model) (all, options []*view.View) {
	l.viewsMu.Lock()
	defer l.viewsMu.Unlock()
	if l.views.m != m {
		l.views = modelViews{m: m, all: view.All(m), options: view.Options(m)}
	}
	return l.views.all, l.views.options
}

// Scenes lays out every view of m (see the package function Scenes) and
// returns the scenes in view.All's order, whatever order they finished
// in. Scenes that no call used between the previous Scenes call and this
// one (views no longer in the model) are forgotten, so a long serve
// session does not grow. Returned scenes are shared with
// the cache: callers must not modify them.
func (l *Layouts) Scenes(ctx context.Context, m *model.Model, opts ...layout.Option) ([]*scene.Scene, error) {
	all, _ := l.Views(m)
	return l.scenes(ctx, m, all, opts)
}

// ScenesOf lays out, as Scenes does, only the views of m whose id keep
// accepts (a deck's views), in view.All's order.
func (l *Layouts) ScenesOf(ctx context.Context, m *model.Model, keep func(viewID string) bool, opts ...layout.Option) ([]*scene.Scene, error) {
	var views []*view.View
	all, _ := l.Views(m)
	for _, v := range all {
		if keep(v.ID) {
			views = append(views, v)
		}
	}
	return l.scenes(ctx, m, views, opts)
}

func (l *Layouts) scenes(ctx context.Context, m *model.Model, views []*view.View, opts []layout.Option) ([]*scene.Scene, error) {
	settings := layout.SettingsKey(opts...) + fmt.Sprintf("|zh=%v", isZH(m.Language))
	keys := make([][32]byte, len(views))
	for i, v := range views {
		keys[i] = viewKey(v, m, settings)
	}
	out := make([]*scene.Scene, len(views))
	var todo []int
	l.mu.Lock()
	l.forgetUnused()
	for _, i := range layoutOrder(views) {
		l.used[keys[i]] = true
		if s, ok := l.saved[keys[i]]; ok {
			out[i] = s
		} else {
			todo = append(todo, i)
		}
	}
	l.stats = Stats{Views: len(views), Laid: len(todo), Cached: len(views) - len(todo)}
	l.mu.Unlock()
	done := len(views) - len(todo)
	l.report(done, len(views))
	err := l.each(ctx, todo, func(ctx context.Context, i int) error {
		s, ok := l.stored(keys[i], views[i])
		steady := ok
		if !ok {
			var err error
			if s, steady, err = l.layOut(ctx, keys[i], views[i], m, opts, onPage); err != nil {
				return err
			}
		}
		l.mu.Lock()
		if ok {
			l.stats.Laid--
			l.stats.Cached++
			l.stats.Stored++
		}
		out[i] = s
		if steady {
			l.saved[keys[i]] = s
		}
		done++
		l.report(done, len(views))
		l.mu.Unlock()
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// each runs f for the listed view indexes, as many at once as Graphviz
// can usefully run, in list order (see graphviz.Each).
func (l *Layouts) each(ctx context.Context, list []int, f func(context.Context, int) error) error {
	return graphviz.Each(ctx, len(list), func(ctx context.Context, k int) error { return f(ctx, list[k]) })
}

// report calls Progress; callers after the first hold l.mu, which keeps
// the counts in order.
func (l *Layouts) report(done, total int) {
	if l.Progress != nil {
		l.Progress(done, total)
	}
}

// forgetUnused drops the scenes and the Graphviz layouts (memo) no call
// used since the last Scenes call began, and starts counting again;
// l.mu is held. It
// runs when a call begins, not when it ends: a build lays out the site's
// views with Scenes and then the deck's slides with View, and serve's
// next rebuild must find both (forgetting at the end of Scenes dropped
// every slide layout, so each rebuild laid the whole deck out again).
func (l *Layouts) forgetUnused() {
	if len(l.used) > 0 { // an empty set: the first call, or one that failed
		for k := range l.saved {
			if !l.used[k] {
				delete(l.saved, k)
			}
		}
		l.memo.ForgetUnused()
	}
	l.used = map[[32]byte]bool{}
}

// viewKey hashes everything a view's layout depends on: the view itself
// (its exported fields, in order), the layout settings, and what of the
// model a domain box drawn for the view says beyond the view (see
// collapsed): how many modules each of its domains holds in the whole
// model ("2 of 5 modules") and its name. Adding a module to a domain
// changes a neighbour's view only there, and a stored scene must not
// keep the old count.
func viewKey(v *view.View, m *model.Model, settings string) [32]byte {
	h := sha256.New()
	h.Write([]byte(settings))
	h.Write([]byte{0})
	// A View is plain data (strings, ints, slices): encoding cannot fail.
	_ = json.NewEncoder(h).Encode(v)
	seen := map[string]bool{}
	fact := func(id string) {
		if id == "" || seen[id] {
			return
		}
		seen[id] = true
		name := ""
		if e, ok := m.Element(id); ok {
			name = e.Name
		}
		fmt.Fprintf(h, "%q %q %d\n", id, name, modulesIn(m, id))
	}
	for _, c := range v.Clusters {
		fact(c.ID)
	}
	for _, n := range v.Nodes {
		fact(n.Group)
	}
	var k [32]byte
	h.Sum(k[:0])
	return k
}
