package structurizr

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/archdoc/archdoc/interop/internal/importkit"
)

// DirInclude reads the files !include names inside dir, the workspace
// file's folder, and nothing outside it: "../x", absolute paths and
// symbolic links leading out are refused (os.Root enforces it). Close
// the returned root when done.
func DirInclude(dir string) (IncludeFunc, *os.Root, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, nil, err
	}
	return func(from, name string) (importkit.File, error) {
		fromRel, err := filepath.Rel(dir, filepath.FromSlash(from))
		if err != nil {
			fromRel = filepath.Base(from)
		}
		rel := path.Join(path.Dir(filepath.ToSlash(fromRel)), filepath.ToSlash(name))
		if path.IsAbs(filepath.ToSlash(name)) || filepath.IsAbs(name) || rel == ".." || strings.HasPrefix(rel, "../") {
			return importkit.File{}, fmt.Errorf("outside the workspace folder %s; only files inside it are read", dir)
		}
		return importkit.ReadIn(root, rel, filepath.ToSlash(filepath.Join(dir, rel)))
	}, root, nil
}

// ImportFile reads the workspace at path (DSL or JSON), following
// !include inside its folder only, and builds the model.
func ImportFile(path string, opts ImportOptions) (*importkit.Result, error) {
	f, err := importkit.ReadFile(path)
	if err != nil {
		return nil, err
	}
	include, root, err := DirInclude(filepath.Dir(path))
	if err != nil {
		return nil, err
	}
	defer root.Close()
	return Import(f, include, opts)
}
