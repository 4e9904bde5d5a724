// Package outpath is the one place that decides whether a command may
// write a path, and writes it atomically. Every command that writes files
// (export, slides, diagram, build, init, import) goes through it, so none
// can replace the model, an include, a doc or an image it read.
package outpath

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// SiteMarker marks a folder written by `archdoc build`. It also holds the
// manifest of the files that build wrote (see package site).
const SiteMarker = ".archdoc-site"

// Inputs are the files a command read. Writing over one of them, or
// replacing a folder that holds one, would lose the user's work.
type Inputs struct {
	list []input
}

type input struct {
	path string // as the user knows it
	what string // "the model", "an include", ...
	abs  string
	info fs.FileInfo // nil when it could not be read
}

// Add records paths as inputs of the given kind ("the model", "a doc").
// Paths that do not exist (standard input) are kept by name only.
func (in *Inputs) Add(what string, paths ...string) {
	for _, p := range paths {
		abs, err := filepath.Abs(p)
		if err != nil {
			continue
		}
		if real, err := filepath.EvalSymlinks(abs); err == nil {
			abs = real
		}
		info, _ := os.Stat(p)
		in.list = append(in.list, input{path: filepath.ToSlash(p), what: what, abs: abs, info: info})
	}
}

// Paths lists the inputs as they were added.
func (in *Inputs) Paths() []string {
	out := make([]string, len(in.list))
	for i, x := range in.list {
		out[i] = filepath.FromSlash(x.path)
	}
	return out
}

// CheckFile refuses out when it is one of the inputs: the same name, or
// the same file by another name (a symlink, a hard link, another case).
func (in *Inputs) CheckFile(out string) error {
	if in == nil {
		return nil
	}
	abs := absReal(out)
	info, _ := os.Stat(out)
	for _, i := range in.list {
		same := abs == i.abs
		if !same && info != nil && i.info != nil {
			same = os.SameFile(info, i.info)
		}
		if same {
			return fmt.Errorf("refusing to write %s: it is %s archdoc read (%s); choose another output",
				filepath.ToSlash(out), i.what, i.path)
		}
	}
	return nil
}

// CheckDir refuses a folder that would be replaced as a whole when it
// holds one of the inputs.
func (in *Inputs) CheckDir(dir string) error {
	if in == nil {
		return nil
	}
	abs := absReal(dir)
	for _, i := range in.list {
		if within(abs, i.abs) {
			return fmt.Errorf("refusing to write into %s: it holds %s, %s archdoc read; choose another output folder",
				filepath.ToSlash(dir), i.path, i.what)
		}
	}
	return nil
}

// CheckNotSite refuses to write into a folder that `archdoc build` owns:
// the next build would not keep a model written there in step with it.
func CheckNotSite(dir string) error {
	if _, err := os.Lstat(filepath.Join(dir, SiteMarker)); err == nil {
		return fmt.Errorf("%s is a site folder written by archdoc build (it has %s); choose another folder",
			filepath.ToSlash(dir), SiteMarker)
	}
	return nil
}

// within reports whether path is dir or lies inside it.
func within(dir, path string) bool {
	rel, err := filepath.Rel(dir, path)
	if err != nil {
		return false
	}
	return rel == "." || (rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)))
}

// absReal is path made absolute with the symlinks of its longest existing
// prefix resolved, so that a folder not created yet compares correctly.
func absReal(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return path
	}
	rest := ""
	for d := abs; ; d = filepath.Dir(d) {
		if real, err := filepath.EvalSymlinks(d); err == nil {
			return filepath.Join(real, rest)
		}
		if filepath.Dir(d) == d {
			return abs
		}
		rest = filepath.Join(filepath.Base(d), rest)
	}
}

// File is one output file with its content.
type File struct {
	Path string
	Data []byte
}

// WriteAtomic checks every file against in, then writes all files or
// none: each is first written in full to a temporary file beside it, and
// only when all are there are they renamed into place. A folder in the
// way, a file where a folder should be or a full disk thus leaves every
// old file as it was. Errors name the user's path, not a temporary file.
func WriteAtomic(in *Inputs, files ...File) (err error) {
	for _, f := range files {
		if err := in.CheckFile(f.Path); err != nil {
			return err
		}
	}
	staged := make([]string, 0, len(files))
	var made []string // folders this call created, removed again on failure
	defer func() {
		if err != nil {
			for _, tmp := range staged {
				os.Remove(tmp)
			}
			for i := len(made) - 1; i >= 0; i-- {
				os.Remove(made[i]) // only if still empty
			}
		}
	}()
	for _, f := range files {
		made = append(made, MissingDirs(filepath.Dir(f.Path))...)
		tmp, err := stageFile(f.Path, f.Data)
		if err != nil {
			return fmt.Errorf("cannot write %s: %w", f.Path, UnwrapPath(err))
		}
		staged = append(staged, tmp)
	}
	for i, f := range files {
		if err := os.Rename(staged[i], f.Path); err != nil {
			return fmt.Errorf("cannot write %s: %w", f.Path, UnwrapPath(err))
		}
	}
	return nil
}

// WriteNew creates path with data, failing with fs.ErrExist if it exists
// (O_EXCL closes the race between a check and the write).
func WriteNew(in *Inputs, path string, data []byte) error {
	if err := in.CheckFile(path); err != nil {
		return err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(path)
		return err
	}
	if err := f.Close(); err != nil {
		os.Remove(path)
		return err
	}
	return nil
}

// MissingDirs lists the folders MkdirAll(dir) would create, outermost
// first: a writer that fails removes them again, innermost first.
func MissingDirs(dir string) []string {
	var out []string
	for d := filepath.Clean(dir); ; d = filepath.Dir(d) {
		if _, err := os.Lstat(d); err == nil || !errors.Is(err, fs.ErrNotExist) {
			break
		}
		out = append([]string{d}, out...)
		if filepath.Dir(d) == d {
			break
		}
	}
	return out
}

// stageFile writes data to a new temporary file in path's folder and
// returns its name.
func stageFile(path string, data []byte) (name string, err error) {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return "", errors.New("it is a folder")
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return "", err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return "", err
	}
	if err = tmp.Chmod(0o644); err != nil {
		return "", err
	}
	if err = tmp.Close(); err != nil {
		return "", err
	}
	return tmp.Name(), nil
}

// UnwrapPath drops the operation and path of an *fs.PathError, for
// messages that already name the path the user gave.
func UnwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
