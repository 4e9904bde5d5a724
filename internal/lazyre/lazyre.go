// Package lazyre compiles a regular expression the first time it is used.
//
// Every package linked into archdoc initialises its variables when the
// program starts, whatever the command; a regexp compiled there is paid
// for by `archdoc version` too. A package-level regexp is declared with
// New instead, and compiled by the first call.
package lazyre

import (
	"regexp"
	"sync"
)

// New returns a function that compiles expr on its first call and returns
// the same *regexp.Regexp on every call. Like regexp.MustCompile, it
// panics if expr does not compile: a programming error, caught by the
// tests of the code that uses it.
func New(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}
