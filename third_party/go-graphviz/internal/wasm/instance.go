package wasm

// This file is the fork's: the module is compiled once, lazily, and every
// Renew gives a fresh instance of the compiled code (see ../../README.md).

import (
	"context"
	"fmt"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental"
)

var (
	instanceMu  sync.Mutex
	cacheParent string // folder holding the "go-graphviz" compilation cache
	wasmRuntime wazero.Runtime
	wasmCached  bool // wasmRuntime reads and writes the compilation cache
	enumsBound  bool
	onInstance  []func(context.Context) error

	used     []int                    // code indices of the functions the part keeps; nil: no part
	compiled [2]wazero.CompiledModule // the part, the whole module
	trace    func(code int)           // hears each function's first call
	imported int                      // functions the module imports
)

const (
	part  = 0
	whole = 1
)

// SetCacheDir sets the folder (which must exist) the compilation cache
// goes in; "" means os.TempDir(), as upstream. It has effect only before
// the first use.
func SetCacheDir(dir string) {
	instanceMu.Lock()
	cacheParent = dir
	instanceMu.Unlock()
}

// SetUsed makes Renew start instances of a copy of the module in which
// only the functions with these code-section indices are compiled; any
// other traps when called (see LeftOut), and RenewWhole starts the whole
// module. Compiling is most of a cold start, and a program that uses a
// part of Graphviz needs a part of it compiled. It has effect only
// before the first use.
func SetUsed(code []int) {
	instanceMu.Lock()
	used = slices.Sorted(slices.Values(code))
	instanceMu.Unlock()
}

// Trace makes every instance the whole module, compiled so that f hears
// the code-section index of each function on its first call (to find
// what SetUsed should keep). It has effect only before the first use.
func Trace(f func(code int)) {
	instanceMu.Lock()
	trace = f
	instanceMu.Unlock()
}

// OnInstance registers f to run on every new instance, before Renew
// returns: package cgraph keeps values in the module's memory.
func OnInstance(f func(context.Context) error) {
	instanceMu.Lock()
	onInstance = append(onInstance, f)
	instanceMu.Unlock()
}

// Renew closes the current instance, if any, and starts a fresh one from
// the compiled module (the part SetUsed keeps, when set), compiling it
// first if this is its first use. Every value that pointed into the old
// instance's memory is invalid after it.
func Renew(ctx context.Context) error { return renew(ctx, part) }

// RenewWhole is Renew with the whole module.
func RenewWhole(ctx context.Context) error { return renew(ctx, whole) }

func renew(ctx context.Context, which int) (err error) {
	instanceMu.Lock()
	defer instanceMu.Unlock()
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("graphviz: start WebAssembly module: %v", r)
		}
	}()
	if wasmRuntime == nil {
		compile(context.Background(), true)
	}
	if used == nil || trace != nil {
		which = whole
	}
	cm, err := compiledModule(which)
	if err != nil {
		return err
	}
	if mod.mod != nil {
		mod.mod.Close(context.Background())
		mod.mod = nil
	}
	m, err := wasmRuntime.InstantiateModule(context.Background(), cm,
		wazero.NewModuleConfig().WithFSConfig(wazero.NewFSConfig().WithFSMount(mod.fs, "/")).WithName("wasi"))
	if err != nil {
		return err
	}
	mod.mod = m
	if !enumsBound {
		bindEnums(ctx)
		enumsBound = true
	}
	for _, f := range onInstance {
		if err := f(ctx); err != nil {
			return err
		}
	}
	return nil
}

// compiledModule compiles the part or the whole module on first use, on
// every core (wazero compiles on one by default).
func compiledModule(which int) (wazero.CompiledModule, error) {
	if cm := compiled[which]; cm != nil {
		return cm, nil
	}
	bin := wasmFile
	if which == part {
		var err error
		if bin, err = leaveOut(wasmFile, func(code int) bool { _, ok := slices.BinarySearch(used, code); return ok }); err != nil {
			return nil, err
		}
	}
	ctx := experimental.WithCompilationWorkers(context.Background(), runtime.GOMAXPROCS(0))
	if trace != nil {
		ctx = experimental.WithFunctionListenerFactory(ctx, tracer{})
	}
	cm, err := wasmRuntime.CompileModule(ctx, bin)
	if err != nil && wasmCached {
		// wazero fails a compile whose cache entry it cannot read (a
		// damaged file) or write (a read-only cache): compile again in a
		// runtime without the cache, where every module is compiled anew.
		wasmRuntime.Close(context.Background())
		mod.mod, compiled, wasmCached = nil, [2]wazero.CompiledModule{}, false
		compile(context.Background(), false)
		cm, err = wasmRuntime.CompileModule(ctx, bin)
	}
	if err != nil {
		return nil, err
	}
	imported = len(cm.ImportedFunctions())
	compiled[which] = cm
	return cm, nil
}

// tracer gives each function a listener that tells trace of its first
// call.
type tracer struct{}

func (tracer) NewFunctionListener(api.FunctionDefinition) experimental.FunctionListener {
	return &firstCall{}
}

type firstCall struct{ once sync.Once }

func (f *firstCall) Before(_ context.Context, _ api.Module, def api.FunctionDefinition, _ []uint64, _ experimental.StackIterator) {
	f.once.Do(func() { trace(int(def.Index()) - imported) })
}

func (*firstCall) After(context.Context, api.Module, api.FunctionDefinition, []uint64) {}

func (*firstCall) Abort(context.Context, api.Module, api.FunctionDefinition, error) {}

// trapMark starts the message of an error that a trap (the unreachable
// instruction) ended a call with; the stack trace's first frame, the
// function that trapped ("module.$index(types)"), follows.
const trapMark = "wasm error: unreachable\nwasm stack trace:\n\t"

// LeftOut reports whether err says a call trapped in a function SetUsed
// left out of the part: the same call in the whole module may succeed.
func LeftOut(err error) bool {
	if err == nil {
		return false
	}
	msg := err.Error()
	i := strings.Index(msg, trapMark)
	if i < 0 {
		return false
	}
	frame, _, _ := strings.Cut(msg[i+len(trapMark):], "(")
	_, index, ok := strings.Cut(frame, ".$")
	if !ok {
		return false
	}
	fn, err := strconv.Atoi(index)
	if err != nil {
		return false
	}
	instanceMu.Lock()
	defer instanceMu.Unlock()
	_, kept := slices.BinarySearch(used, fn-imported)
	return used != nil && fn >= imported && !kept
}
