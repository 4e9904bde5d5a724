//go:build unix

package inputfile

import "syscall"

// nonBlocking makes open(2) return at once on a named pipe with no writer
// instead of waiting for one; regular files ignore it.
const nonBlocking = syscall.O_NONBLOCK
