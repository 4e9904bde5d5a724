package outpath

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWriteAtomicLeavesNoTemporaryFiles(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "domain", "data.svg")
	for _, content := range []string{"old", "new"} {
		if err := WriteAtomic(nil, File{path, []byte(content)}); err != nil {
			t.Fatal(err)
		}
	}
	if got, _ := os.ReadFile(path); string(got) != "new" {
		t.Errorf("file holds %q, want the last write", got)
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Errorf("folder holds %d entries, want only data.svg", len(entries))
	}
	// A folder in the way is an error, and it stays as it was.
	if err := WriteAtomic(nil, File{filepath.Join(dir, "domain"), []byte("x")}); err == nil {
		t.Error("writing over a folder succeeded")
	}
}

func TestInputsRefuseEveryNameOfAnInput(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	for _, f := range []string{"architecture.yaml", "docs/intro.md"} {
		os.MkdirAll(filepath.Dir(f), 0o755)
		if err := os.WriteFile(f, []byte("mine"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	os.Symlink("architecture.yaml", "link.yaml")
	os.Link("architecture.yaml", "hard.yaml")
	in := &Inputs{}
	in.Add("the model", "architecture.yaml")
	in.Add("a doc", "docs/intro.md")
	for _, c := range []struct{ out, want string }{
		{"architecture.yaml", "refusing to write architecture.yaml: it is the model archdoc read (architecture.yaml); choose another output"},
		{"./docs/../architecture.yaml", "it is the model archdoc read"},
		{filepath.Join(dir, "docs", "intro.md"), "it is a doc archdoc read (docs/intro.md)"},
		{"link.yaml", "it is the model archdoc read"},
		{"hard.yaml", "it is the model archdoc read"},
	} {
		err := WriteAtomic(in, File{c.out, []byte("lost")})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("write %s: err = %v, want %q", c.out, err, c.want)
		}
	}
	if err := WriteNew(in, "architecture.yaml", nil); err == nil || !strings.Contains(err.Error(), "the model") {
		t.Errorf("WriteNew over the model: %v", err)
	}
	if got, _ := os.ReadFile("architecture.yaml"); string(got) != "mine" {
		t.Fatalf("the model now holds %q", got)
	}
	if err := WriteAtomic(in, File{"docs/intro.html", []byte("ok")}); err != nil {
		t.Errorf("a new file beside an input: %v", err)
	}
	if err := WriteNew(in, "docs/intro.html", nil); !errors.Is(err, fs.ErrExist) {
		t.Errorf("WriteNew over an existing file: %v, want fs.ErrExist", err)
	}
}

func TestInputsRefuseFoldersHoldingThem(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	os.MkdirAll("site/docs", 0o755)
	os.WriteFile("site/docs/a.md", nil, 0o644)
	in := &Inputs{}
	in.Add("a doc", "site/docs/a.md")
	for _, d := range []string{".", "site", "site/docs", "./site/"} {
		err := in.CheckDir(d)
		if err == nil || !strings.Contains(err.Error(), "it holds site/docs/a.md, a doc archdoc read") {
			t.Errorf("CheckDir(%s) = %v", d, err)
		}
	}
	for _, d := range []string{"public", "site/other", "sitex"} {
		if err := in.CheckDir(d); err != nil {
			t.Errorf("CheckDir(%s) = %v, want nil", d, err)
		}
	}
}

func TestCheckNotSite(t *testing.T) {
	dir := t.TempDir()
	if err := CheckNotSite(dir); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, SiteMarker), nil, 0o644)
	if err := CheckNotSite(dir); err == nil || !strings.Contains(err.Error(), "is a site folder written by archdoc build") {
		t.Errorf("CheckNotSite on a site = %v", err)
	}
}
