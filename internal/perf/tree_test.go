package perf

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// The goal benchmarks run archdoc as a user does, a whole process with
// its Graphviz workers, and measure the whole process tree: wall time,
// CPU time (the workers' included: archdoc waits for them before it
// exits), and peak memory.

var archdocBin = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp("", "archdoc-perf-")
	if err != nil {
		return "", err
	}
	binDir = dir
	bin := filepath.Join(dir, "archdoc")
	if out, err := exec.Command("go", "build", "-o", bin, "../../cmd/archdoc").CombinedOutput(); err != nil {
		return "", &buildError{err, out}
	}
	return bin, nil
})

var binDir string // removed by TestMain

type buildError struct {
	err error
	out []byte
}

func (e *buildError) Error() string { return "go build: " + e.err.Error() + "\n" + string(e.out) }

// archdoc returns the path of an archdoc binary built from this tree.
func archdoc(b *testing.B) string {
	b.Helper()
	bin, err := archdocBin()
	if err != nil {
		b.Fatal(err)
	}
	return bin
}

// usage is what one run of a process tree took.
type usage struct {
	wall time.Duration
	cpu  time.Duration // user + system, the process and every child it waited for
	// treeMB is the sum of each process's own peak resident memory
	// (sampled every sampleEvery, VmHWM), an upper bound on the tree's peak;
	// mainMB the largest single process's (getrusage).
	treeMB, mainMB float64
}

// run runs cmd, sampling its tree's memory, and fails b if it fails.
func run(b *testing.B, cmd *exec.Cmd) usage {
	b.Helper()
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	peaks := map[int]int64{} // pid -> VmHWM in kB
	stop := make(chan struct{})
	sampled := make(chan struct{})
	go func() {
		defer close(sampled)
		tick := time.NewTicker(sampleEvery)
		defer tick.Stop()
		for {
			for _, pid := range tree(cmd.Process.Pid) {
				if kb := vmHWM(pid); kb > peaks[pid] {
					peaks[pid] = kb
				}
			}
			select {
			case <-stop:
				return
			case <-tick.C:
			}
		}
	}()
	err := cmd.Wait()
	wall := time.Since(start)
	close(stop)
	<-sampled
	if err != nil {
		b.Fatalf("%v: %v\n%s", cmd.Args, err, out.Bytes())
	}
	u := usage{wall: wall, cpu: cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		u.mainMB = float64(ru.Maxrss) / 1024
	}
	var sum int64
	for _, kb := range peaks {
		sum += kb
	}
	u.treeMB = max(float64(sum)/1024, u.mainMB)
	return u
}

// sampleEvery is how often run reads its tree's peak memory. VmHWM is
// the kernel's own high-water mark, so a sample needs only to come before
// a process ends; each one lists every thread's children, and sampling
// every 5 ms took enough of a core to slow the build it measured (N=300
// first build: 47.9 s and core-use 0.78 under it, 37 s and 0.95 by hand).
const sampleEvery = 50 * time.Millisecond

// tree lists pid and its descendants (Linux; elsewhere pid alone).
func tree(pid int) []int {
	out := []int{pid}
	for i := 0; i < len(out); i++ {
		tasks, _ := filepath.Glob("/proc/" + strconv.Itoa(out[i]) + "/task/*/children")
		for _, t := range tasks {
			data, _ := os.ReadFile(t)
			for _, f := range strings.Fields(string(data)) {
				if c, err := strconv.Atoi(f); err == nil {
					out = append(out, c)
				}
			}
		}
	}
	return out
}

// vmHWM is a process's peak resident memory in kB, 0 if unknown.
func vmHWM(pid int) int64 {
	data, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			return kb
		}
	}
	return 0
}

// report adds the medians of runs as metrics: wall-s, cpu-s, core-use
// (CPU time ÷ cores ÷ wall time: 1 keeps every core busy), tree-MB and
// main-MB, each name after prefix.
func report(b *testing.B, prefix string, runs []usage) {
	pick := func(f func(usage) float64) float64 {
		vals := make([]time.Duration, len(runs))
		for i, r := range runs {
			vals[i] = time.Duration(f(r) * 1e6)
		}
		return float64(median(vals)) / 1e6
	}
	wall := pick(func(u usage) float64 { return u.wall.Seconds() })
	cpu := pick(func(u usage) float64 { return u.cpu.Seconds() })
	b.ReportMetric(wall, prefix+"wall-s")
	b.ReportMetric(cpu, prefix+"cpu-s")
	b.ReportMetric(pick(func(u usage) float64 { return u.cpu.Seconds() / float64(cores()) / u.wall.Seconds() }), prefix+"core-use")
	b.ReportMetric(pick(func(u usage) float64 { return u.treeMB }), prefix+"tree-MB")
	b.ReportMetric(pick(func(u usage) float64 { return u.mainMB }), prefix+"main-MB")
}
