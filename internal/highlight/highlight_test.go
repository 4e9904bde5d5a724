package highlight

import (
	"bytes"
	"io/fs"
	"regexp"
	"strings"
	"testing"

	"github.com/alecthomas/chroma/v2"
	"github.com/yuin/goldmark"
)

// Every bundled lexer builds, and every lexer one of them hands part of
// its text to (<using lexer="..."/>) is bundled too: chroma panics on a
// missing one in the middle of a page.
func TestBundledLexersAreComplete(t *testing.T) {
	reg := registry()
	using := regexp.MustCompile(`<using lexer="([^"]+)"`)
	names, _ := fs.Glob(files, "lexers/*.xml")
	for _, name := range names {
		data, _ := files.ReadFile(name)
		for _, m := range using.FindAllSubmatch(data, -1) {
			if reg.Get(string(m[1])) == nil {
				t.Errorf("%s uses lexer %q, which is not bundled", name, m[1])
			}
		}
	}
	for _, lang := range []string{"go", "php", "sql", "yaml", "bash", "sh", "nginx", "dockerfile", "json", "java", "python", "js", "ts", "html", "xml", "toml", "ini", "diff", "kotlin", "rust", "c", "cpp", "csharp", "hcl", "terraform", "powershell", "lua", "ruby", "swift", "scala", "protobuf", "graphql", "css", "scss", "mysql"} {
		if For(lang) == nil {
			t.Errorf("no lexer for %q", lang)
		}
	}
}

// Code in a known language gets classes for its tokens; unknown
// languages and plain blocks stay escaped text; nothing is built before
// the first block.
func TestMarkdownCodeBlocks(t *testing.T) {
	md := goldmark.New(goldmark.WithExtensions(Markdown()))
	var out bytes.Buffer
	src := "```go\nfunc main() {}\n```\n\n```nope\n<b>\n```\n\n```\n<i>\n```\n"
	if err := md.Convert([]byte(src), &out); err != nil {
		t.Fatal(err)
	}
	html := out.String()
	for _, want := range []string{`<pre class="chroma"><code>`, `<span class="kd">func</span>`, `<pre><code class="language-nope">&lt;b&gt;`, "<pre><code>&lt;i&gt;"} {
		if !strings.Contains(html, want) {
			t.Errorf("missing %q in\n%s", want, html)
		}
	}
}

func TestStyles(t *testing.T) {
	for _, name := range []string{"github", "github-dark"} {
		if s := NamedStyle(name); s == nil || s.Get(chroma.Keyword).Colour == 0 {
			t.Errorf("%s: no keyword colour", name)
		}
	}
}
