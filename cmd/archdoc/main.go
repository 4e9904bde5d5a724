// Command archdoc turns one architecture.yaml into diagrams, a static site
// for newcomers and a slide deck. This package only parses flags, calls
// the packages that do the work and prints; main is the one place that
// turns errors into exit statuses.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/archdoc/archdoc/internal/graphviz"
	"github.com/archdoc/archdoc/model"
)

// Exit statuses: 0 ok, 1 the model or other input is wrong, 2 the command
// line is wrong.
const (
	exitOK    = 0
	exitInput = 1
	exitUsage = 2
)

func main() {
	if graphviz.IsWorker() {
		os.Exit(graphviz.ServeWorker(os.Stdin, os.Stdout))
	}
	os.Exit(run(context.Background(), os.Args[1:], os.Stdout, os.Stderr))
}

// run executes one command line and returns the process exit status.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	defer graphviz.Close() // waits for the workers, so their time counts
	root := newRootCmd()
	root.SetArgs(args)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return exitOK
	}
	return report(stderr, err)
}

// report prints err for a person and returns the exit status it means.
func report(stderr io.Writer, err error) int {
	var (
		usage    *usageError
		reported *reportedError
		errs     model.Errors
	)
	switch {
	case errors.As(err, &reported):
		return reported.code
	case errors.As(err, &usage):
		fmt.Fprintf(stderr, "archdoc: %v\n", usage.err)
		if usage.cmd != "" {
			fmt.Fprintf(stderr, "Run '%s --help' for usage.\n", usage.cmd)
		}
		return exitUsage
	case errors.As(err, &errs):
		for _, e := range errs {
			fmt.Fprintln(stderr, e)
		}
		return exitInput
	case errors.Is(err, context.Canceled): // Ctrl-C (see untilInterrupted)
		fmt.Fprintln(stderr, "archdoc: interrupted")
		return exitInput
	}
	fmt.Fprintf(stderr, "archdoc: %v\n", err)
	return exitInput
}

// usageError is a mistake on the command line (unknown command or flag,
// wrong number of arguments, bad flag value): exit status 2.
type usageError struct {
	cmd string // command path for the "Run ... --help" hint
	err error
}

func (e *usageError) Error() string { return e.err.Error() }
func (e *usageError) Unwrap() error { return e.err }

func usageErrorf(cmdPath, format string, args ...any) error {
	return &usageError{cmd: cmdPath, err: fmt.Errorf(format, args...)}
}

// reportedError says the command has already told the user what went
// wrong (e.g. validate --format json printed the problems) and only the
// exit status is left to set.
type reportedError struct{ code int }

func (e *reportedError) Error() string { return fmt.Sprintf("exit status %d", e.code) }
