package graphviz

import (
	"bufio"
	"bytes"
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	gv "github.com/goccy/go-graphviz"
)

// wasmTurn lets one layout at a time use this process's WebAssembly
// module: go-graphviz keeps it in a package variable.
var (
	wasmTurn sync.Mutex
	setUp    sync.Once
	// wholeOnly is set once a graph needed the whole module: it runs the
	// same code as the part, so this process's later layouts use it and
	// none pays a trap first. wasmTurn guards it.
	wholeOnly bool
)

// usedFunctions lists the functions of the bundled Graphviz that
// archdoc's layouts call, as indices into its code section: a third of
// its code. Only those are compiled at first, which is most of the
// first run's time (0.55 s -> 0.3 s for the example's business diagram);
// a graph that needs another function is laid out again in the whole
// module. TestUsedFunctions (./usedfunctions) checks and writes it.
//
//go:embed used_functions.txt
var usedFunctions []byte

// UsedFunctionsFile is usedFunctions' file, from this package's folder.
const UsedFunctionsFile = "used_functions.txt"

// within runs one layout attempt, lay, under the attempt's time limit
// and says what its error means (see runHere and runOnCPUBudget).
type within func(lay func(context.Context) ([]byte, error)) ([]byte, error)

// runWASM lays src out in a fresh instance of the bundled Graphviz, of
// the functions archdoc uses or, when src needed another, of the whole
// module; within times each attempt. The module is compiled (on first
// use) before within starts the clock, so no layout's budget pays it.
// The runtime closes an instance when its context is done, so a looping
// layout ends at the deadline and the garbage collector is never held up.
func runWASM(src []byte, limit within) ([]byte, error) {
	setUp.Do(func() {
		gv.SetCacheDir(CacheDir())
		if used, err := ParseUsedFunctions(usedFunctions); err == nil {
			gv.SetUsedFunctions(used)
		}
	})
	wasmTurn.Lock()
	defer wasmTurn.Unlock()
	if wholeOnly {
		return layFresh(src, gv.FreshWhole, limit)
	}
	out, err := layFresh(src, gv.Fresh, limit)
	if gv.LeftOut(err) {
		wholeOnly = true
		out, err = layFresh(src, gv.FreshWhole, limit)
	}
	return out, err
}

// layFresh starts a fresh instance (compiling its module on first use),
// then lays src out in it under limit.
func layFresh(src []byte, fresh func(context.Context) error, limit within) ([]byte, error) {
	if err := fresh(context.Background()); err != nil {
		return nil, err
	}
	return limit(func(ctx context.Context) ([]byte, error) { return lay(ctx, src) })
}

// lay lays src out in the fresh instance.
func lay(ctx context.Context, src []byte) (out []byte, err error) {
	defer func() {
		// go-graphviz panics on some failures inside the module (seen
		// on corrupted memory); a fresh module comes with the next call.
		if r := recover(); r != nil {
			out, err = nil, fmt.Errorf("graphviz: %v", r)
		}
	}()
	g, err := gv.NewWithPlugins(ctx) // the C plugins only: json0 needs no Go renderer
	if err != nil {
		return nil, fmt.Errorf("start graphviz: %w", err)
	}
	graph, err := gv.ParseBytes(src)
	if err != nil {
		return nil, fmt.Errorf("graphviz rejected the graph: %w", err)
	}
	var buf bytesBuffer
	if err := g.Render(ctx, graph, "json0", &buf); err != nil {
		return nil, fmt.Errorf("graphviz: %w", err)
	}
	if !json.Valid(buf.b) {
		return nil, errors.New("graphviz returned something other than JSON")
	}
	return buf.b, nil
}

// ParseUsedFunctions reads a used-functions list: one index per line,
// in increasing order; lines starting with # are comments.
func ParseUsedFunctions(b []byte) ([]int, error) {
	var list []int
	sc := bufio.NewScanner(bytes.NewReader(b))
	for line := 1; sc.Scan(); line++ {
		s := strings.TrimSpace(sc.Text())
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		n, err := strconv.Atoi(s)
		if err != nil || n < 0 || (len(list) > 0 && n <= list[len(list)-1]) {
			return nil, fmt.Errorf("%s:%d: %q is not an index greater than the one before", UsedFunctionsFile, line, s)
		}
		list = append(list, n)
	}
	return list, sc.Err()
}

// CacheDir is the folder wazero keeps the compiled Graphviz in (the
// user cache folder, so a fresh shell or a CI cache pays the compilation
// of about 0.7 s once, not after every clean of the temporary folder);
// "" when there is none, and then the temporary folder is used.
func CacheDir() string {
	base, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	dir := filepath.Join(base, "archdoc")
	if os.MkdirAll(dir, 0o755) != nil {
		return ""
	}
	return dir
}

type bytesBuffer struct{ b []byte }

func (w *bytesBuffer) Write(p []byte) (int, error) { w.b = append(w.b, p...); return len(p), nil }
