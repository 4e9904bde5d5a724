//go:build !unix

package main

import "github.com/rogpeppe/go-internal/testscript"

// haveNamedPipes is the scripts' [namedpipes] condition: Unix named pipes
// do not exist here.
const haveNamedPipes = false

func cmdMkfifo(ts *testscript.TestScript, neg bool, args []string) {
	ts.Fatalf("mkfifo: no named pipes on this system; guard the script with [!namedpipes] skip")
}
