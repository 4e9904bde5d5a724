package scenecache

import (
	"math"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/archdoc/archdoc/render/scene"
)

func TestSaveLoad(t *testing.T) {
	c, err := Open(t.TempDir(), "ns")
	if err != nil {
		t.Fatal(err)
	}
	key := [32]byte{1, 2, 3}
	if _, ok := c.Load(key); ok {
		t.Fatal("empty cache: Load found a scene")
	}
	want := &scene.Scene{ID: "business", Width: 120.5, Height: -0.25, FontSize: 14,
		Nodes:    []scene.Node{{ID: "a", Label: []string{"用户中心"}, Text: "用户中心", Details: []string{"登录"}, Rect: scene.Rect{X: 1, Y: 2, W: 3, H: 4}, Icon: &scene.Icon{Title: "Redis", Path: "M0 0"}}},
		Edges:    []scene.Edge{{ID: "f1", From: "a", To: "a", Path: []scene.Point{{X: 1, Y: 1}}, Async: true}},
		Warnings: []string{"w"}, Fallbacks: scene.Fallbacks{DomainLevel: true, Reason: &scene.Reason{Why: scene.WhyTooLarge, Value: 3, Limit: 2}}}
	c.Save(key, want)
	got, ok := c.Load(key)
	if !ok {
		t.Fatal("Load missed the scene just saved")
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("round trip:\n got %+v\nwant %+v", got, want)
	}
	// A damaged file is a miss, not an error or a wrong scene.
	if err := os.WriteFile(c.path(key), []byte("not gob"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, ok := c.Load(key); ok {
		t.Error("a damaged file was loaded")
	}
}

// A slide's parts are one file; a scene's file read as a list, or the
// other way round, is a miss.
func TestSaveLoadList(t *testing.T) {
	c, err := Open(t.TempDir(), "ns")
	if err != nil {
		t.Fatal(err)
	}
	list := []*scene.Scene{{ID: "domain/a.part1", Width: 10}, {ID: "domain/a.part2", Nodes: []scene.Node{{ID: "m", Label: []string{"模块"}}}}}
	c.SaveList([32]byte{1}, list)
	got, ok := c.LoadList([32]byte{1})
	if !ok || !reflect.DeepEqual(got, list) {
		t.Fatalf("round trip: %v %+v, want %+v", ok, got, list)
	}
	c.Save([32]byte{2}, list[0])
	if _, ok := c.LoadList([32]byte{2}); ok {
		t.Error("a scene's file was read as a list")
	}
	if _, ok := c.Load([32]byte{1}); ok {
		t.Error("a list's file was read as a scene")
	}
	c.SaveList([32]byte{3}, []*scene.Scene{{ID: "x", Width: math.Copysign(0, -1)}})
	if _, ok := c.LoadList([32]byte{3}); ok {
		t.Error("a list holding -0 was kept")
	}
}

func TestOpenKeepsTheRecentNamespaces(t *testing.T) {
	root := t.TempDir()
	old := time.Now().Add(-time.Hour)
	for i, ns := range []string{"a", "b", "c", "d"} {
		if err := os.MkdirAll(filepath.Join(root, ns), 0o755); err != nil {
			t.Fatal(err)
		}
		at := old.Add(time.Duration(i) * time.Minute) // a oldest, d newest
		if err := os.Chtimes(filepath.Join(root, ns), at, at); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := Open(root, "e"); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(root)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if want := []string{"c", "d", "e"}; !reflect.DeepEqual(names, want) {
		t.Errorf("namespaces after Open = %v, want %v (the newest %d)", names, want, keep)
	}
}

// gob reads -0 back as +0; such a scene is not kept at all.
func TestNegativeZeroIsNotKept(t *testing.T) {
	c, err := Open(t.TempDir(), "ns")
	if err != nil {
		t.Fatal(err)
	}
	key := [32]byte{9}
	c.Save(key, &scene.Scene{Edges: []scene.Edge{{Path: []scene.Point{{X: math.Copysign(0, -1)}}}}})
	if _, ok := c.Load(key); ok {
		t.Error("a scene with -0 was kept")
	}
}

// A save a killed process left behind goes at the next Open, once old;
// one that may still be under way stays.
func TestOpenRemovesAbandonedSaves(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "ns")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	old, fresh := filepath.Join(dir, tempPrefix+"1"), filepath.Join(dir, tempPrefix+"2")
	for _, p := range []string{old, fresh} {
		if err := os.WriteFile(p, []byte("half"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	long := time.Now().Add(-2 * time.Hour)
	if err := os.Chtimes(old, long, long); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(root, "ns"); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(old); !os.IsNotExist(err) {
		t.Error("an abandoned save two hours old was kept")
	}
	if _, err := os.Stat(fresh); err != nil {
		t.Error("a save that may be under way was removed")
	}
}
