// Package drawio imports draw.io / diagrams.net diagrams into an
// architecture model: UML actors become actors, boxes holding other
// boxes become domains, the boxes inside them modules, labelled arrows
// flows and free text notes. The input is untrusted: sizes, nesting and
// element counts are bounded and bad files end in an error, not a panic.
package drawio

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"

	"github.com/archdoc/archdoc/internal/lazyre"
	"github.com/archdoc/archdoc/interop/internal/words"
	"github.com/archdoc/archdoc/interop/internal/yamlout"
	"github.com/archdoc/archdoc/model"
)

// Options control an import.
type Options struct {
	// Page picks the page to import by name or 1-based index; "" is the first.
	Page string
	// Name names the model; "" takes the page's name, or for a page
	// with only a default name ("Page-1") Source's base name.
	Name string
	// Source is the input's file name, quoted in the generated file's header.
	Source string
	Limits Limits
}

// Result is an imported model, its commented YAML and what was done.
type Result struct {
	Model   *model.Model
	YAML    []byte
	Summary Summary
}

// Summary counts what an import produced.
type Summary struct {
	Page      string // name of the imported page
	PageIndex int    // 1-based
	Pages     int
	Actors    int
	Domains   int // including sub-domains
	Modules   int
	Flows     int
	Notes     int
	Skipped   []string // "draw.io <id>: why", also kept as comments in the YAML
}

func (s Summary) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "imported page %q (%d of %d): %s, %s, %s, %s, %s, %d skipped\n",
		s.Page, s.PageIndex, s.Pages, words.Count(s.Actors, "actor", "actors"), words.Count(s.Domains, "domain", "domains"),
		words.Count(s.Modules, "module", "modules"), words.Count(s.Flows, "flow", "flows"),
		words.Count(s.Notes, "note", "notes"), len(s.Skipped))
	for _, sk := range s.Skipped {
		fmt.Fprintf(&b, "  skipped %s\n", sk)
	}
	if s.Pages > 1 {
		fmt.Fprintf(&b, "  the file has %d pages; choose another with --page NAME|INDEX\n", s.Pages)
	}
	return b.String()
}

// page is one <diagram>: its name and either its graph model or its
// compressed body, inflated only when the page is chosen.
type page struct {
	name       string
	graph      *xnode
	compressed string
}

// Decode reads a draw.io file (mxfile, compressed or not; a bare
// mxGraphModel; a .drawio.svg or .drawio.png) and imports one page of it.
func Decode(r io.Reader, opts Options) (*Result, error) {
	lim := opts.Limits.withDefaults()
	data, err := readLimited(r, lim.MaxBytes)
	if err != nil {
		return nil, err
	}
	if bytes.HasPrefix(data, pngSignature) {
		if data, err = pngDiagram(data, lim); err != nil {
			return nil, err
		}
	}
	root, err := parseXML(data, lim)
	if err != nil {
		return nil, err
	}
	pages, err := pagesOf(root, lim)
	if err != nil {
		return nil, err
	}
	idx, err := pickPage(pages, opts.Page)
	if err != nil {
		return nil, err
	}
	pg := pages[idx]
	graph, err := pg.load(lim)
	if err != nil {
		return nil, fmt.Errorf("page %q: %w", pg.name, err)
	}
	cells, err := readCells(graph)
	if err != nil {
		return nil, fmt.Errorf("page %q: %w", pg.name, err)
	}
	a, err := analyse(cells, lim)
	if err != nil {
		return nil, fmt.Errorf("page %q: %w", pg.name, err)
	}
	name := modelName(pg.name, opts)
	b := build(a, name)
	if len(b.actors)+len(b.domains)+len(b.flows)+len(b.notes) == 0 {
		return nil, emptyPage(pg.name, len(cells), b.skipped)
	}
	m, cm := b.toModel(name)
	m.Language = guessLanguage(m)
	sum := b.summary(pg.name, idx+1, len(pages))
	out, err := yamlout.Encode(m, cm.Comments, header(opts.Source, sum), footer(b.skipped))
	if err != nil {
		return nil, err
	}
	return &Result{Model: m, YAML: out, Summary: sum}, nil
}

// emptyPage is the error for a page with nothing to import: an empty
// model written with exit 0 would look like success.
func emptyPage(name string, cells int, skipped []string) error {
	msg := fmt.Sprintf("page %q: nothing to import: none of its %s is a shape, text or arrow archdoc reads"+
		" (actors, boxes, containers, labelled text, arrows between them)", name, words.Count(cells, "cell", "cells"))
	for _, s := range skipped {
		msg += "\n  skipped " + s
	}
	return errors.New(msg)
}

func pagesOf(root *xnode, lim Limits) ([]page, error) {
	switch root.name {
	case "mxfile":
		var ps []page
		for _, d := range root.children {
			if d.name == "diagram" {
				ps = append(ps, diagramPage(d, len(ps)))
			}
		}
		if len(ps) == 0 {
			return nil, errors.New("draw.io file has no pages (<diagram> elements)")
		}
		return ps, nil
	case "diagram":
		return []page{diagramPage(root, 0)}, nil
	case "mxGraphModel":
		return []page{{name: "Page-1", graph: root}}, nil
	case "svg":
		// .drawio.svg keeps the whole mxfile in the content attribute.
		if c := root.attr("content"); c != "" {
			inner, err := parseXML([]byte(c), lim)
			if err != nil {
				return nil, fmt.Errorf("SVG content attribute: %w", err)
			}
			if inner.name != "svg" {
				return pagesOf(inner, lim)
			}
		}
		return nil, errors.New("SVG file without an embedded draw.io diagram")
	}
	return nil, fmt.Errorf("not a draw.io file: root element is <%s>, want <mxfile> or <mxGraphModel>", root.name)
}

func diagramPage(d *xnode, i int) page {
	name := d.attr("name")
	if name == "" {
		name = fmt.Sprintf("Page-%d", i+1)
	}
	return page{name: name, graph: d.child("mxGraphModel"), compressed: strings.TrimSpace(d.text.String())}
}

func (p page) load(lim Limits) (*xnode, error) {
	if p.graph != nil {
		return p.graph, nil
	}
	if p.compressed == "" {
		return nil, errors.New("empty page")
	}
	xmlData, err := inflatePage(p.compressed, lim)
	if err != nil {
		return nil, err
	}
	n, err := parseXML(xmlData, lim)
	if err != nil {
		return nil, fmt.Errorf("compressed content: %w", err)
	}
	if n.name != "mxGraphModel" {
		return nil, fmt.Errorf("compressed content is <%s>, want <mxGraphModel>", n.name)
	}
	return n, nil
}

// pickPage finds a page by exact name, else by 1-based index.
func pickPage(ps []page, want string) (int, error) {
	if want == "" {
		return 0, nil
	}
	for i, p := range ps {
		if p.name == want {
			return i, nil
		}
	}
	if n, err := strconv.Atoi(want); err == nil && n >= 1 && n <= len(ps) {
		return n - 1, nil
	}
	names := make([]string, len(ps))
	for i, p := range ps {
		names[i] = fmt.Sprintf("%d %q", i+1, p.name)
	}
	return 0, fmt.Errorf("no page %q; pages: %s", want, strings.Join(names, ", "))
}

var defaultPageName = lazyre.New(`^(Page-\d+|第\s*\d+\s*页|)$`)

func modelName(pageName string, opts Options) string {
	switch {
	case opts.Name != "":
		return opts.Name
	case !defaultPageName().MatchString(pageName):
		return pageName
	case opts.Source != "":
		base := path.Base(strings.ReplaceAll(opts.Source, "\\", "/"))
		for _, ext := range []string{".svg", ".xml", ".drawio"} {
			base = strings.TrimSuffix(base, ext)
		}
		if base != "" && base != "." {
			return base
		}
	}
	return "Imported diagram"
}

func (b *builder) summary(name string, idx, n int) Summary {
	s := Summary{Page: name, PageIndex: idx, Pages: n, Actors: len(b.actors),
		Flows: len(b.flows), Notes: len(b.notes), Skipped: b.skipped}
	var walk func(ds []*domainOut)
	walk = func(ds []*domainOut) {
		for _, d := range ds {
			s.Domains++
			s.Modules += len(d.modules)
			walk(d.subs)
		}
	}
	walk(b.domains)
	return s
}

func header(source string, s Summary) []string {
	from := "a draw.io diagram"
	if source != "" {
		from = source
	}
	return []string{
		"",
		fmt.Sprintf("Imported by `archdoc import drawio` from %s, page %q (%d of %d).", from, s.Page, s.PageIndex, s.Pages),
		"Ids come from the labels; Chinese labels get a stable hashed id (a-/d-/m- and 6 hex",
		"digits): rename them freely, but change every reference too. The comment after each",
		"id is the draw.io id of the shape it came from.",
	}
}

func footer(skipped []string) []string {
	if len(skipped) == 0 {
		return nil
	}
	out := []string{"Not imported:"}
	for _, s := range skipped {
		out = append(out, "  "+s)
	}
	return out
}
