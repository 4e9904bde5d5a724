package render

import (
	"context"
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/archdoc/archdoc/model"
	"github.com/archdoc/archdoc/render/layout"
	"github.com/archdoc/archdoc/render/scene"
	"github.com/archdoc/archdoc/render/view"
)

// A deck's slide layouts (View) survive the next Scenes call, as serve's
// next rebuild needs them, and go once a whole rebuild passes without
// them.
func TestLayoutsKeepSlideLayoutsForTheNextRebuild(t *testing.T) {
	m := shopModel(t)
	ctx := context.Background()
	grid := layout.WithGridLayout()
	l := NewLayouts()
	slide := func() (laid bool) {
		t.Helper()
		v := view.Business(m)
		before := len(l.saved)
		if _, err := l.View(ctx, v, m, grid, layout.WithFontSize(20)); err != nil {
			t.Fatal(err)
		}
		return len(l.saved) > before
	}
	rebuild := func() {
		t.Helper()
		if _, err := l.Scenes(ctx, m, grid); err != nil {
			t.Fatal(err)
		}
	}
	rebuild()
	if !slide() {
		t.Fatal("the first slide layout came from the cache")
	}
	rebuild()
	if slide() {
		t.Error("the next rebuild laid the slide out again")
	}
	rebuild()
	rebuild()
	if !slide() {
		t.Error("a slide layout no rebuild used was kept")
	}
}

// mapStore is a Store in memory, counting what it is asked.
type mapStore struct {
	scenes       map[[32]byte]*scene.Scene
	lists        map[[32]byte][]*scene.Scene
	loads, saves int
}

func (s *mapStore) LoadList(key [32]byte) ([]*scene.Scene, bool) {
	s.loads++
	l, ok := s.lists[key]
	return l, ok
}

func (s *mapStore) SaveList(key [32]byte, l []*scene.Scene) { s.saves++; s.lists[key] = l }

func (s *mapStore) Load(key [32]byte) (*scene.Scene, bool) {
	s.loads++
	sc, ok := s.scenes[key]
	return sc, ok
}

func (s *mapStore) Save(key [32]byte, sc *scene.Scene) { s.saves++; s.scenes[key] = sc }

// layouts is a new Layouts (a new process) that uses s.
func newMapStore() *mapStore {
	return &mapStore{scenes: map[[32]byte]*scene.Scene{}, lists: map[[32]byte][]*scene.Scene{}}
}

func (s *mapStore) layouts() *Layouts {
	l := NewLayouts()
	l.Store = s
	return l
}

// A Layouts with a Store saves every view it lays out, and another
// Layouts (the next process) takes them all from the store, slides too.
func TestLayoutsReadTheirStore(t *testing.T) {
	m := shopModel(t)
	ctx := context.Background()
	grid := layout.WithGridLayout()
	store := newMapStore()
	first := store.layouts()
	want, err := first.Scenes(ctx, m, grid)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := first.View(ctx, view.Business(m), m, grid, layout.WithFontSize(20)); err != nil {
		t.Fatal(err)
	}
	if st := first.LastStats(); st.Stored != 0 || st.Laid != st.Views || store.saves != st.Views+1 {
		t.Fatalf("first: %+v, %d saved; want every view laid out and saved, and the slide", st, store.saves)
	}
	next := store.layouts()
	got, err := next.Scenes(ctx, m, grid)
	if err != nil {
		t.Fatal(err)
	}
	if st := next.LastStats(); st.Laid != 0 || st.Stored != st.Views || st.Cached != st.Views {
		t.Errorf("next: %+v; want every view from the store", st)
	}
	for i := range want {
		if got[i] != want[i] { // the map store hands back the very scenes
			t.Errorf("view %s: not the stored scene", want[i].ID)
		}
	}
	saves := store.saves
	if _, err := next.View(ctx, view.Business(m), m, grid, layout.WithFontSize(20)); err != nil {
		t.Fatal(err)
	}
	if store.saves != saves {
		t.Error("the slide layout was laid out again, not read from the store")
	}
}

func shopModel(t *testing.T) *model.Model {
	t.Helper()
	src, err := os.ReadFile("../examples/shop/architecture.yaml")
	if err != nil {
		t.Fatal(err)
	}
	m, err := model.Parse("architecture.yaml", src)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// A neighbour domain's box says how many of its modules a view shows
// ("2/4 个模块"): the total comes from the model, not from the view, so
// adding a module to that domain must not find the old scene in the
// store. Train Ticket's access domain shows notice as such a box.
func TestStoredSceneNotReusedWhenANeighbourDomainGrows(t *testing.T) {
	src, err := os.ReadFile("../examples/trainticket/architecture.yaml")
	if err != nil {
		t.Fatal(err)
	}
	const anchor = "      - id: ts-news-service\n"
	if !strings.Contains(string(src), anchor) {
		t.Fatal("the example changed: no ts-news-service to add a module after")
	}
	grown := strings.Replace(string(src), anchor, "      - id: ts-weather-service\n        name: 天气服务\n"+anchor, 1)
	parse := func(text string) *model.Model {
		m, err := model.Parse("architecture.yaml", []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	before, after := parse(string(src)), parse(grown)
	ctx := context.Background()
	grid := layout.WithGridLayout()
	access := func(m *model.Model) *view.View {
		for _, v := range view.All(m) {
			if v.ID == "domain/access" {
				return v
			}
		}
		t.Fatal("no domain/access view")
		return nil
	}
	label := func(s *scene.Scene) string {
		for _, n := range s.Nodes {
			if n.ID == "notice" {
				return n.Sub
			}
		}
		t.Fatalf("%s: no box for the notice domain", s.ID)
		return ""
	}
	store := newMapStore()
	first := store.layouts()
	if _, err := first.View(ctx, access(before), before, grid); err != nil {
		t.Fatal(err)
	}
	want, err := NewLayouts().View(ctx, access(after), after, grid)
	if err != nil {
		t.Fatal(err)
	}
	next := store.layouts()
	got, err := next.View(ctx, access(after), after, grid)
	if err != nil {
		t.Fatal(err)
	}
	if label(got) != label(want) {
		t.Errorf("notice's box says %q from the store, %q laid out anew", label(got), label(want))
	}
}

// A stored scene of another view (a damaged or replaced cache file) is a
// miss: the commands find each view's scene by its id, and the diagram
// command crashed on a scene that was not there.
func TestStoredSceneOfAnotherViewIsAMiss(t *testing.T) {
	m := shopModel(t)
	ctx := context.Background()
	grid := layout.WithGridLayout()
	store := newMapStore()
	first := store.layouts()
	if _, err := first.Scenes(ctx, m, grid); err != nil {
		t.Fatal(err)
	}
	for k := range store.scenes {
		store.scenes[k] = &scene.Scene{}
	}
	next := store.layouts()
	got, err := next.Scenes(ctx, m, grid)
	if err != nil {
		t.Fatal(err)
	}
	if st := next.LastStats(); st.Stored != 0 {
		t.Errorf("%+v: scenes of no view were taken from the store", st)
	}
	for i, v := range view.All(m) {
		if got[i].ID != v.ID {
			t.Errorf("view %s got the scene of %q", v.ID, got[i].ID)
		}
	}
}

// What a slide made of a view is kept in the Store, and the next process
// takes it from there instead of trying its layouts again; a failed fit
// and a kept list of another view's scenes are not used.
func TestFittedIsKeptInTheStore(t *testing.T) {
	m := shopModel(t)
	ctx := context.Background()
	v := view.Business(m)
	store := newMapStore()
	fits := 0
	fit := func(context.Context) ([]*scene.Scene, error) {
		fits++
		return []*scene.Scene{{ID: v.ID + ".part1"}, {ID: v.ID + ".part2"}}, nil
	}
	first, err := store.layouts().Fitted(ctx, v, m, fit)
	if err != nil {
		t.Fatal(err)
	}
	again, err := store.layouts().Fitted(ctx, v, m, fit)
	if err != nil || fits != 1 || !reflect.DeepEqual(first, again) {
		t.Fatalf("second process: fit ran %d times, got %v (%v); want once, the same parts", fits, again, err)
	}
	if _, err := store.layouts().Fitted(ctx, view.Stack(m), m, func(context.Context) ([]*scene.Scene, error) {
		return nil, errors.New("cancelled")
	}); err == nil || len(store.lists) != 1 {
		t.Fatalf("a failed fit: %v, %d lists kept; want its error and nothing kept", err, len(store.lists))
	}
	for k := range store.lists {
		store.lists[k] = []*scene.Scene{{ID: "stack"}}
	}
	if _, err := store.layouts().Fitted(ctx, v, m, fit); err != nil || fits != 2 {
		t.Errorf("a kept list of another view's scenes was used (fit ran %d times)", fits)
	}
}

// A build's site and deck derive a model's views once; another model
// (serve's next rebuild) gets its own.
func TestViewsAreDerivedOncePerModel(t *testing.T) {
	l := NewLayouts()
	m := shopModel(t)
	all, options := l.Views(m)
	again, _ := l.Views(m)
	if len(all) == 0 || &again[0] != &all[0] {
		t.Fatal("the same model's views were derived twice")
	}
	if want := view.All(m); len(all) != len(want) || len(options) != len(view.Options(m)) {
		t.Fatalf("%d views, %d options; want view.All's %d and view.Options's", len(all), len(options), len(want))
	}
	other := shopModel(t)
	if next, _ := l.Views(other); &next[0] == &all[0] {
		t.Error("another model got the first model's views")
	}
}

// Graphviz's layouts outlive a rebuild: an edit that changes a view but
// none of its graphs (a module's new name fits its box) lays nothing out
// again, while a fresh cache lays every graph out.
func TestAnEditThatChangesNoGraphLaysNothingOut(t *testing.T) {
	src, err := os.ReadFile("../examples/shop/architecture.yaml")
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(src), "name: Orders", "name: Ordering", 1)
	m2, err := model.Parse("architecture.yaml", []byte(edited))
	if err != nil || edited == string(src) {
		t.Fatalf("edit: %v", err)
	}
	ctx := context.Background()
	l := NewLayouts()
	if _, err := l.Scenes(ctx, shopModel(t)); err != nil {
		t.Fatal(err)
	}
	if _, err := l.Scenes(ctx, m2); err != nil {
		t.Fatal(err)
	}
	if st := l.LastStats(); st.Laid == 0 {
		t.Fatal("no view changed: the edit must change a view for this test")
	}
	if n := l.memo.Laid(); n != 0 {
		t.Errorf("the rebuild laid out %d graphs; the edit changed none", n)
	}
	fresh := NewLayouts()
	if _, err := fresh.Scenes(ctx, m2); err != nil {
		t.Fatal(err)
	}
	if fresh.memo.Laid() == 0 {
		t.Error("a fresh cache laid out no graph")
	}
}

// A view laid out under a context cancelled at any moment (serve's next
// edit cancels a rebuild) either fails or gives the view's full layout,
// and only that is kept: the example's business view is laid out twice
// to keep its domains in order, and a cancel between the two passes gave
// the first pass's drawing, kept as the view's scene until the cache
// forgot it.
func TestACancelledPassIsNotKept(t *testing.T) {
	m := load(t, "../architecture.yaml")
	v := view.Business(m)
	want, err := NewLayouts().View(context.Background(), v, m)
	if err != nil {
		t.Fatal(err)
	}
	cut := 0
	for d := time.Millisecond; d < 120*time.Millisecond; d += 3 * time.Millisecond {
		ctx, cancel := context.WithTimeout(context.Background(), d)
		l := NewLayouts()
		got, err := l.View(ctx, v, m)
		cancel()
		if err != nil {
			cut++
		} else if !reflect.DeepEqual(got, want) {
			t.Fatalf("cancelled after %v: a layout cut short came back as done", d)
		}
		for _, kept := range l.saved {
			if !reflect.DeepEqual(kept, want) {
				t.Fatalf("cancelled after %v: a layout cut short was kept", d)
			}
		}
	}
	if cut == 0 {
		t.Error("no layout was cut short: the test's timing no longer covers the view's passes")
	}
}
