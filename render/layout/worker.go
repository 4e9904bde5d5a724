package layout

import (
	"bufio"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
)

// Graphviz's WebAssembly module leaks and eventually corrupts its memory
// after many large layouts (out-of-bounds accesses, hangs), and
// go-graphviz offers no way to start a fresh module. So most layouts go
// to worker processes: this same executable started with workerEnv set,
// which serves layouts over stdin/stdout. An Engine (engine.go) owns one
// worker at a time, kills it when it fails or overruns its budget (which
// really stops a stuck layout) and retires it after workerLayouts layouts
// or workerWork bytes, before its module degrades. The bounds are measured: at N=1000 a module
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
		// This process was started by startWorker: serve, then exit
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

// ask sends one layout request and waits for the reply.
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
		return nil, errors.New(string(res))
	}
	return res, nil
}
