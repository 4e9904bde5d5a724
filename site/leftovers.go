package site

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// tempPattern names the folders a build works in next to outDir:
// ".public.new-p1234-*" holds the pid of the build that made it, so a
// later build can tell a killed build's leftovers from a running one's.
func tempPattern(base, kind string) string {
	return fmt.Sprintf(".%s.%s-p%d-*", base, kind, os.Getpid())
}

// removeLeftovers removes the work folders of builds into outDir that
// were killed during their write phase. The folders of a build that is
// still running are left alone. A build killed between moving the old
// site away and the new one in left no outDir: the old site is put back,
// so the files it kept (a CNAME) are kept again.
func removeLeftovers(outDir string) {
	parent, base := filepath.Split(outDir)
	if parent == "" {
		parent = "."
	}
	entries, err := os.ReadDir(parent)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		pid, ok := leftoverPid(e.Name(), base)
		if !ok || (pid != 0 && processAlive(pid)) {
			continue
		}
		dir := filepath.Join(parent, e.Name())
		if strings.HasPrefix(e.Name(), "."+base+".old-") {
			if _, err := os.Lstat(outDir); os.IsNotExist(err) && os.Rename(dir, outDir) == nil {
				continue
			}
		}
		os.RemoveAll(dir)
	}
}

// leftoverPid recognises ".base.new-p1234-567" (pid 1234) and the
// ".base.new-567" of earlier versions (pid 0: no owner known).
func leftoverPid(name, base string) (int, bool) {
	var rest string
	for _, kind := range []string{"new", "old"} {
		if r, ok := strings.CutPrefix(name, "."+base+"."+kind+"-"); ok {
			rest = r
		}
	}
	if rest == "" {
		return 0, false
	}
	if p, ok := strings.CutPrefix(rest, "p"); ok {
		pidText, random, ok := strings.Cut(p, "-")
		pid, err := strconv.Atoi(pidText)
		if !ok || err != nil || !allDigits(random) || pid <= 0 {
			return 0, false
		}
		return pid, true
	}
	return 0, allDigits(rest)
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
