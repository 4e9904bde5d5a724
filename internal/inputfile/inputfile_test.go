package inputfile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// fourWaysToOpen returns the ways a caller may open dir/name: Open and
// OpenIn, each on the file itself and on a symbolic link link.yaml to it
// (made here), by a name for failure messages.
func fourWaysToOpen(t *testing.T, dir, name string) map[string]func() (*os.File, error) {
	t.Helper()
	if err := os.Symlink(name, filepath.Join(dir, "link.yaml")); err != nil {
		t.Fatal(err)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { root.Close() })
	return map[string]func() (*os.File, error){
		"Open":        func() (*os.File, error) { return Open(filepath.Join(dir, name)) },
		"Open link":   func() (*os.File, error) { return Open(filepath.Join(dir, "link.yaml")) },
		"OpenIn":      func() (*os.File, error) { return OpenIn(root, name) },
		"OpenIn link": func() (*os.File, error) { return OpenIn(root, "link.yaml") },
	}
}

func TestOpenRegularFile(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.yaml"), []byte("name: x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for name, open := range fourWaysToOpen(t, dir, "a.yaml") {
		f, err := open()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		data, err := io.ReadAll(f)
		f.Close()
		if err != nil || string(data) != "name: x\n" {
			t.Errorf("%s: read %q, %v", name, data, err)
		}
	}
}

func TestOpenRefusesFolderAndMissing(t *testing.T) {
	dir := t.TempDir()
	_, err := Open(dir)
	if !IsDir(err) || !errors.Is(err, ErrNotRegular) {
		t.Fatalf("Open(folder) = %v, want a folder error", err)
	}
	if got, want := Problem(err), "is a folder, not a file"; got != want {
		t.Errorf("Problem = %q, want %q", got, want)
	}
	_, err = Open(filepath.Join(dir, "missing.drawio"))
	if got, want := Problem(err), "no such file"; got != want {
		t.Errorf("Problem = %q, want %q", got, want)
	}
	if got, want := Errorf("missing.drawio", err).Error(), "missing.drawio: no such file"; got != want {
		t.Errorf("Errorf = %q, want %q", got, want)
	}
	if !errors.Is(Errorf("missing.drawio", err), os.ErrNotExist) {
		t.Error("Errorf lost the wrapped error")
	}
}

func TestOpenRefusesDevice(t *testing.T) {
	if _, err := os.Stat(os.DevNull); err != nil {
		t.Skip("no", os.DevNull)
	}
	_, err := Open(os.DevNull)
	if !errors.Is(err, ErrNotRegular) {
		t.Fatalf("Open(%s) = %v, want ErrNotRegular", os.DevNull, err)
	}
	if got, want := Problem(err), "not a regular file (a device)"; got != want {
		t.Errorf("Problem = %q, want %q", got, want)
	}
}
