package site

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/archdoc/archdoc/internal/synth"
	"github.com/archdoc/archdoc/model"
	"github.com/archdoc/archdoc/render"
	"github.com/archdoc/archdoc/render/layout"
	"github.com/archdoc/archdoc/render/scene"
)

// After an edit of one module's title, serve rewrites exactly the files
// that show the new title (its pages, its neighbours', the diagrams that
// draw it, the search index) and leaves every other file alone.
func TestServeRewritesOnlyWhatShowsAnEditedTitle(t *testing.T) {
	src := synth.Model(30, 1)
	edited := bytes.Replace(src, []byte("name: 推荐服务0\n"), []byte("name: 推荐服务改名\n"), 1)
	if bytes.Equal(src, edited) {
		t.Fatal("the generated model has no module 推荐服务0 any more; update the test")
	}
	layouts := render.NewLayouts() // one cache, as serve keeps
	before, after := serveRender(t, layouts, src), serveRender(t, layouts, edited)
	if st := layouts.LastStats(); st.Laid == 0 || st.Laid >= st.Views/2 {
		t.Errorf("the edit laid out %d of %d views again; want only those that show the module", st.Laid, st.Views)
	}

	s := &server{out: filepath.Join(t.TempDir(), "site")}
	if err := s.write(before); err != nil {
		t.Fatal(err)
	}
	long := time.Date(2001, 1, 1, 0, 0, 0, 0, time.UTC)
	forEachFile(t, s.out, func(p string) {
		if err := os.Chtimes(p, long, long); err != nil {
			t.Fatal(err)
		}
	})
	if err := s.write(after); err != nil {
		t.Fatal(err)
	}
	var rewritten, shows []string
	forEachFile(t, s.out, func(p string) {
		rel, _ := filepath.Rel(s.out, p)
		rel = filepath.ToSlash(rel)
		if fi, err := os.Stat(p); err == nil && !fi.ModTime().Equal(long) {
			rewritten = append(rewritten, rel)
		}
		if bytes.Contains(after[rel], []byte("推荐服务改名")) {
			shows = append(shows, rel)
		}
		if data, err := os.ReadFile(p); err != nil || (rel != markerFile && !bytes.Equal(data, after[rel])) {
			t.Errorf("%s: not what the new site holds", rel)
		}
	})
	t.Logf("%d of %d files show the new title: %v", len(shows), len(after), shows)
	if !slices.Contains(shows, "module/m0.html") || !slices.Contains(shows, "diagrams/module/m0.svg") || len(shows) >= len(after)/2 {
		t.Fatalf("%d of %d files show the new title (%v); the test expects a few, the module's page among them", len(shows), len(after), shows)
	}
	if !slices.Equal(rewritten, shows) {
		t.Errorf("rewritten:\n%v\nwant the files that show the new title:\n%v", rewritten, shows)
	}
}

func serveRender(t *testing.T, layouts *render.Layouts, src []byte, opts ...Option) map[string][]byte {
	t.Helper()
	m, err := model.Parse("architecture.yaml", src)
	if err != nil {
		t.Fatal(err)
	}
	scenes, err := layouts.ScenesWithOptions(t.Context(), m, layout.WithGridLayout())
	if err != nil {
		t.Fatal(err)
	}
	files, _ := renderSite(t, m, append(opts, WithScenes(func(context.Context, *model.Model) ([]*scene.Scene, error) { return scenes, nil }))...)
	return files
}

// forEachFile calls f with the path of every file under dir, in order.
func forEachFile(t *testing.T, dir string, f func(path string)) {
	t.Helper()
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			f(p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

// laterSource makes its slides.html after the pages, as the builder's
// deck does.
type laterSource struct {
	Source
	builds int
}

func (l *laterSource) Render(ctx context.Context, m *model.Model) (*Rendered, error) {
	r, err := l.Source.Render(ctx, m)
	if err != nil {
		return nil, err
	}
	l.builds++
	deck := []byte("deck " + strconv.Itoa(l.builds))
	r.Files["slides.html"] = []byte("the last deck")
	r.Later = func() (map[string][]byte, error) { return map[string][]byte{"slides.html": deck}, nil }
	return r, nil
}

// Files a rebuild makes after its pages are written and announced
// again, as a reload of only those files.
func TestServeWritesLateFilesAndReloadsOnlyThem(t *testing.T) {
	modelPath := writeModel(t, map[string]string{"architecture.yaml": serveModelOne})
	base := serveWith(t, ServeOptions{ModelPath: modelPath, Source: &laterSource{Source: NewSource(modelPath, noScenes)},
		Debounce: 20 * time.Millisecond})
	if _, body := get(t, base+"slides.html"); !strings.HasPrefix(body, "deck 1") {
		t.Fatalf("first build's slides.html %q, want the deck it made", body)
	}
	events := openEvents(t, base)
	before, _ := strconv.Atoi(events.next(t))
	saveLikeAnEditor(t, modelPath, strings.Replace(serveModelOne, "Holds items.", "Holds more items.", 1))
	// The pages' event, then the deck's; a stream that wakes only after
	// both gets one event that reloads every page, never the deck's alone.
	pages := events.next(t)
	if strings.Contains(pages, " ") {
		t.Errorf("first event after the edit %q names files; the pages changed too", pages)
	}
	if v, _ := strconv.Atoi(pages); v == before+1 {
		if late := events.next(t); !strings.HasSuffix(late, " slides.html") {
			t.Errorf("events %q then %q; want a version (every page reloads), then one naming slides.html", pages, late)
		}
	}
	if _, body := get(t, base+"slides.html"); !strings.HasPrefix(body, "deck 2") {
		t.Errorf("slides.html %q after the edit, want the new deck", body)
	}
}

// loadSignal tells each model load after the first.
type loadSignal struct {
	Source
	loads chan struct{}
	first bool
}

func (l *loadSignal) Load() (*model.Model, error) {
	if l.first {
		l.loads <- struct{}{}
	}
	l.first = true
	return l.Source.Load()
}

// A rebuild starts at once after a save, not after the debounce, yet the
// reader never sees a save half done: the rebuild that loaded it is
// cancelled by the save's next event, and only a rebuild that saw no
// event for the debounce shows its result.
func TestServeRebuildsDuringTheDebounceButShowsOnlyTheSettledSave(t *testing.T) {
	modelPath := writeModel(t, map[string]string{"architecture.yaml": serveModelOne})
	src := &loadSignal{Source: NewSource(modelPath, noScenes), loads: make(chan struct{}, 16)}
	const debounce = 2 * time.Second
	base := serveWith(t, ServeOptions{ModelPath: modelPath, Source: src, Debounce: debounce})
	events := openEvents(t, base)
	before, _ := strconv.Atoi(events.next(t))

	half := serveModelOne[:strings.Index(serveModelOne, "      - id: cart")] + "      - id: [cart\n"
	if err := os.WriteFile(modelPath, []byte(half), 0o644); err != nil {
		t.Fatal(err)
	}
	select {
	case <-src.loads:
	case <-time.After(debounce / 2):
		t.Fatal("no rebuild began before the debounce was over")
	}
	saveLikeAnEditor(t, modelPath, strings.Replace(serveModelOne, "Cart", "Basket", 1))
	if v, _ := strconv.Atoi(events.next(t)); v != before+1 {
		t.Errorf("event version %d after one save, want %d: a half-saved model was shown", v, before+1)
	}
	if _, body := get(t, base+"module/cart.html"); !strings.Contains(body, "Basket") || strings.Contains(body, "YAML") {
		t.Errorf("the module's page after the save does not show the saved model:\n%s", body)
	}
}

// A page knows the version it was served at, and its event stream starts
// from there: after the pages' rebuild and then the deck's, a module page
// loaded before both must reload, though the last event names only
// slides.html. (The page used to take the stream's first event as its
// starting point, so a rebuild that ended between loading the page and
// opening the stream never reloaded it.)
func TestServeEventsStartFromThePagesVersion(t *testing.T) {
	modelPath := writeModel(t, map[string]string{"architecture.yaml": serveModelOne})
	base := serveWith(t, ServeOptions{ModelPath: modelPath, Source: &laterSource{Source: NewSource(modelPath, noScenes)},
		Debounce: 20 * time.Millisecond})
	_, page := get(t, base+"module/cart.html")
	served := regexp.MustCompile(`live\.js" data-version="(\d+)"`).FindStringSubmatch(page)
	if served == nil {
		t.Fatalf("the page does not say its version:\n%s", page)
	}
	saveLikeAnEditor(t, modelPath, strings.Replace(serveModelOne, "Holds items.", "Holds more items.", 1))
	eventually(t, base+"slides.html", "the deck after the pages", func(_ int, b string) bool { return strings.HasPrefix(b, "deck 2") })
	first := openEventsAt(t, base, "__archdoc/events?since="+served[1]).next(t)
	if first == served[1] || strings.Contains(first, " ") {
		t.Errorf("the stream of a page served at version %s first says %q; want a newer version that reloads every page", served[1], first)
	}
}

// A save of a file the site does not show (a README.md beside the model)
// rebuilds but reloads no page: the next real edit is the next version.
func TestServeUnchangedSiteSendsNoEvent(t *testing.T) {
	modelPath := writeModel(t, map[string]string{"architecture.yaml": serveModelOne})
	logs := make(chan string, 64)
	base := serveWith(t, ServeOptions{ModelPath: modelPath, Source: NewSource(modelPath, noScenes), Debounce: 20 * time.Millisecond,
		Logf: func(f string, a ...any) { logs <- fmt.Sprintf(f, a...) }})
	events := openEvents(t, base)
	before, _ := strconv.Atoi(events.next(t))
	if err := os.WriteFile(filepath.Join(filepath.Dir(modelPath), "README.md"), []byte("# notes\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for line := ""; !strings.Contains(line, "no page changed"); {
		select {
		case line = <-logs:
		case <-time.After(15 * time.Second):
			t.Fatal("no rebuild after README.md was written")
		}
	}
	saveLikeAnEditor(t, modelPath, strings.Replace(serveModelOne, "Cart", "Basket", 1))
	if v, _ := strconv.Atoi(events.next(t)); v != before+1 {
		t.Errorf("version %d after one real edit, want %d: the README.md rebuild sent an event", v, before+1)
	}
}
