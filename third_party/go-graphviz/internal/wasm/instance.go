package wasm

// This file is the fork's: the module is compiled once, lazily, and every
// Renew gives a fresh instance of the compiled code (see ../../README.md).

import (
	"context"
	"fmt"
	"sync"

	"github.com/tetratelabs/wazero"
)

var (
	instanceMu   sync.Mutex
	cacheParent  string // folder holding the "go-graphviz" compilation cache
	wasmRuntime  wazero.Runtime
	wasmCompiled wazero.CompiledModule
	enumsBound   bool
	onInstance   []func(context.Context) error
)

// SetCacheDir sets the folder (which must exist) the compilation cache
// goes in; "" means os.TempDir(), as upstream. It has effect only before
// the first use.
func SetCacheDir(dir string) {
	instanceMu.Lock()
	cacheParent = dir
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
// the compiled module, compiling it first if this is the first use. Every
// value that pointed into the old instance's memory is invalid after it.
func Renew(ctx context.Context) (err error) {
	instanceMu.Lock()
	defer instanceMu.Unlock()
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("graphviz: start WebAssembly module: %v", r)
		}
	}()
	if wasmRuntime == nil {
		compile(context.Background())
	}
	if mod.mod != nil {
		mod.mod.Close(context.Background())
		mod.mod = nil
	}
	m, err := wasmRuntime.InstantiateModule(context.Background(), wasmCompiled,
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
