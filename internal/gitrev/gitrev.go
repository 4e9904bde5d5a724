// Package gitrev reads a model as it was at a git revision: the folder
// holding the model, taken from `git archive`, so its includes and docs
// come from the same revision.
package gitrev

import (
	"archive/tar"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// ErrNoGit means git is not installed.
var ErrNoGit = errors.New("git is not installed")

// maxArchive bounds what one revision's folder may hold: a model folder
// is documents, not a repository's binaries.
const maxArchive = 200 << 20

// Extract writes the folder of modelPath as it was at rev into a new
// temporary folder and returns the model's path there; remove the folder
// with os.RemoveAll(root) when done.
func Extract(ctx context.Context, modelPath, rev string) (path, root string, err error) {
	if _, err := exec.LookPath("git"); err != nil {
		return "", "", ErrNoGit
	}
	if strings.HasPrefix(rev, "-") {
		return "", "", fmt.Errorf("%q is not a git revision", rev)
	}
	abs, err := filepath.Abs(modelPath)
	if err != nil {
		return "", "", err
	}
	dir := filepath.Dir(abs)
	top, err := git(ctx, dir, "rev-parse", "--show-toplevel")
	if err != nil {
		return "", "", fmt.Errorf("%s is not in a git repository: %v", modelPath, err)
	}
	topDir := strings.TrimSpace(string(top))
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		dir = real
	}
	rel, err := filepath.Rel(topDir, dir)
	if err != nil || !filepath.IsLocal(rel) && rel != "." {
		return "", "", fmt.Errorf("%s is outside its git repository", modelPath)
	}
	tree := rev
	if rel != "." {
		tree = rev + ":" + filepath.ToSlash(rel)
	}
	data, err := git(ctx, topDir, "archive", "--format=tar", tree)
	if err != nil {
		return "", "", fmt.Errorf("git cannot read %s at %s: %v", filepath.ToSlash(rel), rev, err)
	}
	root, err = os.MkdirTemp("", "archdoc-rev-")
	if err != nil {
		return "", "", err
	}
	if err := untar(bytes.NewReader(data), root); err != nil {
		os.RemoveAll(root)
		return "", "", err
	}
	path = filepath.Join(root, filepath.Base(abs))
	if _, err := os.Stat(path); err != nil {
		os.RemoveAll(root)
		return "", "", fmt.Errorf("%s did not exist at %s", filepath.Base(abs), rev)
	}
	return path, root, nil
}

func git(ctx context.Context, dir string, args ...string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, "git", args...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		if msg := strings.TrimSpace(stderr.String()); msg != "" {
			return nil, errors.New(msg)
		}
		return nil, err
	}
	if len(out) > maxArchive {
		return nil, fmt.Errorf("the folder is larger than %d MB", maxArchive>>20)
	}
	return out, nil
}

// untar writes the archive's regular files under root; names that would
// leave root, links and devices are skipped.
func untar(r io.Reader, root string) error {
	tr := tar.NewReader(r)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		name := filepath.FromSlash(h.Name)
		if h.Typeflag != tar.TypeReg || !filepath.IsLocal(name) {
			continue
		}
		dst := filepath.Join(root, name)
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		data, err := io.ReadAll(io.LimitReader(tr, maxArchive))
		if err != nil {
			return err
		}
		if err := os.WriteFile(dst, data, 0o644); err != nil {
			return err
		}
	}
}
