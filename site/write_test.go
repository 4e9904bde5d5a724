package site

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/archdoc/archdoc/model"
	"github.com/archdoc/archdoc/render/scene"
)

// snapshot reads every file under dir.
func snapshot(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func sameTree(t *testing.T, a, b map[string][]byte) {
	t.Helper()
	var names []string
	for n := range a {
		names = append(names, n)
	}
	for n := range b {
		if _, ok := a[n]; !ok {
			t.Errorf("%s only in the second tree", n)
		}
	}
	sort.Strings(names)
	for _, n := range names {
		if bb, ok := b[n]; !ok {
			t.Errorf("%s only in the first tree", n)
		} else if !bytes.Equal(a[n], bb) {
			t.Errorf("%s differs", n)
		}
	}
}

// shopSite builds the shop model's site into parent/public and returns
// both paths.
func shopSite(t *testing.T) (parent, out string) {
	t.Helper()
	parent = t.TempDir()
	out = filepath.Join(parent, "public")
	if _, err := Build(context.Background(), shopModel(), out, noScenes); err != nil {
		t.Fatal(err)
	}
	return parent, out
}

// onlyPublicIn fails t unless parent holds the site's folder alone: no
// work folder of a build is left behind.
func onlyPublicIn(t *testing.T, parent string) {
	t.Helper()
	entries, _ := os.ReadDir(parent)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if !slices.Equal(names, []string{"public"}) {
		t.Errorf("%s holds %v, want only public", parent, names)
	}
}

func TestFailedBuildLeavesOldSiteUntouched(t *testing.T) {
	parent, out := shopSite(t)
	before := snapshot(t, out)
	if len(before) < 10 {
		t.Fatalf("first build wrote only %d files", len(before))
	}

	// A doc that cannot be read: a model error with the doc's position.
	broken := shopModel()
	broken.File, broken.Dir = filepath.Join(parent, "architecture.yaml"), parent
	broken.Docs = []model.Doc{{ID: "gone", Path: "docs/gone.md"}}
	broken.SetPos("docs[0].path", model.Pos{File: "architecture.yaml", Line: 42, Col: 11})
	broken.BuildIndex()
	_, err := Build(context.Background(), broken, out, noScenes)
	var errs model.Errors
	if !errors.As(err, &errs) || len(errs) != 1 || errs[0].Error() != `architecture.yaml:42:11: docs[0].path: cannot read doc "docs/gone.md": no such file` {
		t.Fatalf("err = %v, want one positioned model error", err)
	}
	sameTree(t, before, snapshot(t, out))

	// The layout failing is just as harmless.
	failingLayout := WithScenes(func(context.Context, *model.Model) ([]*scene.Scene, error) {
		return nil, errors.New("layout exploded")
	})
	if _, err := Build(context.Background(), shopModel(), out, failingLayout); err == nil {
		t.Fatal("Build with a failing layout succeeded")
	}
	sameTree(t, before, snapshot(t, out))

	// So is a late file failing once every page is written (pages go
	// into the new folder as they are made).
	failingDeck := WithLateFile("slides.html", func() ([]byte, error) { return nil, errors.New("deck exploded") })
	if _, err := Build(context.Background(), shopModel(), out, noScenes, failingDeck); err == nil || !strings.Contains(err.Error(), "deck exploded") {
		t.Fatalf("Build with a failing late file: %v", err)
	}
	sameTree(t, before, snapshot(t, out))

	onlyPublicIn(t, parent) // no work folder is left behind
}

func TestTwoBuildsAreByteIdentical(t *testing.T) {
	m := loadExample(t)
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a"), filepath.Join(dir, "b")
	for _, out := range []string{a, b, b} { // b twice: a rebuild over a site
		rep, err := Build(context.Background(), m, out)
		if err != nil {
			t.Fatal(err)
		}
		if rep.Diagrams == 0 {
			t.Error("no diagrams drawn")
		}
	}
	sameTree(t, snapshot(t, a), snapshot(t, b))
}

func TestBuildRefusesForeignFolder(t *testing.T) {
	out := t.TempDir()
	if err := os.WriteFile(filepath.Join(out, "thesis.tex"), []byte("precious"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Build(context.Background(), shopModel(), out, noScenes)
	if err == nil || !strings.Contains(err.Error(), "not written by archdoc") {
		t.Fatalf("err = %v, want a refusal", err)
	}
	if data, _ := os.ReadFile(filepath.Join(out, "thesis.tex")); string(data) != "precious" {
		t.Error("the foreign file was touched")
	}
}

func TestExtraFile(t *testing.T) {
	files, _ := renderSite(t, shopModel(), WithExtraFile("slides.html", []byte("<p>deck</p>")))
	if string(files["slides.html"]) != "<p>deck</p>" {
		t.Error("slides.html not written as given")
	}
	mustContain(t, "index.html", string(files["index.html"]), `href="slides.html"`)
	mustContain(t, "module page", string(files["module/cart.html"]), `href="../slides.html"`)
	for _, bad := range []string{"../x.html", "/etc/x", "index.html", ".hidden", `a\b`} {
		if _, _, err := Render(context.Background(), shopModel(), noScenes, WithExtraFile(bad, nil)); err == nil {
			t.Errorf("extra file %q accepted", bad)
		}
	}
}

func TestDocsAreReadOnlyInsideTheModelFolder(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "model")
	if err := os.MkdirAll(filepath.Join(dir, "docs"), 0o755); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(parent, "secret.md"), []byte("TOP SECRET"), 0o644)
	os.WriteFile(filepath.Join(dir, "docs", "ok.md"), []byte("# Fine\n\nhello"), 0o644)
	if err := os.Symlink(filepath.Join(parent, "secret.md"), filepath.Join(dir, "docs", "link.md")); err != nil {
		t.Skip("no symlinks here:", err)
	}
	m := shopModel()
	m.File, m.Dir = filepath.Join(dir, "architecture.yaml"), dir
	m.Docs = []model.Doc{{ID: "ok", Path: "docs/ok.md"}, {ID: "up", Path: "../secret.md"}, {ID: "link", Path: "docs/link.md"}, {ID: "abs", Path: filepath.Join(parent, "secret.md")}}
	m.BuildIndex()
	files, _, err := Render(context.Background(), m, noScenes)
	var errs model.Errors
	if !errors.As(err, &errs) || len(errs) != 3 {
		t.Fatalf("err = %v, want 3 model errors", err)
	}
	for _, e := range errs {
		if !strings.Contains(e.Msg, "cannot read doc") || e.Path == "" {
			t.Errorf("error %q lacks the doc path", e)
		}
	}
	for _, data := range files {
		if bytes.Contains(data, []byte("TOP SECRET")) {
			t.Fatal("a file outside the model's folder was read")
		}
	}
}

func TestDocImagesAreCopied(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "guide", "img"), 0o755)
	os.WriteFile(filepath.Join(dir, "guide", "img", "flow.png"), []byte("PNG"), 0o644)
	os.WriteFile(filepath.Join(dir, "secret.png"), []byte("SECRET"), 0o644)
	os.WriteFile(filepath.Join(dir, "guide", "setup.md"), []byte("# Setup\n\n![flow](img/flow.png) ![gone](img/gone.png) ![up](../../x.png) ![web](https://example.com/a.png) ![cdn](//cdn.example.com/b.png) ![abs](/home/me/c.png) ![win](C:/img/d.png)\n"), 0o644)
	m := shopModel()
	m.File, m.Dir = filepath.Join(dir, "architecture.yaml"), dir
	m.Docs = []model.Doc{{ID: "setup", Path: "guide/setup.md"}}
	m.BuildIndex()
	files, rep := renderSite(t, m)
	if string(files["docs/files/guide/img/flow.png"]) != "PNG" {
		t.Error("the doc's image was not copied")
	}
	page := string(files["docs/setup.html"])
	mustContain(t, "doc page", page, `src="../docs/files/guide/img/flow.png"`, `src="https://example.com/a.png"`)
	if !slices.Contains(rep.Warnings, `guide/setup.md: image "guide/img/gone.png": no such file`) {
		t.Errorf("warnings = %q, want the missing image", rep.Warnings)
	}
	for _, img := range []string{"../../x.png", "/home/me/c.png", "C:/img/d.png"} {
		want := `guide/setup.md: image ` + strconv.Quote(img) + ` is outside the model's folder, so the site cannot show it; move it under the model's folder and use a relative path`
		if !slices.Contains(rep.Warnings, want) {
			t.Errorf("warnings = %q, want %q", rep.Warnings, want)
		}
	}
	for _, w := range rep.Warnings {
		if strings.Contains(w, "cdn.example.com") || strings.Contains(w, "https://example.com") {
			t.Errorf("a URL was warned about: %s", w)
		}
	}
	checkLinks(t, files)
}

// TestWarningsKeepEachSubjectsOrder: the report groups warnings by view
// or page, keeps each one's lines in the order they were added (a
// view's "drawn at domain level" before the lines that detail it), and
// drops exact repeats.
func TestWarningsKeepEachSubjectsOrder(t *testing.T) {
	got := sortedUnique([]string{
		"stack: drawn at domain level",
		"business: has 8 of its 136 arrows not routed: drawn at domain level",
		"business: 2 of the 22 arrows between domains are not drawn",
		"about.html: unresolved link",
		"stack: drawn at domain level",
	})
	want := []string{
		"about.html: unresolved link",
		"business: has 8 of its 136 arrows not routed: drawn at domain level",
		"business: 2 of the 22 arrows between domains are not drawn",
		"stack: drawn at domain level",
	}
	if !slices.Equal(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

// TestKilledSwapPutsTheOldSiteBack: a build killed after moving the old
// site away and before moving the new one in leaves no output folder; the
// next build puts the old one back first, so the files it kept survive,
// and removes the work folders.
func TestKilledSwapPutsTheOldSiteBack(t *testing.T) {
	parent, out := shopSite(t)
	os.WriteFile(filepath.Join(out, "CNAME"), []byte("docs.example.com\n"), 0o644)
	// The state a build with pid 2147483646 (no such process) left when killed.
	if err := os.Rename(out, filepath.Join(parent, ".public.old-p2147483646-1")); err != nil {
		t.Fatal(err)
	}
	os.Mkdir(filepath.Join(parent, ".public.new-p2147483646-2"), 0o755)
	rep, err := Build(context.Background(), shopModel(), out, noScenes)
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(filepath.Join(out, "CNAME")); string(got) != "docs.example.com\n" || !slices.Equal(rep.Kept, []string{"CNAME"}) {
		t.Errorf("CNAME holds %q, kept %q; want it kept", got, rep.Kept)
	}
	onlyPublicIn(t, parent)
}
