// Package rendertest gives the renderers' tests the same inputs: the
// hand-built scenes under render/svg/testdata/scenes and every view of
// the repository's two example models, laid out once per test binary.
package rendertest

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/archdoc/archdoc/model"
	"github.com/archdoc/archdoc/render"
	"github.com/archdoc/archdoc/render/scene"
)

// repoRoot is found from this file, so tests in any package can use it.
func repoRoot() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "..")
}

// Examples are the repository's example models, by short name.
var Examples = map[string]string{
	"cashback": "architecture.yaml",
	"shop":     "examples/shop/architecture.yaml",
}

// HandBuilt reads the hand-built scenes, by file name without .json.
func HandBuilt(t testing.TB) map[string]*scene.Scene {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(repoRoot(), "render", "svg", "testdata", "scenes", "*.json"))
	if len(files) == 0 {
		t.Fatal("no scenes in render/svg/testdata/scenes")
	}
	out := map[string]*scene.Scene{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var s scene.Scene
		if err := json.Unmarshal(data, &s); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		out[strings.TrimSuffix(filepath.Base(f), ".json")] = &s
	}
	return out
}

// HandBuiltList is HandBuilt in file-name order.
func HandBuiltList(t testing.TB) []*scene.Scene {
	m := HandBuilt(t)
	names := make([]string, 0, len(m))
	for n := range m {
		names = append(names, n)
	}
	sort.Strings(names)
	out := make([]*scene.Scene, len(names))
	for i, n := range names {
		out[i] = m[n]
	}
	return out
}

var (
	exampleOnce   sync.Once
	exampleScenes map[string][]*scene.Scene
	exampleErr    error
)

// ExampleScenes lays out every view of every example once per test binary
// (layout runs Graphviz in WebAssembly, which takes a moment).
func ExampleScenes(t testing.TB) map[string][]*scene.Scene {
	t.Helper()
	exampleOnce.Do(func() {
		exampleScenes = map[string][]*scene.Scene{}
		for name, path := range Examples {
			m, err := model.Load(filepath.Join(repoRoot(), path))
			if err != nil {
				exampleErr = err
				return
			}
			ss, err := render.Scenes(context.Background(), m)
			if err != nil {
				exampleErr = err
				return
			}
			exampleScenes[name] = ss
		}
	})
	if exampleErr != nil {
		t.Fatal(exampleErr)
	}
	return exampleScenes
}

// GoldenName is where a view's golden file lives; view ids like
// "domain/data" become sub-folders, as in `archdoc diagram`'s output.
func GoldenName(example, viewID, ext string) string {
	return filepath.Join("testdata", example, filepath.FromSlash(viewID)+"."+ext+".golden")
}
