package graphviz

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"

	gv "github.com/goccy/go-graphviz"
)

// wasmTurn lets one layout at a time use this process's WebAssembly
// module: go-graphviz keeps it in a package variable.
var (
	wasmTurn  sync.Mutex
	cacheOnce sync.Once
)

// runWASM lays src out in a fresh instance of the bundled Graphviz. The
// runtime closes the instance when ctx is done, so a looping layout ends
// at the deadline and the garbage collector is never held up by it.
func runWASM(ctx context.Context, src []byte) (out []byte, err error) {
	cacheOnce.Do(func() { gv.SetCacheDir(CacheDir()) })
	wasmTurn.Lock()
	defer wasmTurn.Unlock()
	defer func() {
		// go-graphviz panics on some failures inside the module (seen
		// on corrupted memory); a fresh module comes with the next call.
		if r := recover(); r != nil {
			out, err = nil, fmt.Errorf("graphviz: %v", r)
		}
	}()
	if err := gv.Fresh(ctx); err != nil {
		return nil, err
	}
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
