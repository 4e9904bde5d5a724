package main

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/archdoc/archdoc/builder"
	"github.com/archdoc/archdoc/internal/graphviz"
	"github.com/archdoc/archdoc/internal/scenecache"
	"github.com/archdoc/archdoc/render"
)

// layoutCacheEnv set to "off" (or 0, false, no) makes every layout
// command lay out every view itself, as on a machine's first run (for
// measuring, and for the tests that compare layouts).
const layoutCacheEnv = "ARCHDOC_LAYOUT_CACHE"

// newBuilder is builder.New for the commands that lay views out: the
// scenes they lay out are kept in the user cache folder, so building the
// same model again lays out only the views that changed.
func newBuilder(file string, stdin io.Reader) *builder.Builder {
	b := builder.New(file, stdin)
	if s := layoutStore(); s != nil {
		b.UseStore(s)
	}
	return b
}

// layoutStore opens the layout cache once per process; nil when it is
// off or there is no cache folder.
var layoutStore = sync.OnceValue(func() render.Store {
	switch strings.ToLower(os.Getenv(layoutCacheEnv)) {
	case "off", "0", "false", "no":
		return nil
	}
	root := graphviz.CacheDir()
	ns, ok := cacheNamespace()
	if root == "" || !ok {
		return nil
	}
	c, err := scenecache.Open(filepath.Join(root, "layouts"), ns)
	if err != nil {
		return nil
	}
	return c
})

// cacheNamespace names this binary and engine. A build of a clean
// commit is named by the commit, the Go version and the binary's size,
// so that installing the same commit again (a CI job) finds its cache; a
// build with local changes also by the executable's time, which changes
// with every build.
func cacheNamespace() (string, bool) {
	exe, err := os.Executable()
	if err != nil {
		return "", false
	}
	st, err := os.Stat(exe)
	if err != nil {
		return "", false
	}
	v := versionString()
	id := fmt.Sprintf("%s|%s|%d|%s", v, runtime.Version(), st.Size(), graphviz.Drawing())
	if v == "(devel)" || strings.HasSuffix(v, "-dirty") {
		id += fmt.Sprintf("|%d", st.ModTime().UnixNano())
	}
	h := sha256.Sum256([]byte(id))
	return hex.EncodeToString(h[:8]), true
}

// fromCache says how many of the site's views an earlier run had laid
// out, when any: a user who wonders why a build was fast learns why, and
// how to lay everything out again.
func fromCache(st render.Stats) string {
	if st.Stored == 0 {
		return ""
	}
	return fmt.Sprintf(" (%d of %d views laid out by an earlier run; %s=off lays them out again)", st.Stored, st.Views, layoutCacheEnv)
}
