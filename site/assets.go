package site

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"strconv"
	"sync"

	"github.com/alecthomas/chroma/v2/formatters/html"

	"github.com/archdoc/archdoc/internal/highlight"
	"github.com/archdoc/archdoc/internal/inputfile"
	"github.com/archdoc/archdoc/internal/lazyre"
	"github.com/archdoc/archdoc/templates"
)

// assets copies the embedded stylesheet and scripts and writes the
// generated ones: the code-highlighting CSS and the search index.
func (b *builder) assets() error {
	err := fs.WalkDir(templates.FS, "assets", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(templates.FS, p)
		b.out.put(p, data)
		return err
	})
	if err != nil {
		return err
	}
	b.out.put("assets/chroma.css", chromaCSS())
	idx, err := b.searchIndexJS()
	b.out.put("assets/search-index.js", idx)
	return err
}

// chromaCSS styles highlighted code (goldmark-highlighting writes CSS
// classes, not inline styles): GitHub colours, and GitHub dark under the
// site's dark theme, whether chosen by the toggle or by the system. Made
// on first use, not at start-up: most commands write no site.
var chromaCSS = sync.OnceValue(func() []byte {
	formatter := html.New(html.WithClasses(true))
	var light, dark bytes.Buffer
	if err := formatter.WriteCSS(&light, highlight.NamedStyle("github")); err != nil {
		panic(err)
	}
	if err := formatter.WriteCSS(&dark, highlight.NamedStyle("github-dark")); err != nil {
		panic(err)
	}
	var out bytes.Buffer
	out.Write(light.Bytes())
	out.Write(scopeCSS(dark.Bytes(), `:root[data-theme="dark"] `))
	out.WriteString("@media (prefers-color-scheme: dark) {\n")
	out.Write(scopeCSS(dark.Bytes(), `:root:not([data-theme="light"]) `))
	out.WriteString("}\n")
	return out.Bytes()
})

var cssSelectorStart = lazyre.New(`(?m)(^|\*/ |, )\.`)

// scopeCSS prefixes every class selector that starts a rule with scope.
func scopeCSS(css []byte, scope string) []byte {
	return cssSelectorStart().ReplaceAll(css, []byte("${1}"+scope+"."))
}

func quote(s string) string { return strconv.Quote(s) }

// readInRoot reads a file a doc names (the doc itself, an image) inside
// the model's folder. Only regular files are read: an image that is a
// named pipe would block the build for ever.
func readInRoot(root *os.Root, name string) ([]byte, error) {
	f, err := inputfile.OpenIn(root, name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(f)
}

// rootError words an os.Root read failure for a model author.
func rootError(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "no such file"
	case err.Error() == "path escapes from parent":
		return "the path leads outside the model's folder"
	}
	return err.Error()
}
