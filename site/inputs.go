package site

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"

	"github.com/archdoc/archdoc/internal/outpath"
	"github.com/archdoc/archdoc/model"
)

// Inputs lists every file building m reads: the model and its includes,
// the docs and the images the docs show. Commands refuse to write over
// any of them (see package outpath).
func Inputs(m *model.Model) *outpath.Inputs {
	in, _ := inputs(m)
	return in
}

// inputs is Inputs, and the images docs show that are left out of it
// because archdoc may write them (its own diagrams, files not there
// yet): serve watches both.
func inputs(m *model.Model) (in *outpath.Inputs, writable []string) {
	in = &outpath.Inputs{}
	files := m.Files()
	if len(files) > 0 {
		in.Add("the model", files[0])
		in.Add("an include", files[1:]...)
	}
	if len(m.Docs) == 0 {
		return in, nil
	}
	dir := m.Dir
	if dir == "" {
		dir = "."
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return in, nil
	}
	defer root.Close()
	md := newMarkdown(m)
	for _, d := range m.Docs {
		p := path.Clean(d.Path)
		in.Add("a doc", filepath.Join(dir, filepath.FromSlash(p)))
		src, err := readInRoot(root, p)
		if err != nil {
			continue // the build reports it
		}
		var images []string
		if _, _, err := md.parseSafely(string(src), "", path.Dir(p), nil, &images); err != nil {
			continue
		}
		for _, img := range images {
			if p := filepath.Join(dir, filepath.FromSlash(img)); replaceable(root, img) {
				writable = append(writable, p)
			} else {
				in.Add("an image", p)
			}
		}
	}
	return in, writable
}

// replaceable reports whether the image at name (in root) may be
// written: it does not exist yet (nothing to lose), or it is an SVG
// diagram archdoc drew, which a doc that shows it keeps current by
// running `archdoc diagram` again.
func replaceable(root *os.Root, name string) bool {
	f, err := root.Open(name)
	if errors.Is(err, fs.ErrNotExist) {
		return true
	}
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, 512)
	n, _ := io.ReadFull(f, head)
	return bytes.Contains(head[:n], []byte(`<svg xmlns="http://www.w3.org/2000/svg" class="archdoc-diagram`))
}
