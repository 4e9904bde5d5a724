package graphviz

import (
	"bufio"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime/debug"
	"sync"
	"time"
)

// Worker processes let layouts run on several cores: go-graphviz keeps
// its module in a package variable, so one process lays out one graph at
// a time. A worker is the program itself, started by main
// (UseSelfAsWorkers), serving ServeWorker on its stdin and stdout; since
// every layout gets a fresh module, any worker may take any graph.

// WorkerEnv, set to 1, marks a process started to serve layouts: main
// checks it (IsWorker) before anything else and calls ServeWorker.
const WorkerEnv = "ARCHDOC_GRAPHVIZ_WORKER"

// IsWorker reports whether this process was started as a worker.
func IsWorker() bool { return os.Getenv(WorkerEnv) == "1" }

// UseSelfAsWorkers makes this executable, started with WorkerEnv set,
// the worker command, for up to n workers (see UseWorkers).
func UseSelfAsWorkers(n int) {
	exe, err := os.Executable()
	if err != nil {
		return // layouts run in this process, one at a time
	}
	UseWorkers(func() *exec.Cmd {
		c := exec.Command(exe)
		c.Env = append(os.Environ(), WorkerEnv+"=1")
		return c
	}, n)
}

const (
	maxMessage = 256 << 20 // larger requests or replies are refused
	// grace is how much longer than a layout's budget a worker may take
	// to answer before it is killed (it keeps the budget itself).
	grace = 2 * time.Second
)

var pool struct {
	sync.Mutex
	command func() *exec.Cmd
	max     int
	idle    []*worker
	all     map[*worker]bool
	slots   chan struct{}
}

// UseWorkers makes Layout run graphs in up to n worker processes, each
// started by command. n <= 1 or a nil command means this process only.
func UseWorkers(command func() *exec.Cmd, n int) {
	pool.Lock()
	defer pool.Unlock()
	if n <= 1 || command == nil {
		pool.command, pool.max, pool.slots = nil, 0, nil
		return
	}
	pool.command, pool.max = command, n
	pool.slots = make(chan struct{}, n)
	if pool.all == nil {
		pool.all = map[*worker]bool{}
	}
}

func workersConfigured() bool {
	pool.Lock()
	defer pool.Unlock()
	return pool.command != nil
}

// Parallelism is how many layouts may usefully run at once.
func Parallelism() int {
	pool.Lock()
	defer pool.Unlock()
	return max(1, pool.max)
}

// Close stops every worker and waits for it to exit, so a command's
// time and memory include its workers'.
func Close() {
	pool.Lock()
	defer pool.Unlock()
	for w := range pool.all {
		w.stop()
	}
	pool.all = map[*worker]bool{}
	pool.idle = nil
}

// runInWorker lays src out in an idle worker (starting one when there is
// none), within budget. A worker that does not answer in time is killed.
func runInWorker(ctx context.Context, src []byte, budget time.Duration) ([]byte, error) {
	pool.Lock()
	slots := pool.slots
	pool.Unlock()
	if slots == nil {
		return runHere(ctx, WASM, src, budget)
	}
	select {
	case slots <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	defer func() { <-slots }()
	w, err := takeWorker()
	if err != nil {
		return nil, err
	}
	type reply struct {
		out []byte
		err error
	}
	done := make(chan reply, 1)
	go func() {
		out, err := w.ask(src, budget)
		done <- reply{out, err}
	}()
	timer := time.NewTimer(wallFactor*budget + grace)
	defer timer.Stop()
	select {
	case r := <-done:
		if r.err != nil && errors.Is(r.err, errWorkerBroken) {
			dropWorker(w)
			return nil, r.err
		}
		putWorker(w)
		return r.out, r.err
	case <-ctx.Done():
		dropWorker(w)
		return nil, ctx.Err()
	case <-timer.C:
		dropWorker(w)
		return nil, overBudget(budget)
	}
}

func takeWorker() (*worker, error) {
	pool.Lock()
	defer pool.Unlock()
	if n := len(pool.idle); n > 0 {
		w := pool.idle[n-1]
		pool.idle = pool.idle[:n-1]
		return w, nil
	}
	w, err := startWorker(pool.command())
	if err != nil {
		return nil, err
	}
	pool.all[w] = true
	return w, nil
}

func putWorker(w *worker) {
	pool.Lock()
	defer pool.Unlock()
	if pool.all[w] {
		pool.idle = append(pool.idle, w)
	}
}

func dropWorker(w *worker) {
	pool.Lock()
	delete(pool.all, w)
	pool.Unlock()
	w.stop()
}

// ServeWorker answers layout requests until its input ends, and returns
// the process's exit status. A request is a budget in milliseconds and a
// length-prefixed DOT graph; a reply a status byte and a length-prefixed
// JSON layout or error message.
func ServeWorker(in io.Reader, out io.Writer) int {
	r, w := bufio.NewReader(in), bufio.NewWriter(out)
	release := holdCollector()
	defer func() { release() }()
	for {
		var ms uint32
		if err := binary.Read(r, binary.BigEndian, &ms); err != nil {
			if errors.Is(err, io.EOF) {
				return 0
			}
			return 1
		}
		src, err := readMessage(r)
		if err != nil {
			return 1
		}
		budget := time.Duration(ms) * time.Millisecond
		res, err := runOnCPUBudget(src, budget)
		status := byte(statusOK)
		switch {
		case steady(err):
			status, res = statusOverCPU, nil
		case errors.Is(err, ErrOverBudget):
			status, res = statusOverWall, nil
		case err != nil:
			status, res = statusError, []byte(err.Error())
		}
		if w.WriteByte(status) != nil || writeMessage(w, res) != nil || w.Flush() != nil {
			return 1
		}
		release()
		release = func() {}
	}
}

// holdCollector turns the garbage collector off, below a memory limit,
// until release is called. A worker's first layout compiles Graphviz's
// WebAssembly when the machine has not yet (about 1 s of CPU for the
// whole module, 0.35 s for the functions archdoc uses), and the
// collector, chasing the compiler's garbage, made that a fifth slower:
// the first run after installing took 0.50-0.55 s instead of 0.44 s
// (0.32-0.43 s instead of 0.29-0.39 s since only those are compiled).
func holdCollector() (release func()) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return func() {} // the user's settings win
	}
	gc := debug.SetGCPercent(-1)
	limit := debug.SetMemoryLimit(compileMemory)
	return func() {
		debug.SetGCPercent(gc)
		debug.SetMemoryLimit(limit)
	}
}

// compileMemory bounds the heap while the collector is held off: the
// compilation needs about 80 MB with it off.
const compileMemory = 512 << 20

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
	cmd *exec.Cmd
	in  io.WriteCloser
	out *bufio.Reader
}

var errWorkerBroken = errors.New("Graphviz worker stopped answering")

// A worker's reply starts with one of these.
const (
	statusOK byte = iota
	statusError
	statusOverCPU  // over its budget of CPU time
	statusOverWall // over wallFactor times its budget of wall time
)

func startWorker(cmd *exec.Cmd) (*worker, error) {
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

// ask sends one layout request and waits for the reply.
func (w *worker) ask(src []byte, budget time.Duration) ([]byte, error) {
	bw := bufio.NewWriter(w.in)
	if binary.Write(bw, binary.BigEndian, uint32(budget.Milliseconds())) != nil ||
		writeMessage(bw, src) != nil || bw.Flush() != nil {
		return nil, errWorkerBroken
	}
	status, err := w.out.ReadByte()
	if err != nil {
		return nil, errWorkerBroken
	}
	res, err := readMessage(w.out)
	if err != nil {
		return nil, errWorkerBroken
	}
	switch status {
	case statusOK:
		return res, nil
	case statusOverCPU:
		return nil, &overBudgetError{budget: budget, steady: true}
	case statusOverWall:
		return nil, overBudget(budget)
	}
	return nil, errors.New(string(res))
}
