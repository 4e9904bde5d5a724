// Package rendertest gives the renderers' tests the same inputs: the
// hand-built scenes under render/svg/testdata/scenes and every view of
// the repository's two example models, laid out once per test binary;
// the loops that run a check or a benchmark over them; and (browser.go)
// the headless-Chromium harness that feeds golden files to the real
// JavaScript libraries that will read them.
package rendertest

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"io"
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

// Examples are the repository's example models, by short name, and
// "kinds", a fixture with one module of each kind and owned stores, so
// every renderer's goldens show every kind's shape.
var Examples = map[string]string{
	"cashback": "architecture.yaml",
	"shop":     "examples/shop/architecture.yaml",
	"kinds":    "render/testdata/kinds/architecture.yaml",
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

// HandBuiltGoldenName is where a hand-built scene's golden file lives.
func HandBuiltGoldenName(name, ext string) string {
	return filepath.Join("testdata", "handbuilt", name+"."+ext+".golden")
}

// EachHandBuilt runs check as a subtest per hand-built scene, named after
// the scene's file.
func EachHandBuilt(t *testing.T, check func(t *testing.T, name string, s *scene.Scene)) {
	t.Helper()
	for name, s := range HandBuilt(t) {
		t.Run(name, func(t *testing.T) { check(t, name, s) })
	}
}

// EachExampleView runs check as a subtest "<example>/<view id>" for every
// view of every example.
func EachExampleView(t *testing.T, check func(t *testing.T, example string, s *scene.Scene)) {
	t.Helper()
	for name, scenes := range ExampleScenes(t) {
		for _, s := range scenes {
			t.Run(name+"/"+s.ID, func(t *testing.T) { check(t, name, s) })
		}
	}
}

// BenchmarkExamples times draw over the views of each example in turn
// (layout is done once, before timing).
func BenchmarkExamples(b *testing.B, draw func(w io.Writer, views []*scene.Scene) error) {
	all := ExampleScenes(b)
	b.ResetTimer()
	for b.Loop() {
		for _, views := range all {
			if err := draw(io.Discard, views); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkViews times draw on every view of both examples, one view at
// a time, as renderers that write one file per view are used.
func BenchmarkViews(b *testing.B, draw func(w io.Writer, s *scene.Scene) error) {
	BenchmarkExamples(b, func(w io.Writer, views []*scene.Scene) error {
		for _, s := range views {
			if err := draw(w, s); err != nil {
				return err
			}
		}
		return nil
	})
}

// HostileText holds every kind of character XML 1.0 cannot carry (C0
// controls, U+FFFE, U+FFFF, invalid UTF-8 and an encoded surrogate) beside
// characters it can but that need escaping or care (C1, a bidi override,
// markup, tab, CR, LF). The model refuses such text, but a scene can be
// built by hand (importers, other programs): renderers must still write
// well-formed XML.
const HostileText = "a\x00b\x07c\x1b[31m\x7f\u0085\u202e\ufffe\uffff\xff\xed\xa0\x80<&>\"'\t\r\nz"

// Hostile is a small scene whose every text, id and name is HostileText
// (ids made unique with a suffix).
func Hostile() *scene.Scene {
	h := HostileText
	return &scene.Scene{
		ID: "view/" + h, Title: h, Kind: scene.KindGraph, Width: 400, Height: 300, FontSize: 14,
		Groups: []string{h + "g"},
		Clusters: []scene.Cluster{{ID: h + "c", Kind: "domain", Label: []string{h}, Link: h + "c", Tooltip: h,
			Group: h + "g", Rect: scene.Rect{X: 10, Y: 10, W: 380, H: 200}, LabelPos: scene.Point{X: 20, Y: 20}}},
		Nodes: []scene.Node{
			{ID: h + "1", Kind: "module", Shape: scene.ShapeBox, Label: []string{h, h}, NameLines: 1, Sub: h, Tooltip: h,
				Link: h + "1", Group: h + "g", Parent: h + "c", Rect: scene.Rect{X: 30, Y: 50, W: 120, H: 60}},
			{ID: h + "2", Kind: "actor", Shape: scene.ShapeActor, Label: []string{h}, Tooltip: h, Link: h + "2",
				Rect: scene.Rect{X: 250, Y: 220, W: 80, H: 70}},
		},
		Edges: []scene.Edge{{ID: h + "e", Kind: "flow", From: h + "1", To: h + "2", Label: []string{h},
			Path:  []scene.Point{{X: 90, Y: 110}, {X: 90, Y: 180}, {X: 290, Y: 180}, {X: 290, Y: 220}},
			Arrow: true, LabelRect: scene.Rect{X: 150, Y: 170, W: 80, H: 20}}},
		Warnings: []string{h},
	}
}

// CheckXML fails t unless data is well-formed XML 1.0: encoding/xml
// (strict) reads every token, refusing characters outside XML's Char
// production, whether raw or as character references.
func CheckXML(t testing.TB, name string, data []byte) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	for {
		_, err := d.Token()
		if err == io.EOF {
			return
		}
		if err != nil {
			line, _ := d.InputPos()
			t.Errorf("%s: not well-formed XML 1.0 at line %d: %v", name, line, err)
			return
		}
	}
}
