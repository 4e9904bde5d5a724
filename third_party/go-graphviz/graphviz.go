package graphviz

import (
	"context"
	"image"
	"io"
	"io/fs"

	"github.com/goccy/go-graphviz/cgraph"
	"github.com/goccy/go-graphviz/gvc"
	"github.com/goccy/go-graphviz/internal/wasm"
)

type Graphviz struct {
	ctx    *gvc.Context
	name   string
	dir    *GraphDescriptor
	layout Layout
}

type Layout string

const (
	CIRCO     Layout = "circo"
	DOT       Layout = "dot"
	FDP       Layout = "fdp"
	NEATO     Layout = "neato"
	NOP       Layout = "nop"
	NOP1      Layout = "nop1"
	NOP2      Layout = "nop2"
	OSAGE     Layout = "osage"
	PATCHWORK Layout = "patchwork"
	SFDP      Layout = "sfdp"
	TWOPI     Layout = "twopi"
)

type Format string

const (
	XDOT Format = "dot"
	SVG  Format = "svg"
	PNG  Format = "png"
	JPG  Format = "jpg"
)

func New(ctx context.Context) (*Graphviz, error) {
	c, err := gvc.New(ctx)
	if err != nil {
		return nil, err
	}
	return &Graphviz{
		ctx:    c,
		dir:    Directed,
		layout: DOT,
	}, nil
}

func NewWithPlugins(ctx context.Context, plugins ...Plugin) (*Graphviz, error) {
	c, err := gvc.NewWithPlugins(ctx, plugins...)
	if err != nil {
		return nil, err
	}
	return &Graphviz{
		ctx:    c,
		dir:    Directed,
		layout: DOT,
	}, nil
}

func (g *Graphviz) Close() error {
	return g.ctx.Close()
}

func (g *Graphviz) SetLayout(layout Layout) *Graphviz {
	g.layout = layout
	return g
}

func (g *Graphviz) Render(ctx context.Context, graph *Graph, format Format, w io.Writer) (e error) {
	defer func() {
		// fork: keep the layout's own error (a trap), not FreeLayout's
		// on the memory the trap left behind.
		if err := g.ctx.FreeLayout(ctx, graph); err != nil && e == nil {
			e = err
		}
	}()

	if err := g.ctx.Layout(ctx, graph, string(g.layout)); err != nil {
		return err
	}
	if err := g.ctx.RenderData(ctx, graph, string(format), w); err != nil {
		return err
	}
	return nil
}

func (g *Graphviz) RenderImage(ctx context.Context, graph *Graph) (img image.Image, e error) {
	defer func() {
		// fork: keep the layout's own error (a trap), not FreeLayout's
		// on the memory the trap left behind.
		if err := g.ctx.FreeLayout(ctx, graph); err != nil && e == nil {
			e = err
		}
	}()

	if err := g.ctx.Layout(ctx, graph, string(g.layout)); err != nil {
		return nil, err
	}
	image, err := g.ctx.RenderImage(ctx, graph, string(PNG))
	if err != nil {
		return nil, err
	}
	return image, nil
}

func (g *Graphviz) RenderFilename(ctx context.Context, graph *Graph, format Format, path string) (e error) {
	defer func() {
		// fork: keep the layout's own error (a trap), not FreeLayout's
		// on the memory the trap left behind.
		if err := g.ctx.FreeLayout(ctx, graph); err != nil && e == nil {
			e = err
		}
	}()

	if err := g.ctx.Layout(ctx, graph, string(g.layout)); err != nil {
		return err
	}
	if err := g.ctx.RenderFilename(ctx, graph, string(format), path); err != nil {
		return err
	}
	return nil
}

func (g *Graphviz) Graph(option ...GraphOption) (*Graph, error) {
	for _, opt := range option {
		opt(g)
	}
	graph, err := cgraph.Open(g.name, g.dir, nil)
	if err != nil {
		return nil, err
	}
	return graph, nil
}

func SetFileSystem(fs fs.FS) {
	wasm.SetWasmFileSystem(fs)
}

// SetCacheDir sets the folder (which must exist) wazero's compilation
// cache goes in, instead of os.TempDir(); call it before the first use.
// (fork)
func SetCacheDir(dir string) {
	wasm.SetCacheDir(dir)
}

// Fresh replaces the WebAssembly module with a fresh instance of the
// compiled Graphviz, starting it on first use. Every Graphviz and Graph
// made before is invalid after it. A layout in a fresh module does not
// depend on what earlier ones did, and a module closed by a cancelled
// context (the runtime closes on context done) is replaced. (fork)
func Fresh(ctx context.Context) error {
	return wasm.Renew(ctx)
}

// FreshWhole is Fresh with the whole module, also when SetUsedFunctions
// left functions out. (fork)
func FreshWhole(ctx context.Context) error {
	return wasm.RenewWhole(ctx)
}

// SetUsedFunctions makes Fresh instantiate a copy of the module in which
// only the functions with these indices (into the module's code section)
// are compiled; calling any other traps, and LeftOut recognises the
// error. Compiling is most of a cold start, and a program that uses a
// part of Graphviz needs only that part compiled. Call it before the
// first use. (fork)
func SetUsedFunctions(code []int) {
	wasm.SetUsed(code)
}

// LeftOut reports whether err came from a call of a function that
// SetUsedFunctions left out: the same work in FreshWhole's module may
// succeed. (fork)
func LeftOut(err error) bool {
	return wasm.LeftOut(err)
}

// TraceFunctions makes every module the whole one, compiled so that f
// hears the code-section index of each function when it is first called:
// what a program's work calls is what SetUsedFunctions should keep. Call
// it before the first use. (fork)
func TraceFunctions(f func(code int)) {
	wasm.Trace(f)
}
