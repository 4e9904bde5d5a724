package perf

import (
	"bufio"
	"bytes"
	"context"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/archdoc/archdoc/builder"
	"github.com/archdoc/archdoc/internal/synth"
	"github.com/archdoc/archdoc/site"
)

// The Goal benchmarks measure the rows of the README's performance
// table (issue 20's goals), each with the command that reproduces it:
//
//	go test -run '^$' -bench Goal -benchtime 5x ./internal/perf/
//
// CI runs them once (-benchtime=1x). Each reports medians over its
// iterations; on a shared machine, run several and compare medians.

func cores() int { return runtime.NumCPU() }

// envBefore names an archdoc binary to compare with (BenchmarkGoalBuild).
const envBefore = "ARCHDOC_BENCH_BEFORE"

// goalModel writes the example (with its docs) or a generated model of n
// modules into a fresh folder and returns its path.
func goalModel(b *testing.B, n int) string {
	b.Helper()
	dir := b.TempDir()
	path := filepath.Join(dir, "architecture.yaml")
	src := synth.Model(n, 1)
	if n == 0 {
		var err error
		if src, err = os.ReadFile(examplePath); err != nil {
			b.Fatal(err)
		}
		copyDocs(b, dir)
	}
	if err := os.WriteFile(path, src, 0o644); err != nil {
		b.Fatal(err)
	}
	return path
}

func goalName(n int) string {
	if n == 0 {
		return "example"
	}
	return "N=" + strconv.Itoa(n)
}

// BenchmarkGoalBuild is `archdoc build` (site, every diagram, the HTML
// deck) of the example and of generated models of 300 and 1000 modules,
// whole processes, into the same output folder each time, in a cache
// folder of its own whose compiled Graphviz is warm:
//
//   - first-build: the layout cache emptied before each run, so every
//     view is laid out, as on a model's first build;
//   - rebuild: the same model again, every layout from the cache, as in
//     a CI job that keeps the cache folder or a build after a small edit.
//
// With ARCHDOC_BENCH_BEFORE naming another archdoc binary (an earlier
// version), each first-build iteration runs that one first, untimed, and
// its medians come out as before-wall-s and so on: the two alternate, so
// a busy machine slows both alike.
func BenchmarkGoalBuild(b *testing.B) {
	bin := archdoc(b)
	before := os.Getenv(envBefore)
	for _, n := range []int{0, 300, 1000} {
		b.Run(goalName(n), func(b *testing.B) {
			model, out := goalModel(b, n), filepath.Join(b.TempDir(), "public")
			cache := b.TempDir()
			build := func(bin, out string) *exec.Cmd {
				cmd := exec.Command(bin, "build", "-f", model, "-o", out)
				cmd.Env = append(os.Environ(), "XDG_CACHE_HOME="+cache, "ARCHDOC_LAYOUT_CACHE=")
				return cmd
			}
			warmIn(b, bin, cache)
			if before != "" {
				warmIn(b, before, cache)
			}
			b.Run("first-build", func(b *testing.B) {
				var runs, beforeRuns []usage
				for b.Loop() {
					b.StopTimer()
					if err := os.RemoveAll(filepath.Join(cache, "archdoc", "layouts")); err != nil {
						b.Fatal(err)
					}
					if before != "" {
						beforeRuns = append(beforeRuns, run(b, build(before, out+"-before")))
					}
					b.StartTimer()
					runs = append(runs, run(b, build(bin, out)))
				}
				report(b, "", runs)
				if before != "" {
					report(b, "before-", beforeRuns)
				}
			})
			b.Run("rebuild", func(b *testing.B) {
				var runs []usage
				for b.Loop() {
					runs = append(runs, run(b, build(bin, out)))
				}
				report(b, "", runs)
			})
		})
	}
}

// withCache runs cmd with its user cache folder in dir.
func withCache(cmd *exec.Cmd, dir string) *exec.Cmd {
	cmd.Env = append(os.Environ(), "XDG_CACHE_HOME="+dir)
	return cmd
}

// warmIn compiles Graphviz's WebAssembly into the user cache folder dir,
// so the timed runs measure a warm start, as the goals say unless they
// say not.
func warmIn(b *testing.B, bin, dir string) {
	b.Helper()
	run(b, withCache(exec.Command(bin, "diagram", "business", "-f", goalModel(b, 0), "-o", filepath.Join(b.TempDir(), "b.svg")), dir))
}

// BenchmarkGoalFirstRun is `archdoc diagram business` of the example with
// an empty cache (the first run after installing, or a CI run without a
// cache: Graphviz's WebAssembly is compiled), next to the same with the
// cache warm.
func BenchmarkGoalFirstRun(b *testing.B) {
	bin := archdoc(b)
	model := goalModel(b, 0)
	for _, cache := range []string{"empty", "warm"} {
		b.Run(cache+"-cache", func(b *testing.B) {
			warmDir := b.TempDir()
			var runs []usage
			for b.Loop() {
				dir := warmDir
				if cache == "empty" {
					dir = b.TempDir()
				} else if len(runs) == 0 {
					b.StopTimer()
					cmd := exec.Command(bin, "diagram", "business", "-f", model, "-o", filepath.Join(b.TempDir(), "b.svg"))
					cmd.Env = append(os.Environ(), "XDG_CACHE_HOME="+dir)
					run(b, cmd) // fills the cache
					b.StartTimer()
				}
				cmd := exec.Command(bin, "diagram", "business", "-f", model, "-o", filepath.Join(b.TempDir(), "b.svg"))
				cmd.Env = append(os.Environ(), "XDG_CACHE_HOME="+dir)
				runs = append(runs, run(b, cmd))
			}
			report(b, "", runs)
		})
	}
}

// BenchmarkGoalServeEdit is `archdoc serve` from writing a one-line edit
// (a module renamed, a title-only change) to the reload event open pages
// get, debounce included, for the example and 300 modules: reload the
// model, lay out again the views the edit changed, render the site,
// rewrite the files that changed. The deck (slides.html) follows in a
// second event, not timed. Serve runs in this process with the
// builder `archdoc serve` uses and Graphviz workers as archdoc starts them.
// The edits alternate between two versions. The example's first rename
// fits the module's box, so no graph changes and Graphviz's layouts of
// the last build serve; its second (example-resized) widens the box,
// and the views that show it are laid out again, as is every view that
// shows the 300-module model's renamed module.
func BenchmarkGoalServeEdit(b *testing.B) {
	for _, tc := range []struct {
		name     string
		n        int
		old, new string
	}{
		{"example", 0, "name: 用户中心", "name: 用户中心（新）"},
		{"example-resized", 0, "name: 用户中心", "name: 用户中心与会员积分管理中心"},
		{"N=300", 300, "- id: m0\n        name: ", "- id: m0\n        name: 改名"},
	} {
		b.Run(tc.name, func(b *testing.B) {
			path := goalModel(b, tc.n)
			src, err := os.ReadFile(path)
			if err != nil {
				b.Fatal(err)
			}
			edited := bytes.Replace(src, []byte(tc.old), []byte(tc.new), 1)
			if bytes.Equal(src, edited) {
				b.Fatalf("the model has no %q any more; update the benchmark", tc.old)
			}
			events := startServe(b, path)
			var times []time.Duration
			i := 0
			for b.Loop() {
				i++
				version := [][]byte{src, edited}[i%2]
				start := time.Now()
				if err := os.WriteFile(path, version, 0o644); err != nil {
					b.Fatal(err)
				}
				for pages := false; !pages; {
					select {
					case v := <-events:
						pages = !strings.Contains(v, " ") // not the deck's event
					case <-time.After(60 * time.Second):
						b.Fatal("no reload event within a minute")
					}
				}
				times = append(times, time.Since(start))
				// The deck follows the pages (site.Rendered.Later); let it
				// finish, untimed, so the next edit starts from quiet.
				b.StopTimer()
				select {
				case <-events:
				case <-time.After(30 * time.Second):
				}
				b.StartTimer()
			}
			b.ReportMetric(float64(median(times))/1e6, "reload-ms")
		})
	}
}

// startServe serves the model until b ends and returns the reload events
// after the first build's.
func startServe(b *testing.B, path string) <-chan string {
	b.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	go func() {
		done <- site.Serve(ctx, site.ServeOptions{ModelPath: path, Source: builder.New(path, nil).ServeSource(),
			Ready: func(url string) { ready <- url }})
	}()
	b.Cleanup(func() { cancel(); <-done })
	var url string
	select {
	case url = <-ready:
	case err := <-done:
		b.Fatal(err)
	}
	req, _ := http.NewRequestWithContext(ctx, "GET", url+"__archdoc/events", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		b.Fatal(err)
	}
	events := make(chan string, 16)
	first := make(chan struct{})
	go func() {
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		seen := false
		for sc.Scan() {
			if v, ok := strings.CutPrefix(sc.Text(), "data: "); ok {
				if !seen {
					seen = true
					close(first)
					continue
				}
				events <- v
			}
		}
	}()
	<-first
	return events
}
