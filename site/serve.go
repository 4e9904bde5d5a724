package site

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"maps"
	"net"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/archdoc/archdoc/model"
	"github.com/archdoc/archdoc/templates"
)

// ServeOptions configure Serve.
type ServeOptions struct {
	ModelPath string // architecture.yaml, watched
	Port      int    // on 127.0.0.1; 0 picks a free port
	// Source loads the model and renders its site on every rebuild;
	// NewSource(ModelPath) when nil.
	Source Source
	// Debounce is how long after the last file change a rebuild may show
	// its result (editors write several events per save; the rebuild
	// starts at once and starts again on each event); DefaultDebounce
	// when 0.
	Debounce time.Duration
	// Ready is called once the server listens, with its base URL.
	Ready func(url string)
	// Logf reports rebuilds and errors; nothing is printed when nil.
	Logf func(format string, args ...any)
}

// A Source makes what serve shows: the model, then its site.
type Source interface {
	Load() (*model.Model, error)
	Render(ctx context.Context, m *model.Model) (*Rendered, error)
}

// Rendered is one rebuild's site, in memory.
type Rendered struct {
	Files  map[string][]byte
	Report *Report
	// Summary is added to the "built ..." line, as 'archdoc build' adds
	// what the layout worked around.
	Summary string
	// Later, when set, waits for files still being made (a deck laid out
	// while the pages were served): serve writes them when they come and
	// reloads the pages that show them. Files holds their last version.
	Later func() (map[string][]byte, error)
}

// NewSource is the plain Source: model.Load, then Render with opts.
func NewSource(modelPath string, opts ...Option) Source {
	return plainSource{path: modelPath, opts: opts}
}

type plainSource struct {
	path string
	opts []Option
}

func (p plainSource) Load() (*model.Model, error) { return model.Load(p.path) }

func (p plainSource) Render(ctx context.Context, m *model.Model) (*Rendered, error) {
	files, rep, err := Render(ctx, m, p.opts...)
	if err != nil {
		return nil, err
	}
	return &Rendered{Files: files, Report: rep}, nil
}

// DefaultDebounce is how long serve waits after a file event for more.
// One save makes its events within a few milliseconds of each other: a
// write in place (VS Code, nano) truncates and writes; a safe save (vim,
// JetBrains, Emacs) writes a new file and renames it over the old one,
// maybe keeping a backup. 40 ms covers those with room to spare and is
// under what a person notices; a rebuild that still catches a save half
// done is followed by another when its last event arrives.
const DefaultDebounce = 40 * time.Millisecond

// Serve builds the site into a temporary folder, serves it on 127.0.0.1,
// rebuilds when the model, its includes or its docs change and makes open
// pages reload. While the model is broken every page shows its errors
// with their positions. It returns when ctx is cancelled.
func Serve(ctx context.Context, o ServeOptions) error {
	if o.Source == nil {
		o.Source = NewSource(o.ModelPath)
	}
	if o.Debounce <= 0 {
		o.Debounce = DefaultDebounce
	}
	if o.Logf == nil {
		o.Logf = func(string, ...any) {}
	}
	tmp, err := os.MkdirTemp("", "archdoc-serve-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	s := &server{o: o, out: filepath.Join(tmp, "site"), changed: make(chan struct{})}

	ln, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", o.Port))
	if err != nil {
		return err
	}
	s.host = ln.Addr().String()
	s.hosts = allowedHosts(s.host)
	watcher, err := fsnotify.NewWatcher()
	if err != nil {
		ln.Close()
		return err
	}
	defer watcher.Close()
	s.watcher = watcher
	s.rebuild(ctx)
	if ctx.Err() != nil {
		ln.Close()
		return nil // stopped during the first build: never served
	}

	srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	ctx, cancel := context.WithCancel(ctx)
	watching := make(chan struct{})
	go func() {
		defer close(watching)
		s.watch(ctx)
	}()
	defer func() { cancel(); <-watching }() // no rebuild writes into tmp once it goes
	go func() {
		<-ctx.Done()
		s.mu.Lock()
		s.closed = true
		close(s.changed) // wake up the event streams so Shutdown can finish
		s.mu.Unlock()
		sctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		srv.Shutdown(sctx)
	}()
	url := "http://" + s.host + "/"
	if o.Ready != nil {
		o.Ready(url)
	}
	if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

type server struct {
	o       ServeOptions
	out     string          // the built site
	host    string          // 127.0.0.1:port
	hosts   map[string]bool // Host headers accepted (see refusal)
	watcher *fsnotify.Watcher
	// lastEvent is when the last relevant file event came, in Unix
	// nanoseconds (see quiet).
	lastEvent atomic.Int64

	// siteMu keeps requests from reading the site folder in the instant
	// a rebuild swaps it.
	siteMu sync.RWMutex

	// written is the site as last written to out, so a rebuild rewrites
	// only the files whose content changed (see updateSite).
	written map[string][]byte

	mu       sync.Mutex
	version  int           // bumped on every rebuild
	only     []string      // the files this version changed when only those reload; nil: every page
	errs     []string      // non-nil while the model is broken
	lang     string        // UI language of the last good model
	changed  chan struct{} // closed and replaced on every rebuild
	closed   bool
	dirs     map[string]bool // folders of the watched files, and their parents
	fileDirs map[string]bool // folders of the watched files only
	files    map[string]bool // files whose change triggers a rebuild
}

// rebuild loads the model and builds the site, recording the outcome.
func (s *server) rebuild(ctx context.Context) {
	start := time.Now()
	m, err := s.o.Source.Load()
	if m != nil {
		s.watchModel(m)
	} else {
		s.watchFiles(s.o.ModelPath)
	}
	var built *Rendered
	if err == nil {
		built, err = s.o.Source.Render(ctx, m)
	}
	if !s.quiet(ctx) {
		return // a newer change cancelled it: its rebuild shows instead
	}
	switch {
	case err == nil && s.unchanged(built.Files):
		// A file the site does not show changed (a README.md beside the
		// model): no page reloads.
		s.o.Logf("rebuilt in %s: no page changed", time.Since(start).Round(time.Millisecond))
	case err == nil:
		s.siteMu.Lock()
		err = s.write(built.Files)
		s.siteMu.Unlock()
		s.record(err, m, built, start)
	default:
		s.record(err, m, built, start)
	}
	if err == nil && built.Later != nil {
		s.finishLater(ctx, built.Later, start)
	}
}

// unchanged reports whether files are the site as served, with no error
// shown.
func (s *server) unchanged(files map[string][]byte) bool {
	s.mu.Lock()
	broken := s.errs != nil
	s.mu.Unlock()
	return !broken && s.written != nil && maps.EqualFunc(s.written, files, bytes.Equal)
}

// record makes a rebuild's outcome the site's new version and wakes the
// event streams.
func (s *server) record(err error, m *model.Model, built *Rendered, start time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.version++
	s.only = nil
	if err != nil {
		s.errs = errorLines(err)
		s.o.Logf("build failed:\n%s", strings.Join(s.errs, "\n"))
	} else {
		s.errs = nil
		s.lang = m.Language
		rep := built.Report
		for _, w := range rep.Warnings { // as 'archdoc build' prints them
			s.o.Logf("warning: %s", w)
		}
		s.o.Logf("built %d pages, %d diagrams%s in %s", rep.Pages, rep.Diagrams, built.Summary, time.Since(start).Round(time.Millisecond))
	}
	s.announce()
}

// finishLater writes the files a rebuild was still making, and reloads
// only the pages that are those files.
func (s *server) finishLater(ctx context.Context, later func() (map[string][]byte, error), start time.Time) {
	files, err := later()
	if ctx.Err() != nil {
		return // a newer change: its rebuild makes them again
	}
	var changed []string
	if err == nil {
		merged := maps.Clone(s.written)
		for name, data := range files {
			if !bytes.Equal(merged[name], data) {
				changed = append(changed, name)
			}
			merged[name] = data
		}
		s.siteMu.Lock()
		err = s.write(merged)
		s.siteMu.Unlock()
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	switch {
	case err != nil:
		s.version++
		s.only = nil
		s.errs = errorLines(err)
		s.o.Logf("build failed:\n%s", strings.Join(s.errs, "\n"))
	case len(changed) > 0:
		s.version++
		s.only = slices.Sorted(slices.Values(changed))
		s.o.Logf("built %s in %s", strings.Join(s.only, ", "), time.Since(start).Round(time.Millisecond))
	default:
		return
	}
	s.announce()
}

// announce wakes the event streams; s.mu is held.
func (s *server) announce() {
	if !s.closed {
		close(s.changed)
		s.changed = make(chan struct{})
	}
}

// write puts files into the served folder: all of them the first time,
// then only those that changed, appeared or went away (an edit of one
// module's title changes a few dozen of a thousand pages).
func (s *server) write(files map[string][]byte) error {
	if s.written == nil {
		if _, err := writeSite(s.out, files); err != nil {
			return err
		}
	} else if err := updateSite(s.out, s.written, files); err != nil {
		s.written = nil // the folder is in an unknown state: write it all next time
		return err
	}
	s.written = files
	return nil
}

func errorLines(err error) []string {
	var es model.Errors
	if errors.As(err, &es) {
		out := make([]string, len(es))
		for i, e := range es {
			out[i] = e.Error()
		}
		return out
	}
	return strings.Split(err.Error(), "\n")
}

// liveScript reloads the page when the server says the site changed.
// An event is the site's version, followed by the files it changed when
// only those need a reload (the deck that comes after the pages). The
// page knows the version it was served at (liveTag), so a rebuild that
// ends between loading the page and opening the stream still reloads it.
// A hidden tab closes its stream (a browser keeps only six connections to
// a server, so a seventh tab waited) and opens it again from its version
// when shown.
const liveScript = `(function () {
  var me = document.currentScript, seen = me && me.getAttribute("data-version"), es = null;
  function listen() {
    es = new EventSource("/__archdoc/events" + (seen ? "?since=" + encodeURIComponent(seen) : ""));
    es.onmessage = function (ev) {
      var parts = ev.data.split(" "), only = parts.slice(1);
      if (seen === null) { seen = parts[0]; return; }
      if (parts[0] === seen) return;
      seen = parts[0];
      var here = decodeURIComponent(location.pathname.replace(/^\//, ""));
      if (here === "" || here.slice(-1) === "/") here += "index.html";
      if (only.length === 0 || only.indexOf(here) >= 0) location.reload();
    };
  }
  document.addEventListener("visibilitychange", function () {
    if (document.hidden && es) { es.close(); es = null; }
    else if (!document.hidden && !es) listen();
  });
  if (!document.hidden) listen();
})();
`

// liveTag loads liveScript into a page served at version %d.
const liveTag = `<script src="/__archdoc/live.js" data-version="%d"></script>`

func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if why := refusal(r, s.hosts); why != "" {
		http.Error(w, why, http.StatusForbidden)
		return
	}
	switch r.URL.Path {
	case "/__archdoc/events":
		s.events(w, r)
		return
	case "/__archdoc/live.js":
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		fmt.Fprint(w, liveScript)
		return
	}
	name, ok := sitePath(r.URL.Path)
	if !ok {
		http.Error(w, "bad path", http.StatusBadRequest)
		return
	}
	s.mu.Lock()
	errs, lang, version := s.errs, s.lang, s.version
	s.mu.Unlock()
	isHTML := strings.HasSuffix(name, ".html")
	if errs != nil && isHTML {
		s.errorPage(w, errs, lang, version)
		return
	}
	s.file(w, r, name, isHTML)
}

// sitePath turns a URL path into a clean path inside the site; ok is false
// for paths that try to leave it.
func sitePath(p string) (string, bool) {
	if strings.Contains(p, "\\") || strings.Contains(p, "\x00") {
		return "", false
	}
	for _, seg := range strings.Split(p, "/") {
		if seg == ".." {
			return "", false
		}
	}
	name := strings.TrimPrefix(path.Clean("/"+p), "/")
	if name == "" || strings.HasSuffix(p, "/") {
		name = path.Join(name, "index.html")
	}
	return name, true
}

// file serves name from the built site through an os.Root, so nothing
// outside the site folder can be read whatever the path or symlinks.
func (s *server) file(w http.ResponseWriter, r *http.Request, name string, isHTML bool) {
	s.siteMu.RLock()
	defer s.siteMu.RUnlock()
	root, err := os.OpenRoot(s.out)
	if err != nil {
		http.Error(w, "the site is not built yet", http.StatusServiceUnavailable)
		return
	}
	defer root.Close()
	data, err := fs.ReadFile(root.FS(), name)
	if err != nil {
		notFound(w, r, root, s.servedVersion())
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	if isHTML {
		data = injectLive(data, s.servedVersion())
	}
	http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(data))
}

// notFound answers with the site's own 404.html, its links made to work
// from any depth by a <base>, or Go's plain answer if there is none.
func notFound(w http.ResponseWriter, r *http.Request, root *os.Root, version int) {
	page, err := fs.ReadFile(root.FS(), "404.html")
	if err != nil {
		http.NotFound(w, r)
		return
	}
	page = bytes.Replace(page, []byte("<head>"), []byte(`<head><base href="/">`), 1)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusNotFound)
	w.Write(injectLive(page, version))
}

// injectLive adds liveTag to a page served at version.
func injectLive(page []byte, version int) []byte {
	tag := fmt.Sprintf(liveTag, version)
	i := bytes.LastIndex(page, []byte("</body>"))
	if i < 0 {
		return append(page, tag...)
	}
	out := make([]byte, 0, len(page)+len(tag))
	out = append(out, page[:i]...)
	out = append(out, tag...)
	return append(out, page[i:]...)
}

// servedVersion is the version of the site a request is answered from;
// s.siteMu is held for reading, so the files cannot be newer than a
// version bumped after they were written.
func (s *server) servedVersion() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.version
}

var errorTemplate = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("").ParseFS(templates.FS, "html/error.html"))
})

func (s *server) errorPage(w http.ResponseWriter, errs []string, lang string, version int) {
	var buf bytes.Buffer
	err := errorTemplate().ExecuteTemplate(&buf, "errorpage", struct {
		Lang   string
		T      map[string]string
		Errors []string
	}{htmlLang(lang), uiTable(lang), errs})
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusInternalServerError)
	w.Write(injectLive(buf.Bytes(), version))
}

// events streams the site's version as Server-Sent Events: once on
// connect, then after every rebuild.
func (s *server) events(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	sent := -1 // the version this stream last sent: the page's, if it says
	if v, err := strconv.Atoi(r.URL.Query().Get("since")); err == nil && v >= 0 {
		sent = v
	}
	for {
		s.mu.Lock()
		version, only, changed, closed := s.version, s.only, s.changed, s.closed
		s.mu.Unlock()
		if sent >= 0 && version > sent+1 {
			only = nil // a version this stream never sent may have changed any page
		}
		fmt.Fprintf(w, "data: %s\n\n", strings.Join(append([]string{strconv.Itoa(version)}, only...), " "))
		flusher.Flush()
		sent = version
		if closed {
			return
		}
		select {
		case <-r.Context().Done():
			return
		case <-changed:
		}
	}
}
