package site

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/archdoc/archdoc/model"
	"github.com/archdoc/archdoc/render/scene"
)

const serveModelOne = "name: Shop One\ndomains:\n  - id: sales\n    name: Sales\n    modules:\n      - id: cart\n        name: Cart\n        description: Holds items.\n"

// startServe runs Serve on a free port until the test ends and returns
// its base URL.
func startServe(t *testing.T, modelPath string) string {
	t.Helper()
	return serveWith(t, ServeOptions{ModelPath: modelPath, Source: NewSource(modelPath, noScenes), Debounce: 50 * time.Millisecond})
}

// serveWith runs Serve with o (its Ready, and Logf unless set, filled in)
// until the test ends and returns its base URL.
func serveWith(t *testing.T, o ServeOptions) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	o.Ready = func(url string) { ready <- url }
	if o.Logf == nil {
		o.Logf = t.Logf
	}
	go func() { done <- Serve(ctx, o) }()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("Serve: %v", err)
			}
		case <-time.After(5 * time.Second):
			t.Error("Serve did not stop")
		}
	})
	select {
	case url := <-ready:
		return url
	case err := <-done:
		t.Fatalf("Serve: %v", err)
	case <-time.After(20 * time.Second):
		t.Fatal("Serve did not start")
	}
	return ""
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

// eventually polls url until check accepts the response.
func eventually(t *testing.T, url, what string, check func(status int, body string) bool) string {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		status, body := get(t, url)
		if check(status, body) {
			return body
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s: never happened; last response %d:\n%s", what, status, body)
		}
		time.Sleep(40 * time.Millisecond)
	}
}

// saveLikeAnEditor replaces a file by writing a temporary one and
// renaming it over, as most editors do.
func saveLikeAnEditor(t *testing.T, path, content string) {
	t.Helper()
	tmp := path + ".swp"
	if err := os.WriteFile(tmp, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		t.Fatal(err)
	}
}

// positionedYAMLError matches the loader's report of the broken model
// below: file:line:col, whatever its exact wording.
var positionedYAMLError = regexp.MustCompile(`architecture\.yaml:[34]:\d+: YAML syntax`)

func TestServeEditBreakFix(t *testing.T) {
	modelPath := writeModel(t, map[string]string{"architecture.yaml": serveModelOne})
	base := startServe(t, modelPath)
	if !strings.HasPrefix(base, "http://127.0.0.1:") {
		t.Fatalf("serving on %s, want 127.0.0.1", base)
	}
	status, home := get(t, base)
	if status != 200 || !strings.Contains(home, "Shop One") {
		t.Fatalf("GET / = %d:\n%s", status, home)
	}
	mustContain(t, "served page", home, fmt.Sprintf(liveTag, 1))
	events := openEvents(t, base)
	first := events.next(t)

	// Edit: the page changes and open pages are told to reload.
	saveLikeAnEditor(t, modelPath, strings.Replace(serveModelOne, "Holds items.", "Holds 购物车 items.", 1))
	eventually(t, base+"module/cart.html", "edit shows", func(s int, b string) bool { return s == 200 && strings.Contains(b, "Holds 购物车 items.") })
	if v := events.next(t); v == first {
		t.Errorf("no reload event after the edit (still version %s)", v)
	}

	// Break: every page shows the positioned error instead of the stale page.
	saveLikeAnEditor(t, modelPath, "name: Shop One\ndomains:\n  - id: sales\n    name: [Sales\n")
	body := eventually(t, base+"module/cart.html", "error page", func(s int, b string) bool { return s == 500 })
	mustContain(t, "error page", body, `<script src="/__archdoc/live.js" data-version="`)
	if !positionedYAMLError.MatchString(body) {
		t.Errorf("error page shows no positioned error:\n%s", body)
	}
	mustNotContain(t, "error page", body, "Holds 购物车 items.")

	// Fix: back to the site.
	saveLikeAnEditor(t, modelPath, strings.Replace(serveModelOne, "Shop One", "Shop Two", 1))
	eventually(t, base, "recovery", func(s int, b string) bool { return s == 200 && strings.Contains(b, "Shop Two") })
}

func TestServeWatchesDocs(t *testing.T) {
	modelPath := writeModel(t, map[string]string{
		"architecture.yaml": serveModelOne + "docs:\n  - id: setup\n    path: docs/setup.md\n",
		"docs/setup.md":     "# Setup\n\nRun make.\n",
	})
	base := startServe(t, modelPath)
	eventually(t, base+"docs/setup.html", "doc served", func(s int, b string) bool { return strings.Contains(b, "Run make.") })
	saveLikeAnEditor(t, filepath.Join(filepath.Dir(modelPath), "docs", "setup.md"), "# Setup\n\nRun task.\n")
	eventually(t, base+"docs/setup.html", "doc edit shows", func(s int, b string) bool { return strings.Contains(b, "Run task.") })
}

func TestServeRefusesOutsidePaths(t *testing.T) {
	modelPath := writeModel(t, map[string]string{"architecture.yaml": serveModelOne})
	base := startServe(t, modelPath)
	host := strings.TrimSuffix(strings.TrimPrefix(base, "http://"), "/")
	for _, p := range []string{"/../architecture.yaml", "/assets/../../architecture.yaml", "/..%2farchitecture.yaml", "/%2e%2e/architecture.yaml", "/assets\\..\\..\\x"} {
		status, body := rawGet(t, host, p, host)
		if status == 200 || strings.Contains(body, "Shop One\ndomains") {
			t.Errorf("GET %s = %d, want a refusal", p, status)
		}
	}
	if status, _ := rawGet(t, host, "/index.html", "evil.example:80"); status != 403 {
		t.Errorf("foreign Host header: status %d, want 403", status)
	}
	if status, _ := rawGet(t, host, "/no-such-page.html", host); status != 404 {
		t.Errorf("missing page: status %d, want 404", status)
	}
}

// rawGet sends a request line as written, which net/http's client would
// clean up first.
func rawGet(t *testing.T, addr, path, host string) (int, string) {
	t.Helper()
	return rawRequest(t, addr, path, host, "")
}

type eventStream struct {
	lines *bufio.Scanner
}

func openEvents(t *testing.T, base string) *eventStream {
	t.Helper()
	return openEventsAt(t, base, "__archdoc/events")
}

// openEventsAt opens the event stream at path (with its query).
func openEventsAt(t *testing.T, base, path string) *eventStream {
	t.Helper()
	req, _ := http.NewRequest("GET", base+path, nil)
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	resp, err := http.DefaultClient.Do(req.WithContext(ctx))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("events Content-Type %q", ct)
	}
	return &eventStream{lines: bufio.NewScanner(resp.Body)}
}

// next returns the data of the next event.
func (e *eventStream) next(t *testing.T) string {
	t.Helper()
	got := make(chan string, 1)
	go func() {
		for e.lines.Scan() {
			if v, ok := strings.CutPrefix(e.lines.Text(), "data: "); ok {
				got <- v
				return
			}
		}
		got <- ""
	}()
	select {
	case v := <-got:
		return v
	case <-time.After(15 * time.Second):
		t.Fatal("no server-sent event")
	}
	return ""
}

// TestServePrintsWarnings: serve prints a build's warnings and layout
// summary as 'archdoc build' does, so a large model's domain-level views
// are not a surprise.
func TestServePrintsWarnings(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "architecture.yaml")
	if err := os.WriteFile(path, []byte(serveModelOne), 0o644); err != nil {
		t.Fatal(err)
	}
	scenes := WithScenes(func(context.Context, *model.Model) ([]*scene.Scene, error) {
		return []*scene.Scene{{ID: "business", Kind: scene.KindGraph, Width: 10, Height: 10,
			Warnings: []string{"drawn at domain level"}}}, nil
	})
	var mu sync.Mutex
	var logs []string
	ctx, cancel := context.WithCancel(context.Background())
	ready, done := make(chan string, 1), make(chan error, 1)
	go func() {
		done <- Serve(ctx, ServeOptions{ModelPath: path, Port: 0, Source: summarySource{NewSource(path, scenes), " (1 view at domain level)"},
			Ready: func(url string) { ready <- url },
			Logf: func(format string, args ...any) {
				mu.Lock()
				logs = append(logs, fmt.Sprintf(format, args...))
				mu.Unlock()
			}})
	}()
	select {
	case <-ready:
	case err := <-done:
		t.Fatalf("Serve: %v", err)
	case <-time.After(20 * time.Second):
		t.Fatal("Serve did not start")
	}
	cancel()
	<-done
	mu.Lock()
	defer mu.Unlock()
	got := strings.Join(logs, "\n")
	if !strings.Contains(got, "warning: business: drawn at domain level\nbuilt ") || !strings.Contains(got, " diagrams (1 view at domain level) in ") {
		t.Errorf("serve printed:\n%s", got)
	}
}

// TestServeRefusesCrossSiteRequests: the site holds the whole model, so
// a page on another origin (another port of this machine included) gets
// 403 for every path, and the Host must be exactly the server's.
func TestServeRefusesCrossSiteRequests(t *testing.T) {
	modelPath := writeModel(t, map[string]string{"architecture.yaml": serveModelOne})
	base := startServe(t, modelPath)
	host := strings.TrimSuffix(strings.TrimPrefix(base, "http://"), "/")
	_, port, _ := net.SplitHostPort(host)
	for _, c := range []struct {
		name    string
		host    string
		headers string
		want    int
	}{
		{"plain", host, "", 200},
		{"localhost", "localhost:" + port, "", 200},
		{"same origin", host, "Sec-Fetch-Site: same-origin\r\nOrigin: http://" + host + "\r\nReferer: http://" + host + "/index.html\r\n", 200},
		{"typed in the address bar", host, "Sec-Fetch-Site: none\r\n", 200},
		{"cross-site fetch", host, "Sec-Fetch-Site: cross-site\r\n", 403},
		{"another port on this machine", host, "Sec-Fetch-Site: same-site\r\n", 403},
		{"foreign Origin", host, "Origin: http://evil.example\r\n", 403},
		{"null Origin", host, "Origin: null\r\n", 403},
		{"foreign Referer", host, "Referer: http://127.0.0.1:1/page.html\r\n", 403},
		{"Host with our port as a prefix", "localhost:" + port + ".evil.example", "", 403},
		{"Host 127.0.0.1 with our port as a prefix", "127.0.0.1:" + port + "0", "", 403},
	} {
		for _, p := range []string{"/assets/search-index.js", "/index.html", "/__archdoc/live.js"} {
			if status, _ := rawRequest(t, host, p, c.host, c.headers); status != c.want {
				t.Errorf("%s: GET %s = %d, want %d", c.name, p, status, c.want)
			}
		}
	}
}

// rawRequest is rawGet with extra header lines.
func rawRequest(t *testing.T, addr, path, host, headers string) (int, string) {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(5 * time.Second))
	io.WriteString(conn, "GET "+path+" HTTP/1.1\r\nHost: "+host+"\r\n"+headers+"Connection: close\r\n\r\n")
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

// TestServeWatchesDocsAfterTheirFolderCameBack: a git checkout can move
// the docs folder away and back; its watch is lost on the way, and edits
// after it must still show.
func TestServeWatchesDocsAfterTheirFolderCameBack(t *testing.T) {
	modelPath := writeModel(t, map[string]string{
		"architecture.yaml": serveModelOne + "docs:\n  - id: setup\n    path: docs/setup.md\n",
		"docs/setup.md":     "# Setup\n\nRun make.\n",
	})
	base := startServe(t, modelPath)
	eventually(t, base+"docs/setup.html", "doc served", func(s int, b string) bool { return strings.Contains(b, "Run make.") })
	docs := filepath.Join(filepath.Dir(modelPath), "docs")
	if err := os.Rename(docs, docs+".away"); err != nil {
		t.Fatal(err)
	}
	eventually(t, base+"docs/setup.html", "missing doc reported", func(s int, b string) bool { return s == 500 })
	if err := os.Rename(docs+".away", docs); err != nil {
		t.Fatal(err)
	}
	eventually(t, base+"docs/setup.html", "doc back", func(s int, b string) bool { return s == 200 && strings.Contains(b, "Run make.") })
	saveLikeAnEditor(t, filepath.Join(docs, "setup.md"), "# Setup\n\nRun task.\n")
	eventually(t, base+"docs/setup.html", "doc edit after the folder came back", func(s int, b string) bool { return strings.Contains(b, "Run task.") })
}

// The model's own folder renamed away and back (a checkout of another
// branch) is watched again, and an image a doc shows from a folder of its
// own is watched too.
func TestServeWatchesTheModelsFolderAfterItCameBackAndDocImages(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "m")
	modelPath := writeModelIn(t, dir, map[string]string{
		"architecture.yaml":     serveModelOne + "docs:\n  - id: setup\n    path: docs/setup.md\n",
		"docs/setup.md":         "# Setup\n\n![stack](images/stack.svg)\n",
		"docs/images/stack.svg": `<svg xmlns="http://www.w3.org/2000/svg"><text>one</text></svg>`,
	})
	base := startServe(t, modelPath)
	image := base + "docs/files/docs/images/stack.svg"
	eventually(t, image, "the doc's image", func(s int, b string) bool { return strings.Contains(b, "one") })
	saveLikeAnEditor(t, filepath.Join(dir, "docs", "images", "stack.svg"), `<svg xmlns="http://www.w3.org/2000/svg"><text>two</text></svg>`)
	eventually(t, image, "the image replaced", func(s int, b string) bool { return strings.Contains(b, "two") })

	if err := os.Rename(dir, dir+".away"); err != nil {
		t.Fatal(err)
	}
	eventually(t, base+"module/cart.html", "missing model reported", func(s int, b string) bool { return s == 500 })
	if err := os.Rename(dir+".away", dir); err != nil {
		t.Fatal(err)
	}
	eventually(t, base+"module/cart.html", "model back", func(s int, b string) bool { return s == 200 })
	saveLikeAnEditor(t, modelPath, strings.Replace(serveModelOne, "Holds items.", "Holds 购物车.", 1))
	eventually(t, base+"module/cart.html", "edit after the folder came back", func(s int, b string) bool { return strings.Contains(b, "Holds 购物车.") })
}

// summarySource adds a layout summary to what its Source renders.
type summarySource struct {
	Source
	summary string
}

func (s summarySource) Render(ctx context.Context, m *model.Model) (*Rendered, error) {
	r, err := s.Source.Render(ctx, m)
	if r != nil {
		r.Summary = s.summary
	}
	return r, err
}

// Stopped during its first build, serve returns without saying it serves.
func TestServeStoppedDuringTheFirstBuildNeverServes(t *testing.T) {
	modelPath := writeModel(t, map[string]string{"architecture.yaml": serveModelOne})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	ready := false
	err := Serve(ctx, ServeOptions{ModelPath: modelPath, Source: NewSource(modelPath, noScenes), Ready: func(string) { ready = true }})
	if err != nil || ready {
		t.Errorf("Serve = %v, ready %v; want nil and never ready", err, ready)
	}
}

// A doc's image that archdoc may write, so not an input others must not
// overwrite (its own diagram, redrawn by `archdoc diagram`; a file not
// there yet), is watched all the same, in a folder of its own.
func TestServeWatchesDocImagesArchdocWrites(t *testing.T) {
	const drawn = `<svg xmlns="http://www.w3.org/2000/svg" class="archdoc-diagram"><text>%s</text></svg>`
	dir := t.TempDir()
	modelPath := writeModelIn(t, dir, map[string]string{
		"architecture.yaml":     serveModelOne + "docs:\n  - id: setup\n    path: docs/setup.md\n",
		"docs/setup.md":         "# Setup\n\n![business](../diagrams/business.svg)\n![later](../later/new.png)\n",
		"diagrams/business.svg": fmt.Sprintf(drawn, "one"),
	})
	base := startServe(t, modelPath)
	image := base + "docs/files/diagrams/business.svg"
	eventually(t, image, "the drawn image", func(s int, b string) bool { return strings.Contains(b, "one") })
	saveLikeAnEditor(t, filepath.Join(dir, "diagrams", "business.svg"), fmt.Sprintf(drawn, "two"))
	eventually(t, image, "the image redrawn", func(s int, b string) bool { return strings.Contains(b, "two") })
	if err := os.MkdirAll(filepath.Join(dir, "later"), 0o755); err != nil {
		t.Fatal(err)
	}
	saveLikeAnEditor(t, filepath.Join(dir, "later", "new.png"), "png")
	eventually(t, base+"docs/files/later/new.png", "the image made later", func(s int, b string) bool { return s == 200 && b == "png" })
}
