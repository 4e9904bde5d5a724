package site

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
)

// markerFile marks a folder as an archdoc site, so that a build never
// replaces a folder it did not write (say, `-o .` by mistake).
const markerFile = ".archdoc-site"

// writeSite writes files into a new folder next to outDir and swaps it in:
// the old site is renamed away, the new one renamed in, the old one
// removed. Until the swap, outDir is untouched; if anything fails before
// it, the new folder is removed and outDir is exactly as it was.
func writeSite(outDir string, files map[string][]byte) error {
	outDir = filepath.Clean(outDir)
	if err := checkReplaceable(outDir); err != nil {
		return err
	}
	if err := replaceSite(outDir, files); err != nil {
		// Name the folder the user gave, not our temporary one.
		var pe *fs.PathError
		if errors.As(err, &pe) && filepath.Dir(pe.Path) == filepath.Dir(outDir) {
			err = pe.Err
		}
		return fmt.Errorf("cannot write the site to %s: %w", outDir, err)
	}
	return nil
}

func replaceSite(outDir string, files map[string][]byte) (err error) {
	parent, base := filepath.Split(outDir)
	if parent == "" {
		parent = "."
	}
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(parent, "."+base+".new-")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			os.RemoveAll(tmp)
		}
	}()
	if err := writeFiles(tmp, files); err != nil {
		return err
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		return err
	}
	return swap(tmp, outDir, parent, base)
}

// checkReplaceable refuses to replace anything but an archdoc site or an
// empty folder.
func checkReplaceable(outDir string) error {
	fi, err := os.Stat(outDir)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("cannot write the site to %s: %w", outDir, err)
	}
	if !fi.IsDir() {
		return fmt.Errorf("%s exists and is not a folder", outDir)
	}
	if _, err := os.Stat(filepath.Join(outDir, markerFile)); err == nil {
		return nil
	}
	entries, err := os.ReadDir(outDir)
	if err != nil {
		return err
	}
	if len(entries) > 0 {
		return fmt.Errorf("%s is not empty and was not written by archdoc (no %s file); choose another output folder or remove it", outDir, markerFile)
	}
	return nil
}

func writeFiles(dir string, files map[string][]byte) error {
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		p := filepath.Join(dir, filepath.FromSlash(n))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, files[n], 0o644); err != nil {
			return err
		}
	}
	return os.WriteFile(filepath.Join(dir, markerFile), []byte("This folder is written by archdoc build and replaced on every build.\n"), 0o644)
}

// swap moves tmp to outDir, keeping the old outDir until the new one is in.
func swap(tmp, outDir, parent, base string) error {
	if _, err := os.Stat(outDir); errors.Is(err, os.ErrNotExist) {
		return os.Rename(tmp, outDir)
	}
	old, err := os.MkdirTemp(parent, "."+base+".old-")
	if err != nil {
		return err
	}
	os.Remove(old) // only its unique name is wanted
	if err := os.Rename(outDir, old); err != nil {
		return err
	}
	if err := os.Rename(tmp, outDir); err != nil {
		if rerr := os.Rename(old, outDir); rerr != nil {
			return fmt.Errorf("%v; and the old site could not be put back, it is in %s: %v", err, old, rerr)
		}
		return err
	}
	return os.RemoveAll(old)
}
