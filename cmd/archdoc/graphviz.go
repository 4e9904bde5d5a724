package main

import (
	"fmt"
	"os"
	"runtime"
	"strconv"

	"github.com/archdoc/archdoc/internal/graphviz"
	"github.com/spf13/cobra"
)

// maxWorkers bounds the Graphviz worker processes (about 40 MB each):
// one process lays out one graph at a time, so layouts use one per core.
const maxWorkers = 4

// workersEnv sets how many workers to use (0 or 1: lay out in this
// process only), for machines short of memory and for measuring.
const workersEnv = "ARCHDOC_GRAPHVIZ_WORKERS"

// graphvizWorkers is how many workers to start: one per core up to
// maxWorkers, or $ARCHDOC_GRAPHVIZ_WORKERS, which must then be a count.
func graphvizWorkers() (int, error) {
	v := os.Getenv(workersEnv)
	if v == "" {
		return min(runtime.NumCPU(), maxWorkers), nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 {
		return 0, fmt.Errorf("%s=%q: want a number of worker processes (0 lays out in this process only)", workersEnv, v)
	}
	return n, nil
}

// layoutCommands lay views out, so they take --graphviz.
var layoutCommands = map[string]bool{"build": true, "diagram": true, "slides": true, "serve": true, "diff": true}

// addGraphvizFlag adds --graphviz to c and chooses the engine before c
// runs: the flag, else $ARCHDOC_GRAPHVIZ, else auto.
func addGraphvizFlag(c *cobra.Command) {
	var name string
	c.Flags().StringVar(&name, "graphviz", "", "Graphviz engine: wasm (bundled; the same drawings on every machine), native (the installed dot) or auto (bundled, and the installed dot for a graph the bundled one cannot finish in time); default $"+graphviz.EnvEngine+" or auto")
	next := c.PreRunE
	c.PreRunE = func(cmd *cobra.Command, args []string) error {
		tuneGC()
		e, err := graphviz.EngineFromEnv()
		if cmd.Flags().Changed("graphviz") {
			if e, err = graphviz.ParseEngine(name); err != nil {
				return &usageError{cmd: cmd.CommandPath(), err: err}
			}
		}
		if err == nil {
			err = graphviz.Use(e)
		}
		if err == nil {
			var n int
			if n, err = graphvizWorkers(); err == nil {
				graphviz.UseSelfAsWorkers(n)
			}
		}
		if err != nil || next == nil {
			return err
		}
		return next(cmd, args)
	}
}
