package main

import (
	"os"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"time"
)

// archdoc is a short-lived process whose heap is small for most models
// (a rebuild of the example: 30 MB) and large for a few (a thousand
// modules: 180 MB live). The garbage collector's default (collect when
// the heap doubles) spent a fifth of a small rebuild collecting, and let
// a large one peak at twice its live heap. So the heap may grow to five
// times what is live, up to gcFloor; beyond that it grows to twice what
// is live, as by default. GOGC or GOMEMLIMIT set by the user win.
const (
	gcPercent = 400
	gcFloor   = 128 << 20
	gcTick    = 20 * time.Millisecond
)

// tuneGC sets the collector up as above, once, and keeps the memory
// limit at gcLimit of the live heap, polled every gcTick. The commands
// that lay views out call it (addGraphvizFlag); the others end within
// milliseconds, and Graphviz's workers keep the default: their heap is
// Graphviz's memory, fresh for every layout.
func tuneGC() { tuneOnce.Do(tune) }

var tuneOnce sync.Once

func tune() {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	debug.SetGCPercent(gcPercent)
	debug.SetMemoryLimit(gcFloor)
	go func() {
		sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		for range time.Tick(gcTick) {
			metrics.Read(sample)
			if sample[0].Value.Kind() == metrics.KindUint64 {
				debug.SetMemoryLimit(gcLimit(sample[0].Value.Uint64()))
			}
		}
	}()
}

// gcLimit is the memory limit for a live heap of live bytes: gcFloor,
// or twice the live heap once that is more, so a large model's collector
// never runs all the time against a limit it cannot get under.
func gcLimit(live uint64) int64 {
	return max(gcFloor, 2*int64(min(live, 1<<61)))
}
