package site

import (
	"context"
	"path/filepath"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/archdoc/archdoc/model"
)

// watchModel watches the model file, its includes and its docs. fsnotify
// watches folders, not files: editors save by writing a new file and
// renaming it over the old one, which a watch on the file would miss.
func (s *server) watchModel(m *model.Model) {
	files := []string{s.o.ModelPath}
	for _, inc := range m.Include {
		files = append(files, filepath.Join(m.Dir, filepath.FromSlash(inc)))
	}
	for _, d := range m.Docs {
		files = append(files, filepath.Join(m.Dir, filepath.FromSlash(d.Path)))
	}
	s.watchFiles(files...)
}

// watchFiles watches the folders of files. A folder renamed away and
// back (a git checkout) loses its watch; the rename shows in its parent
// folder, which triggers a rebuild, which watches it again here.
func (s *server) watchFiles(files ...string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.files == nil {
		s.dirs, s.files = map[string]bool{}, map[string]bool{}
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
		if dir := filepath.Dir(abs); !watched[dir] && s.watcher.Add(dir) == nil {
			watched[dir] = true
		}
	}
}

// relevant reports whether a change to name should trigger a rebuild: a
// watched file or the folder of one, or any YAML, Markdown or image file
// in a watched folder (a new include of an include is not known until the
// model loads).
func (s *server) relevant(name string) bool {
	abs, err := filepath.Abs(name)
	if err != nil {
		return false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	switch strings.ToLower(filepath.Ext(abs)) {
	case ".yaml", ".yml", ".md", ".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp":
		return true // models, docs and the images docs show
	}
	return s.files[abs] || s.dirs[abs]
}

// watch rebuilds after file changes settle down.
func (s *server) watch(ctx context.Context) {
	var timer <-chan time.Time
	for {
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-s.watcher.Events:
			if !ok {
				return
			}
			if ev.Op != fsnotify.Chmod && s.relevant(ev.Name) {
				timer = time.After(s.o.Debounce)
			}
		case err, ok := <-s.watcher.Errors:
			if !ok {
				return
			}
			s.o.Logf("watch: %v", err)
		case <-timer:
			timer = nil
			s.rebuild(ctx)
		}
	}
}
