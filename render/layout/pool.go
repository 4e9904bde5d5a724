package layout

import "sync/atomic"

// Graphviz in this process is one WebAssembly module that only one
// layout at a time may use. When render.Layouts lays out views on
// several goroutines, a graph that finds the module busy goes to a worker
// process (worker.go) instead of waiting, so layouts run on every core.
// Small graphs wait: they take less time than starting a worker.

// spareWorkerMin is the DOT size (bytes) from which a layout that finds
// the in-process module busy goes to a worker process. A worker costs
// about 0.1 s to start (go-graphviz instantiates its module at start);
// graphs of this size take about that long to lay out.
const spareWorkerMin = 8 << 10

// inProcessBusy reports whether another layout holds the in-process
// module right now. It is a hint: the module may free up a moment later.
func inProcessBusy() bool { return len(gvTurn) == cap(gvTurn) }

// bigGraphMin is the DOT size (bytes) from which a graph always goes to
// a worker process: large graphs are the ones that corrupt or hang
// Graphviz's module (a 100-module business view, about 60 KB, already
// hits Graphviz's "trouble in init_rank"), and a worker can be killed
// when it overruns its budget while this process's module cannot.
const bigGraphMin = 48 << 10

// maxInProcessLayouts is how many layouts this process's own module does
// before every layout goes to worker processes. A module that has done
// hundreds of layouts can hang inside one, and a hang in this process is
// fatal, not just slow: code compiled by wazero cannot be preempted, so
// the next garbage collection waits for it with every other goroutine
// (timers included) stopped, and the build never ends. (Seen in the
// benchmarks: a 300-module model's layouts froze for 15 minutes.) A
// worker that hangs is killed at its budget instead. The example's
// views all fit in this many.
const maxInProcessLayouts = 32

var inProcessLayouts atomic.Int64

// useSpareWorker says whether src should go to a worker process: it is
// big, the in-process module is busy with another layout, or it has done
// its share of layouts.
func useSpareWorker(src []byte) bool {
	if len(src) >= bigGraphMin || len(src) >= spareWorkerMin && inProcessBusy() {
		return true
	}
	return inProcessLayouts.Add(1) > maxInProcessLayouts
}
