package site

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"

	"github.com/archdoc/archdoc/model"
)

// TestFailedBuildLeavesNoNewFolders: an output folder whose parents do
// not exist yet gets them only from a build that succeeds. Since pages
// are written as they are made, the new folder is made before rendering;
// a build failing after that removes the parents it made too.
func TestFailedBuildLeavesNoNewFolders(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "a", "b", "public")
	failingDeck := WithLateFile("slides.html", func() ([]byte, error) { return nil, errors.New("deck exploded") })
	if _, err := Build(context.Background(), shopModel(), out, noScenes, failingDeck); err == nil || !strings.Contains(err.Error(), "deck exploded") {
		t.Fatalf("Build with a failing late file: %v", err)
	}
	if entries, _ := os.ReadDir(parent); len(entries) != 0 {
		t.Errorf("a failed build left %s/%s", parent, entries[0].Name())
	}
	// A parent that existed before the build stays.
	os.Mkdir(filepath.Join(parent, "a"), 0o755)
	if _, err := Build(context.Background(), shopModel(), out, noScenes, failingDeck); err == nil {
		t.Fatal("Build with a failing late file succeeded")
	}
	if entries, _ := os.ReadDir(filepath.Join(parent, "a")); len(entries) != 0 {
		t.Errorf("a failed build left a/%s", entries[0].Name())
	}
	if _, err := os.Stat(filepath.Join(parent, "a")); err != nil {
		t.Errorf("a folder the user made was removed: %v", err)
	}
	// A build that succeeds makes them.
	if _, err := Build(context.Background(), shopModel(), out, noScenes); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(out, "index.html")); err != nil {
		t.Fatal(err)
	}
}

// TestConcurrentBuildsKeepForeignFiles: builds into the same folder at
// the same time each see the folder whole (never between another
// build's two renames), so none drops the CNAME it should carry over,
// and none fails on the other's rename.
func TestConcurrentBuildsKeepForeignFiles(t *testing.T) {
	parent, out := shopSite(t)
	cname := filepath.Join(out, "CNAME")
	os.WriteFile(cname, []byte("docs.example.com\n"), 0o644)
	rounds := 40
	if testing.Short() {
		rounds = 10
	}
	for round := range rounds {
		var wg sync.WaitGroup
		errs := make([]error, 3)
		for i := range errs {
			wg.Go(func() { _, errs[i] = Build(context.Background(), shopModel(), out, noScenes) })
		}
		wg.Wait()
		for _, err := range errs {
			if err != nil {
				t.Fatalf("round %d: %v", round, err)
			}
		}
		if data, err := os.ReadFile(cname); err != nil || string(data) != "docs.example.com\n" {
			t.Fatalf("round %d: CNAME lost: %q, %v", round, data, err)
		}
	}
	onlyPublicIn(t, parent)
}

// TestWriteErrorNamesTheOutputFolder: a file that cannot be written is
// named by its path under the folder the user gave, never under the
// temporary folder the build works in.
func TestWriteErrorNamesTheOutputFolder(t *testing.T) {
	dir := filepath.Join("p", "public")
	s := &newSite{outDir: dir, tmp: filepath.Join("p", ".public.new-p1-2")}
	for _, c := range []struct {
		err  error
		want string
	}{
		{&fs.PathError{Op: "open", Path: filepath.Join(s.tmp, "diagrams", "a.svg"), Err: syscall.EFBIG},
			"cannot write the site to " + dir + ": open " + filepath.Join(dir, "diagrams", "a.svg") + ": " + syscall.EFBIG.Error()},
		{&fs.PathError{Op: "write", Path: filepath.Join(s.tmp, "slides.html"), Err: syscall.ENOSPC},
			"cannot write the site to " + dir + ": write " + filepath.Join(dir, "slides.html") + ": " + syscall.ENOSPC.Error()},
		{&fs.PathError{Op: "mkdir", Path: s.tmp, Err: syscall.EACCES},
			"cannot write the site to " + dir + ": " + syscall.EACCES.Error()},
	} {
		if got := s.failed(c.err).Error(); got != c.want {
			t.Errorf("failed(%v) = %q, want %q", c.err, got, c.want)
		}
	}
	// -o public: the new folder is "./.public.new-...", the paths in it
	// have no "./".
	s = &newSite{outDir: "public", tmp: "." + string(filepath.Separator) + ".public.new-p1-2"}
	err := &fs.PathError{Op: "write", Path: filepath.Join(s.tmp, "slides.html"), Err: syscall.EFBIG}
	if got, want := s.failed(err).Error(), "cannot write the site to public: write "+filepath.Join("public", "slides.html")+": "+syscall.EFBIG.Error(); got != want {
		t.Errorf("failed(%v) = %q, want %q", err, got, want)
	}
	// A rename of the new folder into place names the user's folder only.
	lerr := &os.LinkError{Op: "rename", Old: s.tmp, New: "public", Err: syscall.ENOTDIR}
	if got, want := s.failed(lerr).Error(), "cannot write the site to public: "+syscall.ENOTDIR.Error(); got != want {
		t.Errorf("failed(%v) = %q, want %q", lerr, got, want)
	}
}

// TestForeignFileInTheWayOfAFolder: a file of the user's where the new
// site needs a folder (a doc added to the model: docs/), or under a
// path the new site has as a page, is refused by name like a file at a
// page's path, and the old site stays as it was. A file of the user's
// inside a folder of the site is kept.
func TestForeignFileInTheWayOfAFolder(t *testing.T) {
	dir, out := shopSite(t)
	os.WriteFile(filepath.Join(out, "docs"), []byte("mine"), 0o644)
	os.MkdirAll(filepath.Join(out, "module", "payments.html"), 0o755)
	os.WriteFile(filepath.Join(out, "module", "payments.html", "notes.txt"), []byte("mine"), 0o644)
	os.WriteFile(filepath.Join(out, "module", "readme.txt"), []byte("mine"), 0o644)
	before := snapshot(t, out)

	os.MkdirAll(filepath.Join(dir, "model", "guide"), 0o755)
	os.WriteFile(filepath.Join(dir, "model", "guide", "intro.md"), []byte("# Intro\n"), 0o644)
	m := shopModel()
	m.File, m.Dir = filepath.Join(dir, "model", "architecture.yaml"), filepath.Join(dir, "model")
	m.Docs = []model.Doc{{ID: "intro", Path: "guide/intro.md"}}
	m.Domains[0].Modules = append(m.Domains[0].Modules, model.Module{ID: "payments", Name: "Payments"})
	m.BuildIndex()
	_, err := Build(context.Background(), m, out, noScenes)
	want := out + " holds docs, module/payments.html/notes.txt, which archdoc did not write but the new site would replace; move it away"
	if err == nil || err.Error() != want {
		t.Fatalf("err = %v\nwant %s", err, want)
	}
	sameTree(t, before, snapshot(t, out))

	os.Remove(filepath.Join(out, "docs"))
	os.RemoveAll(filepath.Join(out, "module", "payments.html"))
	rep, err := Build(context.Background(), m, out, noScenes)
	if err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(filepath.Join(out, "module", "readme.txt")); string(data) != "mine" || !slices.Equal(rep.Kept, []string{"module/readme.txt"}) {
		t.Errorf("module/readme.txt holds %q, kept %q; want it kept", data, rep.Kept)
	}
}
