package perf

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// BenchmarkStartup runs `archdoc version`, `validate` and `schema` as
// whole processes next to a Go program that only prints a line, and
// reports each one's time as a multiple of the plain program's (metric
// "x-plain"): commands that lay nothing out must not start Graphviz.
func BenchmarkStartup(b *testing.B) {
	dir := b.TempDir()
	archdoc, plain := filepath.Join(dir, "archdoc"), filepath.Join(dir, "plain")
	if out, err := exec.Command("go", "build", "-o", archdoc, "../../cmd/archdoc").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	src := filepath.Join(dir, "plain.go")
	if err := os.WriteFile(src, []byte("package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println(\"plain\") }\n"), 0o644); err != nil {
		b.Fatal(err)
	}
	if out, err := exec.Command("go", "build", "-o", plain, src).CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	model, err := filepath.Abs(examplePath)
	if err != nil {
		b.Fatal(err)
	}
	timeOf := func(b *testing.B, name string, args ...string) time.Duration {
		start := time.Now()
		for range 20 {
			if out, err := exec.Command(name, args...).CombinedOutput(); err != nil {
				b.Fatalf("%s %v: %v\n%s", name, args, err, out)
			}
		}
		return time.Since(start) / 20
	}
	for _, args := range [][]string{{"version"}, {"validate", "-f", model}, {"schema"}} {
		b.Run(args[0], func(b *testing.B) {
			var ratio float64
			for b.Loop() {
				base := timeOf(b, plain)
				ratio = float64(timeOf(b, archdoc, args...)) / float64(base)
			}
			b.ReportMetric(ratio, "x-plain")
		})
	}
}
