package likec4

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/archdoc/archdoc/internal/inputfile"
	"github.com/archdoc/archdoc/interop/internal/importkit"
	"github.com/archdoc/archdoc/interop/internal/words"
)

// maxSourceTotal bounds the bytes of all the sources one import reads.
const maxSourceTotal = 32 << 20

func isSource(name string) bool {
	n := strings.ToLower(name)
	return strings.HasSuffix(n, ".c4") || strings.HasSuffix(n, ".likec4")
}

// readSources reads the files named and the .c4/.likec4 files under the
// folders named (sorted; symbolic links not followed).
func readSources(paths []string) ([]importkit.File, error) {
	var names []string
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil {
			return nil, inputfile.Errorf(p, err)
		}
		if !fi.IsDir() {
			names = append(names, p)
			continue
		}
		var found []string
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return inputfile.Errorf(path, err)
			}
			if d.Type().IsRegular() && isSource(path) {
				found = append(found, path)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		if len(found) == 0 {
			return nil, fmt.Errorf("%s: no .c4 or .likec4 files", p)
		}
		sort.Strings(found)
		names = append(names, found...)
	}
	var files []importkit.File
	total := 0
	for _, n := range names {
		f, err := importkit.ReadFile(n)
		if err != nil {
			return nil, err
		}
		if total += len(f.Data); total > maxSourceTotal {
			return nil, fmt.Errorf("%s: the sources come to more than the %s an import reads", n, words.Size(maxSourceTotal))
		}
		f.Name = filepath.ToSlash(f.Name)
		files = append(files, f)
	}
	return files, nil
}
