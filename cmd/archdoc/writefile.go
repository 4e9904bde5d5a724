package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// outFile is one output file with its content.
type outFile struct {
	path string
	data []byte
}

// writeFileAtomic replaces path with data so that readers see either the
// old file or the whole new one, never a part.
func writeFileAtomic(path string, data []byte) error {
	return writeFilesAtomic([]outFile{{path, data}})
}

// writeFilesAtomic writes all files or none: every file is first written
// in full to a temporary file beside it, and only when all of them are
// there are they renamed into place. A folder in the way, a file where a
// folder should be or a full disk thus leaves every old file as it was,
// instead of half the diagrams new and half old. Errors name the user's
// path, not our temporary file.
func writeFilesAtomic(files []outFile) (err error) {
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
		made = append(made, missingDirs(filepath.Dir(f.path))...)
		tmp, err := stageFile(f.path, f.data)
		if err != nil {
			return fmt.Errorf("cannot write %s: %w", f.path, unwrapPath(err))
		}
		staged = append(staged, tmp)
	}
	for i, f := range files {
		if err := os.Rename(staged[i], f.path); err != nil {
			return fmt.Errorf("cannot write %s: %w", f.path, unwrapPath(err))
		}
	}
	return nil
}

// missingDirs lists the folders MkdirAll(dir) would create, outermost
// first.
func missingDirs(dir string) []string {
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

// unwrapPath drops the operation and path of an *fs.PathError, for
// messages that already name the path the user gave.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
