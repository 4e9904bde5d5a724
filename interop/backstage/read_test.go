package backstage

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/archdoc/archdoc/model"
)

// TestLocationFollowed: importing a repository's root catalog-info.yaml,
// which holds only a Location, follows its targets (files and globs
// inside the folder) and reports the URL and the file outside it.
func TestLocationFollowed(t *testing.T) {
	root := "testdata/acme-catalog/catalog-info.yaml"
	files, notes, err := Read([]string{root})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range files {
		names = append(names, strings.TrimPrefix(f.Name, "testdata/acme-catalog/"))
	}
	want := "catalog-info.yaml org.yaml systems/billing/catalog-info.yaml systems/shop/catalog-info.yaml apis/billing/invoices.yaml"
	if got := strings.Join(names, " "); got != want {
		t.Errorf("files read:\n got %s\nwant %s", got, want)
	}
	joined := strings.Join(notes, "\n")
	for _, w := range []string{
		`catalog-info.yaml:14: Location acme-catalog: target "https://github.com/acme/legacy/blob/main/catalog-info.yaml" is a URL; not fetched`,
		`catalog-info.yaml:15: Location acme-catalog: target "../shared/catalog-info.yaml" is outside testdata/acme-catalog; skipped`,
		`target "./systems/missing/catalog-info.yaml": testdata/acme-catalog/systems/missing/catalog-info.yaml not found; skipped`,
	} {
		if !strings.Contains(joined, w) {
			t.Errorf("notes lack %q:\n%s", w, joined)
		}
	}
	r, err := Import(files, Options{Source: root, Notes: notes})
	if err != nil {
		t.Fatal(err)
	}
	m, err := model.Parse("architecture.yaml", r.YAML)
	if err != nil {
		t.Fatalf("%v\n%s", err, r.YAML)
	}
	if m.Name != "Retail" {
		t.Errorf("model name %q, want the one top-level domain's title Retail", m.Name)
	}
	mods := map[string]model.Element{}
	for _, e := range m.Elements() {
		if e.Kind == model.KindModule {
			mods[e.ID] = e
		}
	}
	if got := fmt.Sprint(mods["storefront"].Tags); got != "[go website]" {
		t.Errorf("storefront tags %s, want each tag once", got)
	}
	// An API nobody provides or consumes, naming its system, is kept.
	if e, ok := mods["refunds-api"]; !ok || e.Parent != "billing" || e.Name != "Refunds API" {
		t.Errorf("unused API refunds-api: %+v (modules %v)", e, mods)
	}
	if !strings.Contains(r.Summary.String(), "is a URL; not fetched") {
		t.Errorf("summary does not report the URL:\n%s", r.Summary)
	}
}

// TestOnlyUnfollowableLocation: a Location whose targets are all out of
// reach imports nothing and says so, instead of an empty model.
func TestOnlyUnfollowableLocation(t *testing.T) {
	dir := t.TempDir()
	loc := filepath.Join(dir, "catalog-info.yaml")
	write(t, loc, "kind: Location\nmetadata: {name: root}\nspec:\n  targets: [https://example.com/catalog-info.yaml]\n")
	files, notes, err := Read([]string{loc})
	if err != nil {
		t.Fatal(err)
	}
	_, err = Import(files, Options{Notes: notes})
	if err == nil || !strings.Contains(err.Error(), "no Domain, System, Component, API or Resource entity in 1 file (1 entity: Location)") ||
		!strings.Contains(err.Error(), "is a URL; not fetched") {
		t.Errorf("error = %v", err)
	}
}

// TestTotalSizeCap: a folder of large files is refused from their sizes,
// before the YAML parser sees them, naming the file that passes the cap.
func TestTotalSizeCap(t *testing.T) {
	dir := t.TempDir()
	for i := 0; i < 4; i++ {
		f, err := os.Create(filepath.Join(dir, fmt.Sprintf("big%d.yaml", i)))
		if err != nil {
			t.Fatal(err)
		}
		if err := f.Truncate(9 << 20); err != nil {
			t.Fatal(err)
		}
		f.Close()
	}
	_, _, err := Read([]string{dir})
	want := filepath.Join(dir, "big3.yaml") + ": the catalog files come to more than the 32 MB an import reads"
	if err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("error = %v\nwant %s...", err, want)
	}
}

// TestSymlinkReported: a symbolic link among the catalog files is named
// in the summary, not skipped silently.
func TestSymlinkReported(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "a.yaml"), "kind: System\nmetadata: {name: a}\n")
	outside := filepath.Join(t.TempDir(), "b.yaml")
	write(t, outside, "kind: System\nmetadata: {name: b}\n")
	if err := os.Symlink(outside, filepath.Join(dir, "b.yaml")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	files, notes, err := Read([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	want := filepath.ToSlash(filepath.Join(dir, "b.yaml")) + ": a symbolic link; skipped"
	if len(files) != 1 || len(notes) != 1 || !strings.HasPrefix(notes[0], want) {
		t.Errorf("files %d, notes %q; want one file and %q", len(files), notes, want)
	}
}

// TestEntityCapNamesFile: the entity limit names the file and line.
func TestEntityCapNamesFile(t *testing.T) {
	var b strings.Builder
	for i := 0; i <= MaxEntities; i++ {
		fmt.Fprintf(&b, "---\nkind: Group\nmetadata: {name: g%d}\n", i)
	}
	_, err := Import([]File{{Name: "teams.yaml", Data: []byte(b.String())}}, Options{})
	want := fmt.Sprintf("teams.yaml:%d: the catalog has more than 20000 entities", 3*MaxEntities+2)
	if err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("error = %v\nwant %s...", err, want)
	}
}

func write(t *testing.T, path, s string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestOnlyUnplacedAPIs: APIs that name no System give nothing to draw;
// the import fails and says why rather than write an empty model.
func TestOnlyUnplacedAPIs(t *testing.T) {
	files := []File{{Name: "apis.yaml", Data: []byte("kind: API\nmetadata: {name: lonely}\nspec: {type: openapi}\n")}}
	_, err := Import(files, Options{})
	if err == nil || !strings.Contains(err.Error(), "no entity became a domain, module or technology") ||
		!strings.Contains(err.Error(), "API lonely: no component provides or consumes it and it names no System") {
		t.Errorf("error = %v", err)
	}
}
