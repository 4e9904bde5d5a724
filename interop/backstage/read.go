package backstage

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/archdoc/archdoc/internal/inputfile"
	"github.com/archdoc/archdoc/interop/internal/words"
)

// MaxTotalSize bounds the bytes one import reads over all its files,
// Location targets included: the YAML parser needs many times the input
// in memory, so a folder of huge files is refused before it is read.
const MaxTotalSize = 32 << 20

// reader collects descriptor files: those named, the *.yaml/*.yml files
// under named folders, and the targets of their Location entities.
type reader struct {
	files []File
	read  map[string]bool // cleaned paths already taken
	total int64
	notes []string
}

func (r *reader) note(format string, args ...any) {
	r.notes = append(r.notes, fmt.Sprintf(format, args...))
}

// Read reads the catalog at paths (files and folders) and follows the
// Location entities in it: spec.target and spec.targets, relative files
// and globs inside the folder the catalog was given in (a file's own
// folder), never outside it and never a URL. It returns the files and
// what it skipped, for the summary. Total size is bounded.
func Read(paths []string) ([]File, []string, error) {
	r := &reader{read: map[string]bool{}}
	var roots []string
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil {
			return nil, nil, inputfile.Errorf(p, err)
		}
		if !fi.IsDir() {
			if err := r.add(p, fi.Size()); err != nil {
				return nil, nil, err
			}
			roots = append(roots, filepath.Dir(p))
			continue
		}
		found, err := r.walk(p, nil)
		if err != nil {
			return nil, nil, err
		}
		if len(found) == 0 {
			return nil, nil, fmt.Errorf("%s: no .yaml or .yml files", p)
		}
		for _, f := range found {
			if err := r.add(f.path, f.size); err != nil {
				return nil, nil, err
			}
			roots = append(roots, p)
		}
	}
	// Files appended while following are followed in turn; root[i] is
	// the folder files[i] may reach.
	for i := 0; i < len(r.files); i++ {
		if err := r.follow(r.files[i], roots[i], &roots); err != nil {
			return nil, nil, err
		}
	}
	return r.files, r.notes, nil
}

type found struct {
	path string
	size int64
}

// walk lists the descriptor files under dir (those match accepts when
// match is set), sorted; symbolic links are reported and not followed.
func (r *reader) walk(dir string, match func(string) bool) ([]found, error) {
	var out []found
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return inputfile.Errorf(path, err)
		}
		yml := strings.HasSuffix(path, ".yaml") || strings.HasSuffix(path, ".yml")
		switch {
		case d.IsDir():
			return nil
		case match != nil && !match(path):
			return nil
		case d.Type()&fs.ModeSymlink != 0 && (yml || match != nil):
			r.note("%s: a symbolic link; skipped (catalog files are read where they are)", filepath.ToSlash(path))
		case d.Type().IsRegular() && (yml || match != nil):
			fi, err := d.Info()
			if err != nil {
				return inputfile.Errorf(path, err)
			}
			out = append(out, found{path, fi.Size()})
		}
		return nil
	})
	sort.Slice(out, func(i, j int) bool { return out[i].path < out[j].path })
	return out, err
}

// add reads one file unless it was read already or the total would pass
// MaxTotalSize (checked on the size before reading).
func (r *reader) add(path string, size int64) error {
	key := filepath.Clean(path)
	if r.read[key] {
		return nil
	}
	if size > MaxFileSize {
		return fmt.Errorf("%s: larger than the %s limit for a catalog file", path, words.Size(MaxFileSize))
	}
	if r.total+size > MaxTotalSize {
		return fmt.Errorf("%s: the catalog files come to more than the %s an import reads; import fewer files or folders",
			path, words.Size(MaxTotalSize))
	}
	f, err := inputfile.Open(path)
	if err != nil {
		return inputfile.Errorf(path, err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return inputfile.Errorf(path, err)
	}
	if len(data) > MaxFileSize {
		return fmt.Errorf("%s: larger than the %s limit for a catalog file", path, words.Size(MaxFileSize))
	}
	r.read[key] = true
	r.total += int64(len(data))
	r.files = append(r.files, File{Name: filepath.ToSlash(path), Data: data})
	return nil
}

// follow reads the targets of f's Location entities.
func (r *reader) follow(f File, root string, roots *[]string) error {
	es, err := parseFile(f, func(string, ...any) {})
	if err != nil {
		return nil // Import reports it with its position
	}
	for _, e := range es {
		if e.Kind != "Location" {
			continue
		}
		for _, t := range locationTargets(e) {
			before := len(r.files)
			if err := r.target(e, f.Name, t, root); err != nil {
				return err
			}
			for i := before; i < len(r.files); i++ {
				*roots = append(*roots, root)
			}
		}
	}
	return nil
}

// locTarget is one spec.target or spec.targets item and its line.
type locTarget struct {
	value string
	line  int
}

// locationTargets lists a Location's spec.target and spec.targets.
func locationTargets(e *entity) []locTarget {
	var out []locTarget
	if n := e.Spec["target"]; scalar(n) != "" {
		out = append(out, locTarget{scalar(n), n.Line})
	}
	if n := e.Spec["targets"]; n != nil {
		items := n.Content
		if n.Kind == yaml.ScalarNode {
			items = []*yaml.Node{n}
		}
		for _, c := range items {
			if v := scalar(c); v != "" {
				out = append(out, locTarget{v, c.Line})
			}
		}
	}
	return out
}

// target reads the files one Location target names.
func (r *reader) target(e *entity, from string, lt locTarget, root string) error {
	t := lt.value
	at := fmt.Sprintf("%s:%d: Location %s: target %q", e.file, lt.line, e.Name, t)
	// A relative target of a "url" Location is relative to the
	// Location's own address: in a repository, a file beside it.
	if strings.Contains(t, "://") {
		r.note("%s is a URL; not fetched (import the files it names)", at)
		return nil
	}
	pattern := filepath.Clean(filepath.Join(filepath.Dir(filepath.FromSlash(from)), filepath.FromSlash(t)))
	if filepath.IsAbs(filepath.FromSlash(t)) || !inside(root, pattern) {
		r.note("%s is outside %s; skipped", at, filepath.ToSlash(root))
		return nil
	}
	if !strings.ContainsAny(t, "*?[") {
		fi, err := os.Lstat(pattern)
		switch {
		case err != nil:
			r.note("%s: %s not found; skipped", at, filepath.ToSlash(pattern))
		case fi.Mode()&fs.ModeSymlink != 0:
			r.note("%s is a symbolic link; skipped (catalog files are read where they are)", at)
		case !fi.Mode().IsRegular():
			r.note("%s is not a file; skipped", at)
		default:
			return r.add(pattern, fi.Size())
		}
		return nil
	}
	base, re := globRegexp(pattern)
	if !inside(root, base) {
		r.note("%s is outside %s; skipped", at, filepath.ToSlash(root))
		return nil
	}
	if _, err := os.Stat(base); err != nil {
		r.note("%s matches no file; skipped", at)
		return nil
	}
	matches, err := r.walk(base, func(p string) bool { return re.MatchString(filepath.ToSlash(p)) })
	if err != nil {
		return err
	}
	if len(matches) == 0 {
		r.note("%s matches no file; skipped", at)
	}
	for _, f := range matches {
		if err := r.add(f.path, f.size); err != nil {
			return err
		}
	}
	return nil
}

// inside reports whether p is root or lies under it.
func inside(root, p string) bool {
	rel, err := filepath.Rel(filepath.Clean(root), p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// globRegexp turns a Backstage glob ("./services/**/catalog-info.yaml")
// into the folder to walk (the part before the first wildcard) and a
// regexp over slash paths: ** crosses folders, * and ? do not.
func globRegexp(pattern string) (string, *regexp.Regexp) {
	slash := filepath.ToSlash(pattern)
	wild := strings.IndexAny(slash, "*?[")
	base := "."
	if i := strings.LastIndex(slash[:wild], "/"); i >= 0 {
		base = slash[:i]
		if base == "" {
			base = "/"
		}
	}
	var b strings.Builder
	b.WriteString("^")
	for i := 0; i < len(slash); i++ {
		switch c := slash[i]; {
		case strings.HasPrefix(slash[i:], "**/"):
			b.WriteString("(?:.*/)?")
			i += 2
		case strings.HasPrefix(slash[i:], "**"):
			b.WriteString(".*")
			i++
		case c == '*':
			b.WriteString("[^/]*")
		case c == '?':
			b.WriteString("[^/]")
		default:
			b.WriteString(regexp.QuoteMeta(string(c)))
		}
	}
	b.WriteString("$")
	// Walked paths are joined from base as filepath.WalkDir gives them.
	return filepath.FromSlash(base), regexp.MustCompile(b.String())
}
