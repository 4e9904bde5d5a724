package perf

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// BenchmarkStartup runs `archdoc version`, `validate` and `schema` as
// whole processes next to a Go program that only prints a line, and
// reports each one's time as a multiple of the plain program's (metric
// "x-plain"): commands that lay nothing out must not start Graphviz.
// validate checks a one-line model, so that its start-up is what is
// measured; validate-starter checks the 4 KB model `archdoc init` writes
// and validate-example the 33 KB example, to show what reading a model
// adds (yaml.v3 parses about 20 MB/s warm, less in a fresh process).
//
// The two programs run in turns, one run each, and the ratio is of the
// median times, so that other work on a shared machine slows both alike
// and a few slow runs do not decide the result; "ms" and "plain-ms" are
// those medians.
func BenchmarkStartup(b *testing.B) {
	dir := b.TempDir()
	archdoc, plain := filepath.Join(dir, "archdoc"), filepath.Join(dir, "plain")
	if out, err := staticBuild(archdoc, "../../cmd/archdoc").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	src := filepath.Join(dir, "plain.go")
	if err := os.WriteFile(src, []byte("package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println(\"plain\") }\n"), 0o644); err != nil {
		b.Fatal(err)
	}
	if out, err := staticBuild(plain, src).CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	example, err := filepath.Abs(examplePath)
	if err != nil {
		b.Fatal(err)
	}
	starter, err := filepath.Abs("../../cmd/archdoc/starter.yaml")
	if err != nil {
		b.Fatal(err)
	}
	oneLine := filepath.Join(dir, "architecture.yaml")
	if err := os.WriteFile(oneLine, []byte("name: Shop\n"), 0o644); err != nil {
		b.Fatal(err)
	}
	timeOf := func(b *testing.B, name string, args ...string) time.Duration {
		start := time.Now()
		if out, err := exec.Command(name, args...).CombinedOutput(); err != nil {
			b.Fatalf("%s %v: %v\n%s", name, args, err, out)
		}
		return time.Since(start)
	}
	for _, run := range []struct {
		name string
		args []string
	}{
		{"version", []string{"version"}},
		{"validate", []string{"validate", "-f", oneLine}},
		{"schema", []string{"schema"}},
		{"validate-starter", []string{"validate", "-f", starter}},
		{"validate-example", []string{"validate", "-f", example}},
	} {
		b.Run(run.name, func(b *testing.B) {
			var times, plainTimes []time.Duration
			for b.Loop() {
				for range 20 {
					plainTimes = append(plainTimes, timeOf(b, plain))
					times = append(times, timeOf(b, archdoc, run.args...))
				}
			}
			ms, plainMS := median(times), median(plainTimes)
			b.ReportMetric(float64(ms)/float64(plainMS), "x-plain")
			b.ReportMetric(float64(ms)/1e6, "ms")
			b.ReportMetric(float64(plainMS)/1e6, "plain-ms")
		})
	}
}

// staticBuild builds a program the way the README installs archdoc:
// CGO_ENABLED=0, so that no libc is loaded at start.
func staticBuild(out, pkg string) *exec.Cmd {
	cmd := exec.Command("go", "build", "-o", out, pkg)
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	return cmd
}

func median(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[len(s)/2]
}
