package site

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/archdoc/archdoc/internal/outpath"
)

// markerFile marks a folder as an archdoc site, so that a build never
// replaces a folder it did not write (say, `-o .` by mistake). It lists
// the files the build wrote: the next build removes only those.
const markerFile = outpath.SiteMarker

// markerHeader starts the marker; the manifest follows a blank line.
const markerHeader = "This folder is written by archdoc build. The next build replaces the\n" +
	"files listed below and keeps every other file (CNAME, .nojekyll, ...).\n"

// newSite is a site being written into a fresh folder next to outDir,
// which finish swaps in: the old site is renamed away, the new one
// renamed in, the old one removed. Files in outDir the last build did
// not write are carried over. Until the swap, outDir is untouched; if
// anything fails before it, the new folder is removed and outDir is
// exactly as it was.
type newSite struct {
	outDir, parent, base, tmp string
	made                      []string // the parents of outDir startSite created, outermost first

	mu      sync.Mutex
	names   map[string]bool // slash-separated, as put
	folders map[string]bool // made in tmp
	dirs    map[string]bool // the folders of names, made by hasFolder once every file is put
	err     error           // the first failed put
}

// startSite checks that outDir may be replaced and makes the new folder.
func startSite(outDir string) (*newSite, error) {
	s := &newSite{outDir: filepath.Clean(outDir), names: map[string]bool{}, folders: map[string]bool{}}
	if err := checkReplaceable(s.outDir); err != nil {
		return nil, err
	}
	s.parent, s.base = filepath.Split(s.outDir)
	if s.parent == "" {
		s.parent = "."
	}
	// The new folder is made before the pages render, so a build that
	// fails must also remove the parents it made (abort).
	made := outpath.MissingDirs(s.parent)
	if err := os.MkdirAll(s.parent, 0o755); err != nil {
		return nil, s.failed(err)
	}
	s.made = made
	unlock := lockFolder(s.parent)
	removeLeftovers(s.outDir)
	tmp, err := os.MkdirTemp(s.parent, tempPattern(s.base, "new"))
	unlock()
	if err != nil {
		s.abort()
		return nil, s.failed(err)
	}
	s.tmp = tmp
	return s, nil
}

// put writes one file of the site; the first failure is kept for finish.
func (s *newSite) put(name string, data []byte) {
	path := filepath.Join(s.tmp, filepath.FromSlash(name))
	dir := filepath.Dir(path)
	s.mu.Lock()
	s.names[name] = true
	var err error
	if !s.folders[dir] {
		err = os.MkdirAll(dir, 0o755)
		s.folders[dir] = err == nil
	}
	s.mu.Unlock()
	if err == nil {
		err = os.WriteFile(path, data, 0o644)
	}
	if err != nil {
		s.mu.Lock()
		s.err = cmp.Or(s.err, err)
		s.mu.Unlock()
	}
}

func (s *newSite) has(name string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.names[name]
}

// hasFolder reports whether the new site has a folder at name (a file
// under it).
func (s *newSite) hasFolder(name string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.dirs == nil {
		s.dirs = map[string]bool{}
		for n := range s.names {
			for d := path.Dir(n); d != "." && !s.dirs[d]; d = path.Dir(d) {
				s.dirs[d] = true
			}
		}
	}
	return s.dirs[name]
}

func (s *newSite) len() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.names)
}

// abort removes the new folder, and the parents startSite made if
// nothing else is in them.
func (s *newSite) abort() {
	if s.tmp != "" {
		os.RemoveAll(s.tmp)
	}
	for i := len(s.made) - 1; i >= 0; i-- {
		if os.Remove(s.made[i]) != nil { // only if still empty
			break
		}
	}
}

// finish carries over the files of outDir the last build did not write
// (returned as kept), writes the marker and swaps the new site in.
func (s *newSite) finish() (kept []string, err error) {
	defer func() {
		if err != nil {
			s.abort()
		}
	}()
	if s.err != nil {
		return nil, s.failed(s.err)
	}
	// Another build into outDir may be finishing too: each reads outDir
	// and swaps it whole, never between the other's two renames (where
	// outDir is missing and its CNAME would not be carried over).
	unlock := lockFolder(s.parent)
	defer unlock()
	kept, err = foreignFiles(s.outDir, s.has, s.hasFolder)
	if err != nil {
		return nil, err
	}
	for _, k := range kept {
		if err := carryOver(filepath.Join(s.outDir, filepath.FromSlash(k)), filepath.Join(s.tmp, filepath.FromSlash(k))); err != nil {
			return nil, s.failed(err)
		}
	}
	if err := os.WriteFile(filepath.Join(s.tmp, markerFile), []byte(marker(slices.Sorted(maps.Keys(s.names)))), 0o644); err != nil {
		return nil, s.failed(err)
	}
	if err := os.Chmod(s.tmp, 0o755); err != nil {
		return nil, s.failed(err)
	}
	if err := swap(s.tmp, s.outDir, s.parent, s.base); err != nil {
		return nil, s.failed(err)
	}
	return kept, nil
}

// failed words a write error for the user: it names the folder the user
// gave, not our temporary one, and a file in it by its place in outDir.
func (s *newSite) failed(err error) error {
	var pe *fs.PathError
	var le *os.LinkError
	tmp := filepath.Clean(s.tmp) // MkdirTemp(".") gives "./.public.new-..."; paths joined to it lose the "./"
	switch {
	case errors.As(err, &pe) && filepath.Dir(pe.Path) == filepath.Dir(s.outDir):
		err = outpath.UnwrapPath(err)
	case errors.As(err, &pe) && s.tmp != "" && strings.HasPrefix(filepath.Clean(pe.Path), tmp+string(filepath.Separator)):
		pe.Path = filepath.Join(s.outDir, strings.TrimPrefix(filepath.Clean(pe.Path), tmp))
	case errors.As(err, &le) && s.tmp != "" && filepath.Clean(le.Old) == tmp:
		err = le.Err
	}
	return fmt.Errorf("cannot write the site to %s: %w", s.outDir, err)
}

// writeSite writes files (a site rendered in memory) as a newSite.
func writeSite(outDir string, files map[string][]byte) (kept []string, err error) {
	s, err := startSite(outDir)
	if err != nil {
		return nil, err
	}
	names := slices.Sorted(maps.Keys(files))
	forEach(writers, len(names), func(i int) { s.put(names[i], files[names[i]]) })
	return s.finish()
}

// CheckOutDir refuses an output folder that Build would refuse to
// replace: anything but an archdoc site, an empty folder or a path that
// does not exist yet. Build checks it too; a command calls it to fail
// before laying out any view.
func CheckOutDir(outDir string) error { return checkReplaceable(filepath.Clean(outDir)) }

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

// foreignFiles lists the files in outDir the last build did not write
// (by its manifest), which the new site keeps. A site written before
// manifests existed counts the files the new build writes as its own.
// A foreign file where the new site has a file or a folder of its own,
// or under a path the new site has as a file, is refused: replacing it
// would lose it.
func foreignFiles(outDir string, isNew, isNewFolder func(name string) bool) ([]string, error) {
	data, err := os.ReadFile(filepath.Join(outDir, markerFile))
	if err != nil {
		return nil, nil // a new or empty folder
	}
	ours, hasManifest := parseManifest(string(data))
	var kept, clash []string
	err = filepath.WalkDir(outDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(outDir, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		switch {
		case rel == markerFile || ours[rel]:
		case !hasManifest && isNew(rel):
		case isNew(rel) || isNewFolder(rel) || underNewFile(rel, isNew):
			clash = append(clash, rel)
		default:
			kept = append(kept, rel)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("cannot read the site in %s: %w", outDir, err)
	}
	if len(clash) > 0 {
		return nil, fmt.Errorf("%s holds %s, which archdoc did not write but the new site would replace; move it away",
			outDir, strings.Join(clash, ", "))
	}
	return kept, nil
}

// underNewFile reports whether a folder rel is in is a file of the new
// site ("a.html/notes.txt" when the site has a page a.html).
func underNewFile(rel string, isNew func(name string) bool) bool {
	for d := path.Dir(rel); d != "."; d = path.Dir(d) {
		if isNew(d) {
			return true
		}
	}
	return false
}

// parseManifest reads the file list after the marker's blank line.
func parseManifest(marker string) (map[string]bool, bool) {
	_, list, ok := strings.Cut(marker, "\n\n")
	if !ok {
		return nil, false
	}
	ours := map[string]bool{}
	for _, line := range strings.Split(list, "\n") {
		if line != "" {
			ours[line] = true
		}
	}
	return ours, true
}

// carryOver puts a kept file into the new site: a hard link when it can,
// else a copy (a symlink stays a symlink).
func carryOver(from, to string) error {
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		return err
	}
	fi, err := os.Lstat(from)
	if err != nil {
		return err
	}
	if fi.Mode()&fs.ModeSymlink != 0 {
		target, err := os.Readlink(from)
		if err != nil {
			return err
		}
		return os.Symlink(target, to)
	}
	if os.Link(from, to) == nil {
		return nil
	}
	data, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	return os.WriteFile(to, data, fi.Mode().Perm())
}

// writeEach writes files into dir, their folders first, then the files
// several at a time (a thousand-module site has 4,000 of them).
func writeEach(dir string, files map[string][]byte) error {
	names := slices.Sorted(maps.Keys(files))
	folders := map[string]bool{}
	for _, n := range names {
		folders[filepath.Dir(filepath.Join(dir, filepath.FromSlash(n)))] = true
	}
	for f := range folders {
		if err := os.MkdirAll(f, 0o755); err != nil {
			return err
		}
	}
	errs := make([]error, len(names))
	forEach(writers, len(names), func(i int) {
		errs[i] = os.WriteFile(filepath.Join(dir, filepath.FromSlash(names[i])), files[names[i]], 0o644)
	})
	for _, err := range errs {
		if err != nil {
			return err // the first in name order, as a serial write would stop at
		}
	}
	return nil
}

// writers is how many files are written at once: writing is mostly
// waiting for the kernel, so more than the cores.
const writers = 8

// updateSite makes the site in dir, written from old, hold files instead:
// it writes the files that are new or changed, removes those that are
// gone (and the folders they leave empty), and rewrites the marker when
// the list changed. Serve uses it; its folder is its own, so nothing
// else is in it.
func updateSite(dir string, old, files map[string][]byte) error {
	changed := map[string][]byte{}
	for name, data := range files {
		if prev, ok := old[name]; !ok || !bytes.Equal(prev, data) {
			changed[name] = data
		}
	}
	var gone []string
	for name := range old {
		if _, ok := files[name]; !ok {
			gone = append(gone, name)
		}
	}
	if err := writeEach(dir, changed); err != nil {
		return err
	}
	sort.Strings(gone)
	for _, name := range gone {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		for d := filepath.Dir(p); d != dir && os.Remove(d) == nil; d = filepath.Dir(d) {
		}
	}
	if len(gone) == 0 && len(files) == len(old) {
		return nil
	}
	return os.WriteFile(filepath.Join(dir, markerFile), []byte(marker(slices.Sorted(maps.Keys(files)))), 0o644)
}

// marker is the marker file listing names (sorted).
func marker(names []string) string {
	return markerHeader + "\n" + strings.Join(names, "\n") + "\n"
}

// swap moves tmp to outDir, keeping the old outDir until the new one is in.
func swap(tmp, outDir, parent, base string) error {
	if _, err := os.Stat(outDir); errors.Is(err, os.ErrNotExist) {
		return os.Rename(tmp, outDir)
	}
	old, err := os.MkdirTemp(parent, tempPattern(base, "old"))
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
