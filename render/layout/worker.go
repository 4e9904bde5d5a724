package layout

import (
	"bufio"
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"sync"
	"time"
)

// Graphviz's WebAssembly module leaks and eventually corrupts its memory
// after many large layouts (out-of-bounds accesses, hangs), and
// go-graphviz offers no way to start a fresh module. Once that happens
// in this process, layouts go to worker processes: this same executable
// started with workerEnv set, which serves layouts over stdin/stdout. A
// worker that fails or overruns its budget is killed (which really stops
// a stuck layout) and a worker is retired after workerLayouts layouts,
// before its module degrades. The bounds are measured: at N=1000 a module
// still lays out the same bytes after 24 layouts and 768 KB of DOT (a
// fresh one gives identical output), while 8 layouts and 256 KB cost about
// 40 restarts, a second of CPU, in a 300-module build.

const (
	workerEnv     = "ARCHDOC_GRAPHVIZ_WORKER"
	workerLayouts = 24
	workerWork    = 768 << 10 // DOT bytes a worker lays out before it is retired
	maxMessage    = 256 << 20 // larger requests or replies are refused
)

func init() {
	if os.Getenv(workerEnv) == "1" {
		// This process was started by runInWorker: serve, then exit
		// before the program's own main (or tests) would run.
		os.Exit(serveWorker(os.Stdin, os.Stdout))
	}
}

// serveWorker answers layout requests until its input ends. Each request
// is a length-prefixed DOT source; each reply a status byte (0 ok, 1
// error) and a length-prefixed JSON layout or error message.
func serveWorker(in io.Reader, out io.Writer) int {
	r, w := bufio.NewReader(in), bufio.NewWriter(out)
	for {
		src, err := readMessage(r)
		if err != nil {
			if errors.Is(err, io.EOF) {
				return 0
			}
			return 1
		}
		gvTurn <- struct{}{}
		res, err := runDotSafely(context.Background(), src)
		<-gvTurn
		status := byte(0)
		if err != nil {
			status, res = 1, []byte(err.Error())
		}
		if w.WriteByte(status) != nil || writeMessage(w, res) != nil || w.Flush() != nil {
			return 1
		}
	}
}

func readMessage(r io.Reader) ([]byte, error) {
	var n uint32
	if err := binary.Read(r, binary.BigEndian, &n); err != nil {
		return nil, err
	}
	if n > maxMessage {
		return nil, fmt.Errorf("message of %d bytes is too large", n)
	}
	buf := make([]byte, n)
	_, err := io.ReadFull(r, buf)
	return buf, err
}

func writeMessage(w io.Writer, b []byte) error {
	if err := binary.Write(w, binary.BigEndian, uint32(len(b))); err != nil {
		return err
	}
	_, err := w.Write(b)
	return err
}

// worker is a running worker process.
type worker struct {
	cmd  *exec.Cmd
	in   io.WriteCloser
	out  *bufio.Reader
	used int
	work int // DOT bytes laid out
}

var (
	workerMu   sync.Mutex
	idle       []*worker
	workerSlot = make(chan struct{}, runtime.GOMAXPROCS(0)) // at most one worker per core
)

func startWorker() (*worker, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, fmt.Errorf("find own executable for a Graphviz worker: %w", err)
	}
	cmd := exec.Command(exe)
	cmd.Env = append(os.Environ(), workerEnv+"=1")
	in, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start a Graphviz worker: %w", err)
	}
	return &worker{cmd: cmd, in: in, out: bufio.NewReader(out)}, nil
}

func (w *worker) stop() {
	w.in.Close()
	w.cmd.Process.Kill()
	w.cmd.Wait()
}

// graphvizError is Graphviz's own error, reported by a healthy worker.
type graphvizError struct{ msg string }

func (e *graphvizError) Error() string { return e.msg }

// ask sends one layout request and waits for the reply. An error other
// than a *graphvizError means the worker is unusable.
func (w *worker) ask(src []byte) ([]byte, error) {
	bw := bufio.NewWriter(w.in)
	if err := writeMessage(bw, src); err != nil {
		return nil, fmt.Errorf("Graphviz worker: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return nil, fmt.Errorf("Graphviz worker: %w", err)
	}
	status, err := w.out.ReadByte()
	if err != nil {
		return nil, fmt.Errorf("Graphviz worker: %w", err)
	}
	res, err := readMessage(w.out)
	if err != nil {
		return nil, fmt.Errorf("Graphviz worker: %w", err)
	}
	if status != 0 {
		return nil, &graphvizError{string(res)}
	}
	return res, nil
}

// healthy reports whether a worker that returned err can be reused.
func healthy(err error) bool {
	var ge *graphvizError
	return err == nil || errors.As(err, &ge) && !isWasmFault(err)
}

// runInWorker lays out src in a worker process within budget. A worker
// whose module fails or that overruns its first try (see firstTry) is
// killed and the layout tried once more in a fresh one with the rest of
// the budget: the same graph usually lays out fine in a new module.
func runInWorker(ctx context.Context, src []byte, budget time.Duration) ([]byte, error) {
	deadline := time.Now().Add(budget)
	out, err := runInWorkerOnce(ctx, src, min(budget, max(firstTry, budget/4)), false)
	if err != nil && !healthy(err) && ctx.Err() == nil && time.Until(deadline) > 0 {
		out, err = runInWorkerOnce(ctx, secondTry(src), time.Until(deadline), true)
	}
	return out, err
}

var errOverBudget = errors.New("over budget")

// secondTry asks for straight edges (splines=line). The WebAssembly
// Graphviz sometimes loops forever in its edge router, even in a fresh
// module, on a graph native dot lays out at once (seen on a 10-box module
// view of a generated model); straight edges skip that router, and the
// boxes and label places are still Graphviz's. The scene reports it.
func secondTry(src []byte) []byte {
	return bytes.Replace(src, []byte("graph [rankdir"), []byte("graph [splines=line rankdir"), 1)
}

// runInWorkerOnce lays src out in one worker (a newly started one when
// fresh is set).
func runInWorkerOnce(ctx context.Context, src []byte, budget time.Duration, fresh bool) ([]byte, error) {
	timer := time.NewTimer(budget)
	defer timer.Stop()
	select {
	case workerSlot <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	case <-timer.C:
		return nil, fmt.Errorf("waited %v for a Graphviz worker: %w", budget, errOverBudget)
	}
	defer func() { <-workerSlot }()
	w, err := takeWorker(fresh)
	if err != nil {
		return nil, err
	}
	type result struct {
		out []byte
		err error
	}
	done := make(chan result, 1)
	go func() {
		out, err := w.ask(src)
		done <- result{out, err}
	}()
	select {
	case r := <-done:
		w.used++
		w.work += len(src)
		if healthy(r.err) && w.used < workerLayouts && w.work < workerWork {
			putWorker(w)
		} else {
			w.stop()
		}
		return r.out, r.err
	case <-ctx.Done():
		w.stop()
		return nil, ctx.Err()
	case <-timer.C:
		w.stop() // kills the stuck layout, unlike in-process
		return nil, fmt.Errorf("Graphviz took longer than %v: %w", budget, errOverBudget)
	}
}

func takeWorker(fresh bool) (*worker, error) {
	if fresh {
		return startWorker()
	}
	workerMu.Lock()
	if n := len(idle); n > 0 {
		w := idle[n-1]
		idle = idle[:n-1]
		workerMu.Unlock()
		return w, nil
	}
	workerMu.Unlock()
	return startWorker()
}

func putWorker(w *worker) {
	workerMu.Lock()
	idle = append(idle, w)
	workerMu.Unlock()
}
