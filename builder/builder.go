// Package builder is the one pipeline every command runs: it loads the
// model, lays its views out (one cache of scenes, kept between serve's
// rebuilds) and hands the scenes to the site and deck writers. `build`,
// `serve`, `slides` and `diagram` ask it for what they need; cmd/archdoc
// only parses flags, prints and picks the exit status.
package builder

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/archdoc/archdoc/model"
	"github.com/archdoc/archdoc/render"
	"github.com/archdoc/archdoc/render/scene"
	"github.com/archdoc/archdoc/site"
	"github.com/archdoc/archdoc/slides"
)

// StdinFile is the model file name that reads the model from Stdin;
// errors then name it StdinName.
const (
	StdinFile = "-"
	StdinName = "<stdin>"
)

// Builder runs the pipeline for one model file. A Builder is safe for
// one command at a time; serve reuses it for every rebuild.
type Builder struct {
	File  string    // the model; StdinFile reads Stdin
	Stdin io.Reader // os.Stdin when nil
	// Progress, when set, hears how many views are laid out;
	// SlideProgress how many of the deck's are fitted to their slides.
	Progress, SlideProgress func(done, total int)
	// Site are extra options for every site the builder renders (tests).
	Site    []site.Option
	layouts *render.Layouts
}

// New returns a builder for the model in file.
func New(file string, stdin io.Reader) *Builder {
	return &Builder{File: file, Stdin: stdin, layouts: render.NewLayouts()}
}

// LayoutStats says what the last site's layouts did (render.Stats).
func (b *Builder) LayoutStats() render.Stats { return b.layouts.LastStats() }

// UseStore keeps the builder's layouts in s too (see render.Store), so
// that the next process finds them.
func (b *Builder) UseStore(s render.Store) { b.layouts.Store = s }

// Load reads and validates the model. A missing file gets a hint for
// newcomers; model problems come back as model.Errors.
func (b *Builder) Load() (*model.Model, error) {
	if b.File == "" {
		return nil, errors.New("-f needs a file name")
	}
	if b.File != StdinFile {
		if _, err := os.Stat(b.File); errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("%s: no such file; create one with 'archdoc init' or name another with -f FILE", b.File)
		}
	}
	return b.Read()
}

// Read is Load without the hint: model.Load, or for StdinFile
// model.LoadReader, with includes and docs found in the working folder.
func (b *Builder) Read() (*model.Model, error) {
	if b.File != StdinFile {
		return model.Load(b.File)
	}
	in := b.Stdin
	if in == nil {
		in = os.Stdin
	}
	return model.LoadReader(StdinName, in, ".")
}

// Scenes lays out every view of m, and the before and after views of
// its ideas' options; views unchanged since the last call come from the
// cache.
func (b *Builder) Scenes(ctx context.Context, m *model.Model) ([]*scene.Scene, error) {
	b.layouts.Progress = b.Progress
	return b.layouts.ScenesWithOptions(ctx, m)
}

// ScenesOf lays out the views of m with the given ids, in that order.
func (b *Builder) ScenesOf(ctx context.Context, m *model.Model, ids []string) ([]*scene.Scene, error) {
	want := map[string]bool{}
	for _, id := range ids {
		want[id] = true
	}
	b.layouts.Progress = b.Progress
	list, err := b.layouts.ScenesOf(ctx, m, func(id string) bool { return want[id] })
	if err != nil {
		return nil, err
	}
	byID := slides.ByID(list)
	out := make([]*scene.Scene, 0, len(ids))
	for _, id := range ids {
		out = append(out, byID[id])
	}
	return out, nil
}

// Site is a rendered site and what its layout worked around.
type Site struct {
	Files  map[string][]byte // by path in the site
	Report *site.Report
	Scenes []*scene.Scene
}

// Summary says what the layout worked around, e.g. " (2 views at domain
// level)", or "".
func (s *Site) Summary() string { return LayoutSummary(s.Scenes) }

// RenderSite lays out m's views and renders its site, with the HTML deck
// as slides.html, in memory (serve writes it), with extra options.
func (b *Builder) RenderSite(ctx context.Context, m *model.Model, extra ...site.Option) (*Site, error) {
	opts, scenes, stop, err := b.siteOptions(ctx, m)
	if err != nil {
		return nil, err
	}
	defer stop()
	files, rep, err := site.Render(ctx, m, append(opts, extra...)...)
	if err != nil {
		return nil, err
	}
	return &Site{Files: files, Report: rep, Scenes: scenes}, nil
}

// WriteSite renders m's site and writes it to out (see site.Build), with
// extra options (site.WithSince).
func (b *Builder) WriteSite(ctx context.Context, m *model.Model, out string, extra ...site.Option) (*Site, error) {
	opts, scenes, stop, err := b.siteOptions(ctx, m)
	if err != nil {
		return nil, err
	}
	defer stop()
	rep, err := site.Build(ctx, m, out, append(opts, extra...)...)
	if err != nil {
		return nil, err
	}
	return &Site{Report: rep, Scenes: scenes}, nil
}

// siteOptions lays the site's views out, then starts laying out the
// deck's (which reuse them where they fit) while the site's pages render:
// the pages keep the cores busy while the deck's last layouts finish. The
// site waits for the deck when it adds slides.html; stop cancels the deck
// if the site failed first, and waits for it.
func (b *Builder) siteOptions(ctx context.Context, m *model.Model) (opts []site.Option, scenes []*scene.Scene, stop func(), err error) {
	scenes, err = b.Scenes(ctx, m)
	if err != nil {
		return nil, nil, nil, err
	}
	deck, stop := b.startDeck(ctx, m)
	return append([]site.Option{site.WithLateFile("slides.html", deck), site.WithScenes(fixedScenes(scenes))}, b.Site...), scenes, stop, nil
}

func fixedScenes(scenes []*scene.Scene) site.SceneFunc {
	return func(context.Context, *model.Model) ([]*scene.Scene, error) { return scenes, nil }
}

// startDeck lays out m's deck and renders its HTML in the background:
// wait returns it; stop cancels it and waits for it to end.
func (b *Builder) startDeck(ctx context.Context, m *model.Model) (wait func() ([]byte, error), stop func()) {
	deckCtx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	var html []byte
	var err error
	go func() {
		defer close(done)
		html, err = b.deckPage(deckCtx, m)
	}()
	wait = func() ([]byte, error) { <-done; return html, err }
	stop = func() { cancel(); <-done }
	return wait, stop
}

// Deck builds m's deck with its diagrams laid out for the 16:9 slide
// (see slides.Scenes), and returns those scenes by id too.
func (b *Builder) Deck(ctx context.Context, m *model.Model) (*slides.Deck, map[string]*scene.Scene, error) {
	scenes, err := slides.ScenesWith(ctx, b.layouts, m, b.SlideProgress)
	if err != nil {
		return nil, nil, err
	}
	deck, err := slides.Build(m, scenes)
	if err != nil {
		return nil, nil, err
	}
	return deck, scenes, nil
}

// deckPage lays out m's deck and renders it as the site's slides.html.
func (b *Builder) deckPage(ctx context.Context, m *model.Model) ([]byte, error) {
	d, _, err := b.Deck(ctx, m)
	if err != nil {
		return nil, err
	}
	return DeckHTML(m, d)
}

// DeckHTML renders the HTML deck for the site's slides.html: the same
// slides as `archdoc slides`, with element links to the site's pages.
func DeckHTML(m *model.Model, deck *slides.Deck) ([]byte, error) {
	href := func(id string) string {
		if e, ok := m.Element(id); ok {
			return site.PageURL(e)
		}
		return ""
	}
	var buf bytes.Buffer
	if err := slides.WriteHTML(&buf, deck, slides.HTMLOptions{Href: href}); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// ServeSource is what `archdoc serve` rebuilds from: b's model, and its
// site with the deck; the layout cache lives as long as b. After the
// first build the site comes back as soon as its own views are laid
// out, with the last deck as slides.html, and the new deck follows
// (site.Rendered.Later): a deck lays out each changed domain several
// ways to fit a slide, which made every reload wait for it.
func (b *Builder) ServeSource() site.Source { return &serveSource{b: b} }

type serveSource struct {
	b        *Builder
	deck     []byte         // the last deck's HTML; nil before the first build
	drawings *site.Drawings // the diagrams drawn, for the next rebuild
}

func (s *serveSource) Load() (*model.Model, error) { return s.b.Read() }

func (s *serveSource) Render(ctx context.Context, m *model.Model) (*site.Rendered, error) {
	if s.drawings == nil {
		s.drawings = site.NewDrawings()
	}
	if s.deck == nil {
		r, err := s.b.RenderSite(ctx, m, site.WithDrawings(s.drawings))
		if err != nil {
			return nil, err
		}
		s.deck = r.Files["slides.html"]
		return &site.Rendered{Files: r.Files, Report: r.Report, Summary: r.Summary()}, nil
	}
	scenes, err := s.b.Scenes(ctx, m)
	if err != nil {
		return nil, err
	}
	opts := append([]site.Option{site.WithExtraFile("slides.html", s.deck), site.WithScenes(fixedScenes(scenes)),
		site.WithDrawings(s.drawings)}, s.b.Site...)
	files, rep, err := site.Render(ctx, m, opts...)
	if err != nil {
		return nil, err
	}
	// The deck is laid out once the pages are out, not beside them: on
	// two cores its layouts slowed the reload the reader waits for.
	later := func() (map[string][]byte, error) {
		html, err := s.b.deckPage(ctx, m)
		if err != nil {
			return nil, err
		}
		s.deck = html
		return map[string][]byte{"slides.html": html}, nil
	}
	return &site.Rendered{Files: files, Report: rep, Summary: LayoutSummary(scenes), Later: later}, nil
}
