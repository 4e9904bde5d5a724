package model

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/archdoc/archdoc/internal/inputfile"
)

// MaxFileSize is the largest model file (main or included) we read:
// real models are a few hundred kilobytes; anything bigger is a mistake
// or an attack and is refused before parsing.
const MaxFileSize = 10 << 20

// mainOnly are the top-level fields only the main file may set; included
// files contribute lists.
var mainOnly = map[string]bool{
	"name": true, "summary": true, "language": true, "version": true,
	"settings": true, "presentation": true, "business": true,
}

// Load reads the model at path, its includes, validates it and builds the
// index. Files are read only inside path's folder. Model problems come
// back as Errors (sorted, positioned); the partially loaded model is
// returned with them when the files could be decoded at all.
func Load(path string) (m *Model, err error) {
	dir := filepath.Dir(path)
	m = &Model{File: path, Dir: dir}
	root, rerr := os.OpenRoot(dir)
	if rerr != nil {
		return nil, Errors{{Pos: Pos{File: path}, Msg: mainFileProblem(rerr)}}
	}
	defer root.Close()
	l := &loader{m: m, root: root, dir: dir, loaded: map[string]Pos{}}
	return l.run(func() { l.loadFile(filepath.Base(path), Pos{}, "", true) })
}

// LoadReader is Load for a model read from r, such as standard input,
// named name in errors ("<stdin>"). Its includes and docs are resolved
// and read only inside dir, as if the model were a file there.
func LoadReader(name string, r io.Reader, dir string) (m *Model, err error) {
	m = &Model{File: name, Dir: dir}
	root, rerr := os.OpenRoot(dir)
	if rerr != nil {
		return nil, Errors{{Pos: Pos{File: name}, Msg: "cannot read the folder for includes and docs: " + inputfile.Problem(rerr)}}
	}
	defer root.Close()
	data, rerr := readAtMost(r, MaxFileSize)
	if rerr != nil {
		return nil, Errors{{Pos: Pos{File: name}, Msg: mainFileProblem(rerr)}}
	}
	l := &loader{m: m, root: root, dir: dir, loaded: map[string]Pos{}}
	m.files = []string{name}
	return l.run(func() { l.loadData(name, data, true) })
}

// Files lists the model files Load read: the main file first, then the
// included ones in the order they were included, each named as in errors
// (relative to the working directory the main path was given in). Tools
// that watch the model for changes watch these.
func (m *Model) Files() []string { return append([]string(nil), m.files...) }

// Parse decodes and validates one model file given as bytes, named name
// in errors. Includes are not followed and docs are not looked up on disk.
func Parse(name string, data []byte) (*Model, error) {
	m := &Model{File: name, Dir: filepath.Dir(name), files: []string{name}}
	l := &loader{m: m, dir: filepath.Dir(name), loaded: map[string]Pos{}}
	return l.run(func() { l.loadData(name, data, true) })
}

// loader holds the state of one Load or Parse.
type loader struct {
	m      *Model
	root   *os.Root // nil for Parse: no disk access
	dir    string   // folder of the main file as the user gave it
	errs   Errors
	fatal  bool           // the main file could not be decoded: nothing to check
	broken bool           // an include could not be read: references may dangle
	stack  []string       // files being loaded, for include cycles
	loaded map[string]Pos // files loaded, with where they were included
}

// run performs load, then validates, turning any panic into an error
// as a last resort: bad input must never crash the tool.
func (l *loader) run(load func()) (m *Model, err error) {
	defer func() {
		if r := recover(); r != nil {
			m, err = nil, Errors{{Pos: Pos{File: l.m.File}, Msg: fmt.Sprintf("internal error while loading the model: %v", r)}}
		}
	}()
	load()
	if l.fatal {
		l.m.BuildIndex() // validate builds it otherwise, between its checks
	} else {
		l.errs = append(l.errs, validate(l.m, l.root, !l.broken)...)
	}
	if len(l.errs) > 0 {
		for _, e := range l.errs {
			if !e.written {
				e.Path = l.m.SourcePath(e.Path)
			}
		}
		return l.m, capErrors(l.errs.Sort())
	}
	return l.m, nil
}

// MaxErrors is how many problems Load reports at most: beyond that the
// input is not a model being edited (a generated or hostile file) and a
// flood of lines helps nobody.
const MaxErrors = 1000

func capErrors(errs Errors) Errors {
	if len(errs) <= MaxErrors {
		return errs
	}
	last := errs[MaxErrors-1]
	more := &Error{Pos: last.Pos, Msg: fmt.Sprintf("too many problems: %d more not shown; fix these first", len(errs)-MaxErrors)}
	return append(errs[:MaxErrors:MaxErrors], more)
}

// errorAt reports a file that could not be loaded.
func (l *loader) errorAt(pos Pos, path, format string, args ...any) {
	l.broken = true
	l.errs = append(l.errs, &Error{Pos: pos, Path: path, Msg: fmt.Sprintf(format, args...)})
}

// display turns a path inside the model's folder into the name the user
// knows it by (relative to their working directory).
func (l *loader) display(rel string) string {
	return filepath.Join(l.dir, rel)
}

// loadFile reads rel (relative to the model's folder) through the root.
// from/fromPath say where it was included ("" for the main file).
func (l *loader) loadFile(rel string, from Pos, fromPath string, isMain bool) {
	name := l.display(rel)
	if isMain {
		name = l.m.File
		from = Pos{File: name}
	}
	data, err := readInRoot(l.root, rel)
	if err != nil {
		l.broken = true
		l.fatal = l.fatal || isMain
		if isMain {
			l.errorAt(from, "", "%s", mainFileProblem(err))
		} else {
			l.errorAt(from, fromPath, "%s", fileProblem(rel, err))
		}
		return
	}
	l.stack = append(l.stack, rel)
	defer func() { l.stack = l.stack[:len(l.stack)-1] }()
	l.loaded[rel] = from
	l.m.files = append(l.m.files, name)
	l.loadData(name, data, isMain)
}

// loadData decodes one file's bytes into the model and follows its includes.
func (l *loader) loadData(name string, data []byte, isMain bool) {
	top, errs := parseYAML(name, data)
	if errs != nil {
		l.broken = true
		l.fatal = l.fatal || isMain
		l.errs = append(l.errs, errs...)
		return
	}
	if top == nil {
		if isMain {
			l.fatal = true
			l.errorAt(Pos{File: name, Line: 1, Col: 1}, "", "empty model: expected a mapping with at least name")
		}
		return
	}
	d := newDecoder(l.m)
	d.file = name
	d.src = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")) // as parseYAML read it
	firstInclude := len(l.m.Include)
	if isMain {
		d.decode(top, reflect.ValueOf(l.m).Elem(), "", 0)
	} else {
		d.decodeIncluded(top, l.m)
	}
	l.errs = append(l.errs, d.errs...)
	if d.aborted {
		l.fatal = true // hostile input: stop here
		return
	}
	// Nested includes append to m.Include while we go: take this file's only.
	lastInclude := len(l.m.Include)
	for i := firstInclude; i < lastInclude; i++ {
		l.include(name, i)
	}
}

// include follows include[i], written in the file shown as name.
func (l *loader) include(name string, i int) {
	path := fmt.Sprintf("include[%d]", i)
	pos := l.m.Pos(path)
	inc := l.m.Include[i]
	if inc == "" {
		return // the decoder reported the empty value
	}
	current := "." // Parse: the file has no place on disk
	if len(l.stack) > 0 {
		current = l.stack[len(l.stack)-1]
	}
	rel := filepath.Join(filepath.Dir(current), filepath.FromSlash(inc))
	switch {
	case filepath.IsAbs(inc) || strings.HasPrefix(inc, "/"):
		l.errorAt(pos, path, "%q is an absolute path: include files must be inside the model's folder", inc)
		return
	case !filepath.IsLocal(rel):
		l.errorAt(pos, path, "%q is outside the model's folder", inc)
		return
	}
	if l.root == nil {
		// Parse reads nothing from disk: elements of the include are
		// missing, so references to them cannot be checked.
		l.broken = true
		return
	}
	for j, s := range l.stack {
		if s == rel {
			chain := append(append([]string{}, l.stack[j:]...), rel)
			for k := range chain {
				chain[k] = filepath.ToSlash(l.display(chain[k]))
			}
			l.errorAt(pos, path, "include cycle: %s", strings.Join(chain, " -> "))
			return
		}
	}
	if first, dup := l.loaded[rel]; dup {
		l.errorAt(pos, path, "%q is already included at %s", inc, first)
		return
	}
	l.loadFile(rel, pos, path, false)
}

// decodeIncluded decodes an included file's top level: lists only.
func (d *decoder) decodeIncluded(top *yaml.Node, m *Model) {
	if top.Kind != yaml.MappingNode {
		d.errorf(top, "", "expected a mapping at the top of an included file, got %s", describe(top))
		return
	}
	info := structInfoOf(reflect.TypeOf(*m))
	v := reflect.ValueOf(m).Elem()
	for _, kv := range d.pairs(top, "", 0) {
		name := kv.key.Value
		i, ok := info.field(name)
		switch {
		case !ok:
			d.errorf(kv.key, name, "unknown field %q%s", name, didYouMean(name, info.names))
		case mainOnly[name]:
			d.errorf(kv.key, name, "only the main model file may set %q; included files add lists", name)
		default:
			d.decode(kv.value, v.Field(info.fields[i].index), name, 1)
		}
	}
}

// readInRoot reads a file inside root, refusing anything that is not a
// regular file (a named pipe would block for ever) and anything over
// MaxFileSize before reading it whole.
func readInRoot(root *os.Root, rel string) ([]byte, error) {
	f, err := inputfile.OpenIn(root, rel)
	if inputfile.IsDir(err) {
		return nil, errIsDir
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if st.Size() > MaxFileSize {
		return nil, tooBig(st.Size())
	}
	return readAtMost(f, MaxFileSize)
}

// readAtMost reads r whole unless it holds more than max bytes.
func readAtMost(r io.Reader, max int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > max {
		return nil, tooBig(int64(len(data)))
	}
	return data, nil
}

var errIsDir = errors.New("is a folder, not a file")

type sizeError struct{ size int64 }

func (e sizeError) Error() string {
	return fmt.Sprintf("file is %s, larger than the %s limit for a model file", megabytes(e.size), megabytes(MaxFileSize))
}

func tooBig(n int64) error { return sizeError{n} }

func megabytes(n int64) string {
	if n%(1<<20) == 0 {
		return fmt.Sprintf("%d MB", n>>20)
	}
	return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
}

// fileProblem explains why rel could not be read, without the os.Root
// jargon ("path escapes from parent").
func fileProblem(rel string, err error) string {
	shown := filepath.ToSlash(rel)
	var se sizeError
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Sprintf("file %q not found", shown)
	case strings.Contains(err.Error(), "escapes from parent"):
		return fmt.Sprintf("file %q is outside the model's folder (through a symbolic link?)", shown)
	case errors.Is(err, errIsDir):
		return fmt.Sprintf("%q %v", shown, err)
	case errors.As(err, &se):
		return fmt.Sprintf("%q: %v", shown, err)
	case errors.Is(err, inputfile.ErrNotRegular):
		return fmt.Sprintf("%q: %s", shown, inputfile.Problem(err))
	}
	return fmt.Sprintf("cannot read %q: %s", shown, inputfile.Problem(err))
}

// mainFileProblem explains why the main model file could not be read;
// the error line already names the file.
func mainFileProblem(err error) string {
	var se sizeError
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "file not found"
	case errors.Is(err, errIsDir), errors.As(err, &se):
		return err.Error()
	case strings.Contains(err.Error(), "escapes from parent"):
		return "the model file is a symbolic link out of its folder; name the real file instead"
	case errors.Is(err, inputfile.ErrNotRegular):
		return inputfile.Problem(err)
	}
	return "cannot read the model: " + inputfile.Problem(err)
}
