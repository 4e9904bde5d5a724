package layout

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// go-graphviz keeps its compiled module in the user cache folder, and
// TMPDIR, borrowed while it started, is the user's again.
func TestGraphvizCacheInUserCacheDir(t *testing.T) {
	base, err := os.UserCacheDir()
	if err != nil {
		t.Skip("no user cache folder here:", err)
	}
	if graphvizCacheDir != filepath.Join(base, "archdoc") {
		t.Fatalf("cache folder %q, want %q", graphvizCacheDir, filepath.Join(base, "archdoc"))
	}
	entries, err := os.ReadDir(filepath.Join(graphvizCacheDir, "go-graphviz"))
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, e := range entries {
		found = found || strings.HasPrefix(e.Name(), "wazero-")
	}
	if !found {
		t.Errorf("no wazero cache in %s/go-graphviz: %v", graphvizCacheDir, entries)
	}
	if os.TempDir() == graphvizCacheDir {
		t.Errorf("TMPDIR still points at the cache folder %s", graphvizCacheDir)
	}
}
