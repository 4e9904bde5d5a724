// Package site turns a model into a static website for newcomers: one
// page per domain, module, technology, flow and doc, the diagrams inline,
// a client-side search index and a reading path. The site works from
// file:// and under any sub-path: every link is relative and every asset
// is embedded in the binary (package templates).
package site

import (
	"context"
	"fmt"
	"maps"
	"path"
	"slices"
	"sort"
	"strings"

	"github.com/archdoc/archdoc/model"
	"github.com/archdoc/archdoc/render/scene"
)

// Report says what a build wrote.
type Report struct {
	Pages    int      // HTML pages
	Diagrams int      // diagrams drawn into pages
	Files    int      // every file, assets included
	Warnings []string // problems worked around (unresolved links, layout fallbacks)
	Kept     []string // files in the output folder archdoc did not write, kept (CNAME)
}

// SceneFunc lays out the model's views (see render.Scenes).
type SceneFunc func(ctx context.Context, m *model.Model) ([]*scene.Scene, error)

// Option changes how Build works.
type Option func(*config)

type config struct {
	extra  map[string]func() ([]byte, error) // WithExtraFile, WithLateFile
	scenes SceneFunc
	since  *since // WithSince: the model at an earlier revision
	// workers renders that many pages at once; 0: one per core.
	workers  int
	drawings *Drawings // WithDrawings; nil: every diagram is drawn
}

// WithExtraFile adds a file to the site at name (a slash-separated path
// relative to the site root, e.g. "slides.html"). The slides package uses
// it; a top-level "slides.html" also gets a link in the site's menu.
// Build fails if name is unsafe or clashes with a page of the site.
func WithExtraFile(name string, data []byte) Option {
	return WithLateFile(name, func() ([]byte, error) { return data, nil })
}

// WithLateFile is WithExtraFile with content that is still being made:
// Render calls make once, after rendering the pages, so the caller can
// make it (lay a deck out) while the pages render. An error from make
// fails the build.
func WithLateFile(name string, make func() ([]byte, error)) Option {
	return func(c *config) {
		if c.extra == nil {
			c.extra = map[string]func() ([]byte, error){}
		}
		c.extra[name] = make
	}
}

// WithScenes replaces the layout step (render.Scenes by default), e.g.
// with pre-computed scenes or, in tests, none at all.
func WithScenes(f SceneFunc) Option {
	return func(c *config) { c.scenes = f }
}

// Build writes the site for m into outDir. Each file goes into a fresh
// folder next to outDir as soon as it is made, and that folder replaces
// outDir only when complete: a failed build leaves the previous site
// exactly as it was. Problems with the model (a doc file that cannot be
// read) come back as model.Errors with positions. Build refuses an
// outDir that holds the model, an include, a doc or an image it reads,
// and keeps the files in outDir that the last build did not write.
func Build(ctx context.Context, m *model.Model, outDir string, opts ...Option) (*Report, error) {
	if err := Inputs(m).CheckDir(outDir); err != nil {
		return nil, err
	}
	dest, err := startSite(outDir)
	if err != nil {
		return nil, err
	}
	rep, err := buildInto(ctx, m, dest, opts...)
	if err != nil {
		dest.abort()
		return nil, err
	}
	if rep.Kept, err = dest.finish(); err != nil {
		return nil, err
	}
	return rep, nil
}

// Render builds the site in memory: file path (slash-separated, relative
// to the site root) to content, the files Build writes.
func Render(ctx context.Context, m *model.Model, opts ...Option) (map[string][]byte, *Report, error) {
	out := newMemOutput()
	rep, err := buildInto(ctx, m, out, opts...)
	if err != nil {
		return nil, nil, err
	}
	return out.files, rep, nil
}

// buildInto builds the site into out.
func buildInto(ctx context.Context, m *model.Model, out output, opts ...Option) (*Report, error) {
	cfg := config{scenes: defaultScenes}
	for _, o := range opts {
		o(&cfg)
	}
	var scenes []*scene.Scene
	if cfg.scenes != nil {
		var err error
		if scenes, err = cfg.scenes(ctx, m); err != nil {
			return nil, err
		}
	}
	if cfg.since != nil && cfg.scenes != nil {
		more, err := cfg.since.scenes(ctx, m)
		if err != nil {
			return nil, err
		}
		scenes = append(scenes, more...)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	b, err := newBuilder(m, scenes, cfg, out)
	if err != nil {
		return nil, err
	}
	if cfg.drawings != nil {
		cfg.drawings.begin()
	}
	if err := b.build(); err != nil {
		return nil, err
	}
	for _, name := range slices.Sorted(maps.Keys(cfg.extra)) {
		clean, err := extraPath(name)
		if err != nil {
			return nil, err
		}
		if out.has(clean) {
			return nil, fmt.Errorf("extra file %q clashes with a page of the site", name)
		}
		data, err := cfg.extra[name]()
		if err != nil {
			return nil, err
		}
		out.put(clean, data)
	}
	b.report.Files = out.len()
	b.report.Warnings = sortedUnique(b.report.Warnings)
	return b.report, nil
}

// extraPath checks a WithExtraFile name: relative, no "..", no backslash.
func extraPath(name string) (string, error) {
	clean := path.Clean(name)
	if name == "" || path.IsAbs(clean) || clean == "." || strings.HasPrefix(clean, "../") || clean == ".." ||
		strings.ContainsAny(name, "\\\x00") || strings.HasPrefix(path.Base(clean), ".") {
		return "", fmt.Errorf("extra file name %q: want a relative path inside the site", name)
	}
	return clean, nil
}

func sortedUnique(list []string) []string {
	// Sorted by what they are about (the text before ": ", a view id or
	// a page), keeping each one's own order: a view's "drawn at domain
	// level" line comes before the lines that detail it. Each subject's
	// warnings are added by one goroutine, so the order is stable.
	subject := func(w string) string { s, _, _ := strings.Cut(w, ": "); return s }
	sort.SliceStable(list, func(a, b int) bool { return subject(list[a]) < subject(list[b]) })
	seen := map[string]bool{}
	out := list[:0]
	for _, w := range list {
		if !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	return out
}
