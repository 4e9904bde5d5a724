package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/archdoc/archdoc/internal/graphviz"
	"github.com/rogpeppe/go-internal/testscript"
)

var update = flag.Bool("update", false, "rewrite the expected output in testdata/script/*.txtar")

// TestMain lets the test binary double as the archdoc command, so the
// scripts run the real main (flags, exit statuses, stdout and stderr).
func TestMain(m *testing.M) {
	if graphviz.IsWorker() {
		os.Exit(graphviz.ServeWorker(os.Stdin, os.Stdout))
	}
	// Tests compare layouts made by different commands: each lays its
	// own out, unless a test turns the cache on (layout_cache.txtar).
	if _, set := os.LookupEnv(layoutCacheEnv); !set {
		os.Setenv(layoutCacheEnv, "off")
	}
	os.Exit(testscript.RunMain(m, map[string]func() int{
		"archdoc": func() int {
			return run(context.Background(), os.Args[1:], os.Stdout, os.Stderr)
		},
	}))
}

// TestScripts runs testdata/script/*.txtar. Each reads like a terminal
// session; $ROOT is the repository, for copying the shipped examples in.
func TestScripts(t *testing.T) {
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir:           "testdata/script",
		UpdateScripts: *update,
		Setup: func(env *testscript.Env) error {
			env.Setenv("ROOT", root)
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"exits":  cmdExits,
			"mkfifo": cmdMkfifo,
			"cmpdir": cmdCmpdir,
		},
		Condition: func(cond string) (bool, error) {
			if cond == "namedpipes" {
				return haveNamedPipes, nil
			}
			return false, fmt.Errorf("unknown condition %q", cond)
		},
	})
}

// cmdExits runs a command and checks its exact exit status, which plain
// `! cmd` cannot: `exits 2 archdoc validate --bogus`. Its stdout and
// stderr can be checked afterwards as usual.
func cmdExits(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: exits STATUS command [args...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("exits: bad status %q", args[0])
	}
	got := 0
	if err := ts.Exec(args[1], args[2:]...); err != nil {
		var exitErr *exec.ExitError
		if !errors.As(err, &exitErr) {
			ts.Fatalf("exits: %v", err)
		}
		got = exitErr.ExitCode()
	}
	if got != want {
		ts.Fatalf("exit status %d, want %d", got, want)
	}
}
