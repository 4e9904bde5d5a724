// Package scenecache keeps laid-out scenes on disk between runs, so that
// building a model again lays out only the views that changed: Graphviz
// is most of a build's time (about 40 of 42 s for a generated 300-module
// model), and a CI job that restores the cache folder rebuilds in seconds.
//
// A cache lives in a folder per archdoc binary and Graphviz engine (its
// namespace): a scene depends on the code that laid it out, so another
// build of archdoc never reads it. Opening one removes the folders of all
// but the few most recently used namespaces.
package scenecache

import (
	"bytes"
	"encoding/gob"
	"encoding/hex"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"time"

	"github.com/archdoc/archdoc/render/scene"
)

// keep is how many namespaces (binaries) stay on disk: the one in use
// and a couple of earlier ones, for switching between two checkouts.
const keep = 3

// maxEntries bounds one namespace: serve saves a scene for every edit,
// and a folder that grew past this is emptied (about 100 MB).
const maxEntries = 20000

// tempPrefix starts the name of a file being saved.
const tempPrefix = "save-"

// Cache is a folder of scenes, one file per key. Safe for concurrent use
// by goroutines and by processes: files are written whole and renamed.
type Cache struct{ dir string }

// Open returns the cache of namespace in root (made if need be), after
// removing the namespaces not used recently.
func Open(root, namespace string) (*Cache, error) {
	dir := filepath.Join(root, namespace)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	now := time.Now()
	_ = os.Chtimes(dir, now, now) // marks it used, for prune
	prune(root)
	entries, err := os.ReadDir(dir)
	if err == nil && len(entries) > maxEntries {
		_ = os.RemoveAll(dir)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, err
		}
		entries = nil
	}
	removeAbandoned(dir, entries, now)
	return &Cache{dir: dir}, nil
}

// removeAbandoned removes the temporary files of saves that a killed
// process left, once they are older than any save takes.
func removeAbandoned(dir string, entries []os.DirEntry, now time.Time) {
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), tempPrefix) {
			continue
		}
		if info, err := e.Info(); err == nil && now.Sub(info.ModTime()) > time.Hour {
			_ = os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}

// prune removes all but the keep most recently used namespace folders.
func prune(root string) {
	entries, err := os.ReadDir(root)
	if err != nil {
		return
	}
	type folder struct {
		name string
		used time.Time
	}
	var folders []folder
	for _, e := range entries {
		if info, err := e.Info(); err == nil && e.IsDir() {
			folders = append(folders, folder{e.Name(), info.ModTime()})
		}
	}
	slices.SortFunc(folders, func(a, b folder) int { return b.used.Compare(a.used) })
	for _, f := range folders[min(keep, len(folders)):] {
		_ = os.RemoveAll(filepath.Join(root, f.name))
	}
}

func (c *Cache) path(key [32]byte) string {
	return filepath.Join(c.dir, hex.EncodeToString(key[:])+".gob")
}

// Load returns the scene saved under key; a missing or unreadable file is
// a miss.
func (c *Cache) Load(key [32]byte) (*scene.Scene, bool) {
	var s scene.Scene
	if !c.load(key, &s) {
		return nil, false
	}
	return &s, true
}

// LoadList returns the list of scenes saved under key, as Load does.
func (c *Cache) LoadList(key [32]byte) ([]*scene.Scene, bool) {
	var list []*scene.Scene
	return list, c.load(key, &list)
}

func (c *Cache) load(key [32]byte, v any) bool {
	data, err := os.ReadFile(c.path(key))
	return err == nil && gob.NewDecoder(bytes.NewReader(data)).Decode(v) == nil
}

// Save writes s under key. Failures are ignored: the scene is laid out
// again next time. A scene holding a negative zero is not kept: gob
// reads it back as +0, which a renderer may print differently ("-0").
func (c *Cache) Save(key [32]byte, s *scene.Scene) { c.save(key, s) }

// SaveList writes list under key, as Save does.
func (c *Cache) SaveList(key [32]byte, list []*scene.Scene) { c.save(key, list) }

func (c *Cache) save(key [32]byte, v any) {
	if negativeZero(reflect.ValueOf(v)) {
		return
	}
	var buf bytes.Buffer
	if gob.NewEncoder(&buf).Encode(v) != nil {
		return
	}
	tmp, err := os.CreateTemp(c.dir, tempPrefix+"*")
	if err != nil {
		return
	}
	_, werr := tmp.Write(buf.Bytes())
	cerr := tmp.Close()
	if werr != nil || cerr != nil || os.Rename(tmp.Name(), c.path(key)) != nil {
		_ = os.Remove(tmp.Name())
	}
}

// negativeZero reports whether any float64 in v is -0.
func negativeZero(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Float64:
		return v.Float() == 0 && math.Signbit(v.Float())
	case reflect.Pointer:
		return !v.IsNil() && negativeZero(v.Elem())
	case reflect.Slice, reflect.Array:
		if v.Kind() == reflect.Slice && v.Type().Elem().Kind() == reflect.Uint8 {
			return false // icon bytes
		}
		for i := range v.Len() {
			if negativeZero(v.Index(i)) {
				return true
			}
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if negativeZero(v.Field(i)) {
				return true
			}
		}
	}
	return false
}
