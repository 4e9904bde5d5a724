// Package inputfile opens files a user named (a model, an include, a doc,
// an image, a font, a file to import) for reading, refusing anything that
// is not a regular file before reading from it. A named pipe blocks in
// open(2) until something writes to it and a device such as /dev/zero or
// a terminal may never end, so "archdoc validate -f some.fifo" would hang
// instead of saying what is wrong.
//
// Every layer that reads user paths goes through Open or OpenIn; each
// words the errors for its users (see Problem for the plain wording).
package inputfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
)

// NotRegularError says a path names something other than a regular file.
type NotRegularError struct {
	Mode fs.FileMode // the type bits of what the path names
}

// Error reads "not a regular file (a named pipe)"; callers put the path
// in front.
func (e *NotRegularError) Error() string {
	if e.Mode.IsDir() {
		return "is a folder, not a file"
	}
	return "not a regular file (" + Describe(e.Mode) + ")"
}

// ErrNotRegular matches any *NotRegularError with errors.Is.
var ErrNotRegular = errors.New("not a regular file")

// Is makes errors.Is(err, ErrNotRegular) true.
func (e *NotRegularError) Is(target error) bool { return target == ErrNotRegular }

// IsDir says whether err is a NotRegularError for a folder, which callers
// that accept folders (or word them their own way) tell apart.
func IsDir(err error) bool {
	var nr *NotRegularError
	return errors.As(err, &nr) && nr.Mode.IsDir()
}

// Describe names a file type for a person: "a named pipe", "a device".
func Describe(mode fs.FileMode) string {
	switch {
	case mode.IsRegular():
		return "a regular file"
	case mode.IsDir():
		return "a folder"
	case mode&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case mode&fs.ModeSocket != 0:
		return "a socket"
	case mode&fs.ModeDevice != 0, mode&fs.ModeCharDevice != 0:
		return "a device"
	case mode&fs.ModeSymlink != 0:
		return "a symbolic link"
	case mode&fs.ModeIrregular != 0:
		return "a special file"
	}
	return "not a file"
}

// Check returns a *NotRegularError unless info describes a regular file.
func Check(info fs.FileInfo) error {
	if info.Mode().IsRegular() {
		return nil
	}
	return &NotRegularError{Mode: info.Mode().Type()}
}

// Open opens path for reading if it is a regular file (symbolic links are
// followed). It looks before it opens, so sockets and pipes get a clear
// error, and opens without blocking, then checks the opened file again,
// so a file swapped for a pipe in between cannot hang the caller either.
// Errors are *fs.PathError as from os.Open.
func Open(path string) (*os.File, error) {
	return open(path, os.Stat, func() (*os.File, error) { return os.OpenFile(path, os.O_RDONLY|nonBlocking, 0) })
}

// OpenIn is Open for a path inside root: nothing outside root is read.
func OpenIn(root *os.Root, name string) (*os.File, error) {
	return open(name, root.Stat, func() (*os.File, error) { return root.OpenFile(name, os.O_RDONLY|nonBlocking, 0) })
}

func open(name string, stat func(string) (fs.FileInfo, error), openFile func() (*os.File, error)) (*os.File, error) {
	info, err := stat(name)
	if err != nil {
		return nil, err
	}
	if err := Check(info); err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	f, err := openFile()
	if err != nil {
		return nil, err
	}
	info, err = f.Stat()
	if err == nil {
		err = Check(info)
	}
	if err != nil {
		f.Close()
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	return f, nil
}

// Problem words an error from Open (or os.Stat, os.ReadDir) for a person,
// without the path and without Go's "open"/"stat" prefixes: "no such
// file", "permission denied", "not a regular file (a named pipe)". The
// caller puts the path in front, as in "missing.drawio: no such file".
func Problem(err error) string {
	var nr *NotRegularError
	switch {
	case errors.As(err, &nr):
		return nr.Error()
	case errors.Is(err, fs.ErrNotExist):
		return "no such file"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		if pe.Err.Error() == "path escapes from parent" {
			return "the path leads outside the folder it must stay in"
		}
		return pe.Err.Error()
	}
	return err.Error()
}

// Errorf prefixes Problem(err) with a path: "missing.drawio: no such file".
func Errorf(path string, err error) error {
	return &wordedError{msg: fmt.Sprintf("%s: %s", path, Problem(err)), err: err}
}

// wordedError keeps the original error for errors.Is while printing the
// plain wording.
type wordedError struct {
	msg string
	err error
}

func (e *wordedError) Error() string { return e.msg }
func (e *wordedError) Unwrap() error { return e.err }
