//go:build unix

package main

import (
	"os"
	"syscall"
	"time"

	"github.com/rogpeppe/go-internal/testscript"
)

// haveNamedPipes is the scripts' [namedpipes] condition.
const haveNamedPipes = true

// cmdMkfifo makes named pipes for scripts that check archdoc refuses
// them: `mkfifo pipe.yaml`. A guard beside each pipe makes a wrong
// archdoc fail at once rather than hang until go test's timeout: if
// anything opens the pipe for reading, the guard writes a line into it
// and closes it, so the reader gets that line (and a wrong message)
// instead of blocking for ever.
func cmdMkfifo(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) == 0 {
		ts.Fatalf("usage: mkfifo path...")
	}
	for _, a := range args {
		p := ts.MkAbs(a)
		ts.Check(syscall.Mkfifo(p, 0o644))
		stop := make(chan struct{})
		ts.Defer(func() { close(stop) })
		go unblockReaders(p, stop)
	}
}

// unblockReaders feeds whoever opened path for reading until stop. A
// non-blocking open for writing fails (ENXIO) while nobody reads, as it
// should be, and never blocks the guard itself.
func unblockReaders(path string, stop <-chan struct{}) {
	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case <-stop:
			return
		case <-tick.C:
		}
		f, err := os.OpenFile(path, os.O_WRONLY|syscall.O_NONBLOCK, 0)
		if err != nil {
			continue
		}
		f.WriteString("GUARD: archdoc opened this named pipe for reading\n")
		f.Close()
	}
}
