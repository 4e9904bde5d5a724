package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// Every package linked into archdoc initialises its variables at start-up,
// whatever the command, so `archdoc version` pays for them all. These
// tests keep archdoc's own packages from doing work there again (see
// internal/perf's BenchmarkStartup for the time itself).

// ownInitBudget is what archdoc's own packages may allocate, in bytes,
// while initialising: static tables (maps of a few dozen entries) fit;
// a compiled regexp, a template or a Markdown parser does not.
const (
	ownInitBudgetPerPackage = 16 << 10
	ownInitBudgetTotal      = 64 << 10
	// The goldmark fork (third_party/goldmark) keeps upstream's attribute
	// filters (about 18 KB in renderer/html); its regular expressions,
	// 264 KB in extension before the fork, are compiled on first use.
	goldmarkInitBudgetPerPackage = 32 << 10
)

// initLine is one line of GODEBUG=inittrace=1's report.
var initLine = regexp.MustCompile(`^init (\S+) @[0-9.]+ ms, [0-9.]+ ms clock, (\d+) bytes, (\d+) allocs$`)

func TestStartupOwnPackagesInitialiseCheaply(t *testing.T) {
	archdoc, err := exec.LookPath("archdoc") // this test binary, set up by testscript.RunMain
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(archdoc, "version")
	cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("archdoc version: %v\n%s", err, out)
	}
	total, seen := 0, 0
	for _, line := range strings.Split(string(out), "\n") {
		m := initLine.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		bytes, _ := strconv.Atoi(m[2])
		if strings.HasPrefix(m[1], "github.com/yuin/goldmark") && bytes > goldmarkInitBudgetPerPackage {
			t.Errorf("package %s allocates %d bytes (%s allocs) while initialising, more than %d: is third_party/goldmark's patch (lazy regexps) still applied?", m[1], bytes, m[3], goldmarkInitBudgetPerPackage)
		}
		if !ownPackage(m[1]) {
			continue
		}
		seen++
		total += bytes
		if bytes > ownInitBudgetPerPackage {
			t.Errorf("package %s allocates %d bytes (%s allocs) while initialising, more than %d: make the expensive variable lazy (sync.OnceValue, internal/lazyre)", m[1], bytes, m[3], ownInitBudgetPerPackage)
		}
	}
	if seen == 0 {
		t.Fatalf("no init lines for archdoc's packages in GODEBUG=inittrace=1's output:\n%s", out)
	}
	if total > ownInitBudgetTotal {
		t.Errorf("archdoc's packages allocate %d bytes while initialising, more than %d", total, ownInitBudgetTotal)
	}
}

// ownPackage reports whether an import path is archdoc's own code, the
// vendored go-graphviz fork included. The main package is left out: in
// this test binary its initialisation includes the tests' own variables.
func ownPackage(path string) bool {
	if path == "github.com/archdoc/archdoc/cmd/archdoc" {
		return false
	}
	return strings.HasPrefix(path, "github.com/archdoc/archdoc/") || path == "github.com/goccy/go-graphviz" || strings.HasPrefix(path, "github.com/goccy/go-graphviz/")
}

// TestNoRegexpCompiledAtStartup finds, in archdoc's own non-test Go files,
// package variables initialised by compiling a regular expression and
// package init functions: the first costs every command (use
// lazyre.New), the second breaks the rule that no package init does work.
// It also compiles every constant expression given to lazyre.New, which
// would otherwise only fail on first use.
func TestNoRegexpCompiledAtStartup(t *testing.T) {
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	checked := 0
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if path != root && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata" || d.Name() == "third_party" || d.Name() == "node_modules") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		file, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		for _, decl := range file.Decls {
			switch decl := decl.(type) {
			case *ast.FuncDecl:
				if decl.Name.Name == "init" && decl.Recv == nil {
					t.Errorf("%s: package init function: no package init does work (see the guide)", fset.Position(decl.Pos()))
				}
			case *ast.GenDecl:
				if decl.Tok == token.VAR {
					for _, spec := range decl.Specs {
						for _, value := range spec.(*ast.ValueSpec).Values {
							if call := regexpCompile(value); call != "" {
								t.Errorf("%s: package variable initialised with %s: every command would compile it at start-up; use lazyre.New", fset.Position(value.Pos()), call)
							}
							if expr, ok := lazyreExpr(value); ok {
								checked++
								if _, err := regexp.Compile(expr); err != nil {
									t.Errorf("%s: lazyre.New: %v", fset.Position(value.Pos()), err)
								}
							}
						}
					}
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked == 0 {
		t.Error("found no lazyre.New call with a constant expression to compile")
	}
}

// regexpCompile returns the regexp.Compile-like call that e makes when
// evaluated (not inside a function literal, which runs later), or "".
func regexpCompile(e ast.Expr) string {
	found := ""
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.SelectorExpr:
			pkg, ok := n.X.(*ast.Ident)
			if ok && pkg.Name == "regexp" && (strings.HasPrefix(n.Sel.Name, "MustCompile") || strings.HasPrefix(n.Sel.Name, "Compile")) {
				found = "regexp." + n.Sel.Name
			}
		}
		return found == ""
	})
	return found
}

// lazyreExpr returns the expression of a lazyre.New call whose argument
// is string literals joined by +, and whether e is one.
func lazyreExpr(e ast.Expr) (string, bool) {
	call, ok := e.(*ast.CallExpr)
	if !ok || len(call.Args) != 1 {
		return "", false
	}
	if sel, ok := call.Fun.(*ast.SelectorExpr); !ok || sel.Sel.Name != "New" || !isIdent(sel.X, "lazyre") {
		return "", false
	}
	return constString(call.Args[0])
}

func isIdent(e ast.Expr, name string) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == name
}

// constString evaluates string literals joined by +.
func constString(e ast.Expr) (string, bool) {
	switch e := e.(type) {
	case *ast.BasicLit:
		if e.Kind != token.STRING {
			return "", false
		}
		s, err := strconv.Unquote(e.Value)
		return s, err == nil
	case *ast.BinaryExpr:
		if e.Op != token.ADD {
			return "", false
		}
		x, ok := constString(e.X)
		if !ok {
			return "", false
		}
		y, ok := constString(e.Y)
		return x + y, ok
	case *ast.ParenExpr:
		return constString(e.X)
	}
	return "", false
}
