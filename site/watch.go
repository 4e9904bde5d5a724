package site

import (
	"context"
	"path/filepath"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/archdoc/archdoc/model"
)

// watchModel watches the model file, its includes, its docs and the
// images they show (in any folder, archdoc's own diagrams too: see
// inputs). fsnotify watches folders, not files: editors save by writing
// a new file and renaming it over the old one, which a watch on the file
// would miss.
func (s *server) watchModel(m *model.Model) {
	in, writable := inputs(m)
	s.watchFiles(append(append([]string{s.o.ModelPath}, in.Paths()...), writable...)...)
}

// watchFiles watches the folders of files, and the parent of each: a
// folder renamed away and back (a git checkout) loses its watch, and the
// rename shows in its parent, which triggers a rebuild, which watches it
// again here.
func (s *server) watchFiles(files ...string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.files == nil {
		s.dirs, s.files, s.fileDirs = map[string]bool{}, map[string]bool{}, map[string]bool{}
	}
	watched := map[string]bool{}
	for _, d := range s.watcher.WatchList() {
		watched[d] = true
	}
	for _, f := range files {
		abs, err := filepath.Abs(f)
		if err != nil {
			continue
		}
		s.files[abs] = true
		for dir := filepath.Dir(abs); !s.dirs[dir]; dir = filepath.Dir(dir) {
			s.dirs[dir] = true // and its parents, to see it come back
			if filepath.Dir(dir) == dir {
				break
			}
		}
		s.fileDirs[filepath.Dir(abs)] = true
		for _, dir := range []string{filepath.Dir(abs), filepath.Dir(filepath.Dir(abs))} {
			if !watched[dir] && s.watcher.Add(dir) == nil {
				watched[dir] = true
			}
		}
	}
}

// relevant reports whether a change to name should trigger a rebuild: a
// watched file or the folder of one, or any YAML, Markdown or image file
// in the folder of a watched file (a new include of an include is not
// known until the model loads); not other files in their parents.
func (s *server) relevant(name string) bool {
	abs, err := filepath.Abs(name)
	if err != nil {
		return false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	switch strings.ToLower(filepath.Ext(abs)) {
	case ".yaml", ".yml", ".md", ".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp":
		if s.fileDirs[filepath.Dir(abs)] {
			return true // models, docs and the images docs show
		}
	}
	return s.files[abs] || s.dirs[abs]
}

// watch rebuilds when watched files change. A rebuild starts as soon as
// a save's first events are in (burst), and each later event cancels it
// and starts another; a rebuild shows its result only once Debounce has
// passed without events (see quiet). Waiting for an editor to finish
// saving thus overlaps the rebuild instead of coming before it. watch
// returns when ctx is done and its last rebuild has ended.
func (s *server) watch(ctx context.Context) {
	var timer <-chan time.Time
	var running *rebuilding
	defer func() { running.stop() }()
	for {
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-s.watcher.Events:
			if !ok {
				return
			}
			if ev.Op != fsnotify.Chmod && s.relevant(ev.Name) {
				s.lastEvent.Store(time.Now().UnixNano())
				running.stop()
				running = nil
				timer = time.After(min(burst, s.o.Debounce))
			}
		case err, ok := <-s.watcher.Errors:
			if !ok {
				return
			}
			s.o.Logf("watch: %v", err)
		case <-timer:
			timer = nil
			running = s.startRebuild(ctx)
		}
	}
}

// rebuilding is a rebuild running in the background.
type rebuilding struct {
	cancel context.CancelFunc
	done   chan struct{}
}

func (s *server) startRebuild(ctx context.Context) *rebuilding {
	ctx, cancel := context.WithCancel(ctx)
	r := &rebuilding{cancel: cancel, done: make(chan struct{})}
	go func() {
		defer close(r.done)
		s.rebuild(ctx)
	}()
	return r
}

// stop cancels the rebuild and waits for it to end; nil is none.
func (r *rebuilding) stop() {
	if r != nil {
		r.cancel()
		<-r.done
	}
}

// burst is how long a rebuild waits for more events: one write makes
// several within a millisecond, and each would cancel a rebuild.
const burst = 5 * time.Millisecond

// quiet waits until Debounce has passed since the last file event, and
// reports false if a newer event cancelled ctx meanwhile.
func (s *server) quiet(ctx context.Context) bool {
	for {
		wait := s.o.Debounce - time.Since(time.Unix(0, s.lastEvent.Load()))
		if wait <= 0 {
			return ctx.Err() == nil
		}
		select {
		case <-time.After(wait):
		case <-ctx.Done():
			return false
		}
	}
}
