// Package highlight colours fenced code in Markdown with chroma, for the
// site's docs. It bundles the lexers architecture docs use (shell, SQL,
// YAML, PHP, Go, Java, ...) and GitHub's light and dark styles, and
// builds them on first use: chroma's own lexers and styles packages
// parse all of their ~280 definitions in package init, which cost every
// archdoc command 25 ms at start-up, also those that write no site.
package highlight

import (
	"bytes"
	"embed"
	"io/fs"
	"path"
	"sync"

	"github.com/alecthomas/chroma/v2"
)

//go:embed lexers/*.xml styles/*.xml
var files embed.FS

// registry holds the bundled lexers, built on first use.
var registry = sync.OnceValue(func() *chroma.LexerRegistry {
	reg := chroma.NewLexerRegistry()
	names, err := fs.Glob(files, "lexers/*.xml")
	if err != nil {
		panic(err) // the pattern is fixed
	}
	for _, name := range names {
		lexer := chroma.MustNewXMLLexer(files, name)
		if path.Base(name) == "go_template.xml" {
			lexer.SetConfig(&chroma.Config{Name: "Go Text Template", Aliases: []string{"go-text-template"}})
		}
		reg.Register(lexer)
	}
	reg.Register(goLexer(reg))
	return reg
})

// For returns the lexer for a fenced block's language (a name, alias
// or file extension, as chroma matches them), or nil.
func For(language string) chroma.Lexer {
	if language == "" {
		return nil
	}
	return registry().Get(language)
}

// NamedStyle returns a bundled style: "github" or "github-dark".
func NamedStyle(name string) *chroma.Style {
	data, err := files.ReadFile("styles/" + name + ".xml")
	if err != nil {
		panic("highlight: no bundled style " + name)
	}
	return chroma.MustNewXMLStyle(bytes.NewReader(data))
}
