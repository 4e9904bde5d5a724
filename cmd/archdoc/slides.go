package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/archdoc/archdoc/internal/chrome"
	"github.com/archdoc/archdoc/internal/outpath"
	"github.com/archdoc/archdoc/render/pptx"
	"github.com/archdoc/archdoc/render/scene"
	"github.com/archdoc/archdoc/site"
	"github.com/archdoc/archdoc/slides"
)

// slidesOptions are the inputs of `archdoc slides`.
type slidesOptions struct {
	File   string // model file; "-" = standard input
	Format string // html, pdf, pptx or md; "" = from -o's extension, else html
	Out    string // file, or "-" for standard output; "" = slides.<ext>
	Chrome string // PDF: browser binary
	// Template is a .pptx or .potx whose masters, layouts and theme the
	// PPTX uses.
	Template string
	Stdin    io.Reader
	Stdout   io.Writer
	Stderr   io.Writer
}

// slidesFormats maps each --format to its file extension.
var slidesFormats = map[string]string{"html": ".html", "pdf": ".pdf", "pptx": ".pptx", "md": ".md"}

// pdfTimeout bounds the browser so a stuck Chromium cannot hang archdoc.
const pdfTimeout = 2 * time.Minute

func newSlidesCmd() *cobra.Command {
	opts := &slidesOptions{}
	cmd := &cobra.Command{
		Use:   "slides",
		Short: "Write the architecture talk as HTML, PDF, PPTX or Marp Markdown slides",
		Long: `Slides turns the model into a talk: title, business diagram, a slide per
domain, the stack and a slide per key technology, data flows, your ideas,
your tasks (situation, task, action, result), implementation highlights and
a glossary. The model's presentation: section picks, reorders and skips
sections, adds slides, speaker notes and a time budget.

Formats:
  html  one self-contained file (works offline): arrows, space, click or
        swipe to move, o for the overview, p for the presenter window
  pdf   printed by a headless Chromium or Chrome (--chrome or $ARCHDOC_CHROME)
  pptx  PowerPoint with editable text, notes and diagrams as shapes
  md    Marp Markdown, diagrams written to diagrams/ next to it

Without --format the format follows -o's extension (html when it has
none); without -o the deck goes to slides.<ext>. -o - writes it to
standard output.`,
		Example: `  archdoc slides
  archdoc slides --format pdf
  archdoc slides -o talk.pptx
  archdoc slides -o talk.pptx --template company.potx
  archdoc slides --format md -o deck/talk.md`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := resolveSlidesFormat(opts); err != nil {
				return usageErrorf(cmd.CommandPath(), "%v", err)
			}
			opts.Stdin, opts.Stdout, opts.Stderr = cmd.InOrStdin(), cmd.OutOrStdout(), cmd.ErrOrStderr()
			return runSlides(cmd.Context(), opts)
		},
	}
	addModelFileFlag(cmd, &opts.File)
	cmd.Flags().StringVar(&opts.Format, "format", "", "output `format`: html, pdf, pptx or md (default: from -o, else html)")
	cmd.Flags().StringVarP(&opts.Out, "out", "o", "", "output `file`, or - for standard output (default \"slides.<ext>\")")
	completeFlagValues(cmd, "format", "html", "pdf", "pptx", "md")
	cmd.Flags().StringVar(&opts.Template, "template", "", "PPTX: company template `file` (.pptx or .potx) whose masters, layouts and theme the deck uses")
	cmd.Flags().StringVar(&opts.Chrome, "chrome", "", "PDF: Chromium or Chrome `binary` (default: $ARCHDOC_CHROME, then PATH and the usual places)")
	return cmd
}

// resolveSlidesFormat settles the format and the output path.
// A deck is never written under an extension that says another format
// (talk.pdf holding HTML), nor guessed from one archdoc does not know.
func resolveSlidesFormat(opts *slidesOptions) error {
	outExt := ""
	if opts.Out != "-" {
		outExt = strings.ToLower(filepath.Ext(opts.Out))
	}
	outFormat := ""
	for f, e := range slidesFormats {
		if e == outExt {
			outFormat = f
		}
	}
	if opts.Format == "" {
		switch {
		case outFormat != "":
			opts.Format = outFormat
		case outExt == "":
			opts.Format = "html"
		default:
			return fmt.Errorf("cannot tell the format from -o %s: end it in .html, .pdf, .pptx or .md, or give --format", opts.Out)
		}
	}
	ext, ok := slidesFormats[opts.Format]
	if !ok {
		return fmt.Errorf("--format must be html, pdf, pptx or md, not %q", opts.Format)
	}
	if outFormat != "" && outFormat != opts.Format {
		return fmt.Errorf("-o %s does not end in %s, the extension of --format %s", opts.Out, ext, opts.Format)
	}
	if opts.Out == "" {
		opts.Out = "slides" + ext
	}
	if opts.Out == "-" && opts.Format == "md" {
		return fmt.Errorf("--format md writes diagram files next to the Markdown; give -o FILE.md, not -")
	}
	if opts.Template != "" && opts.Format != "pptx" {
		return fmt.Errorf("--template is for --format pptx, not %s", opts.Format)
	}
	return nil
}

func runSlides(ctx context.Context, opts *slidesOptions) error {
	if ctx == nil {
		ctx = context.Background()
	}
	if opts.Format == "pdf" {
		// Fail fast, before any layout work, when there is no browser.
		if _, err := chrome.Find(opts.Chrome); err != nil {
			return fmt.Errorf("PDF needs a Chromium or Chrome: %w", err)
		}
	}
	b := newBuilder(opts.File, opts.Stdin)
	m, err := loadWith(b)
	if err != nil {
		return err
	}
	inputs := site.Inputs(m)
	if opts.Template != "" {
		inputs.Add("the PPTX template", opts.Template)
	}
	if opts.Out != "-" { // checked again with the diagram files when written
		if err := inputs.CheckFile(opts.Out); err != nil {
			return err
		}
	}
	progress := showProgress(b, opts.Stderr)
	deck, scenes, err := b.Deck(ctx, m)
	progress.Done()
	if err != nil {
		return err
	}
	warnScenes(opts.Stderr, scenes)
	files, err := renderDeck(ctx, opts, deck)
	if err != nil {
		return err
	}
	return writeSlideFiles(opts, files, inputs)
}

// renderDeck returns the output files by path ("" = standard output).
func renderDeck(ctx context.Context, opts *slidesOptions, deck *slides.Deck) (map[string][]byte, error) {
	var b bytes.Buffer
	out := opts.Out
	if out == "-" {
		out = ""
	}
	switch opts.Format {
	case "html":
		if err := slides.WriteHTML(&b, deck, slides.HTMLOptions{}); err != nil {
			return nil, err
		}
	case "pptx":
		if err := writePPTX(&b, opts, deck); err != nil {
			return nil, err
		}
	case "pdf":
		ctx, cancel := context.WithTimeout(ctx, pdfTimeout)
		defer cancel()
		if err := slides.WritePDF(ctx, &b, deck, slides.PDFOptions{Chrome: opts.Chrome}); err != nil {
			return nil, err
		}
	case "md":
		md, extra, err := slides.Markdown(deck)
		if err != nil {
			return nil, err
		}
		files := map[string][]byte{out: md}
		dir := filepath.Dir(out)
		for rel, data := range extra {
			files[filepath.Join(dir, filepath.FromSlash(path.Clean(rel)))] = data
		}
		return files, nil
	}
	return map[string][]byte{out: b.Bytes()}, nil
}

// writePPTX writes the deck, on the --template when there is one; what
// the template lacks is said on standard error.
func writePPTX(w io.Writer, opts *slidesOptions, deck *slides.Deck) error {
	if opts.Template == "" {
		return slides.WritePPTX(w, deck)
	}
	data, err := os.ReadFile(opts.Template)
	if err != nil {
		return fmt.Errorf("--template: %w", err)
	}
	t, warnings, err := pptx.ReadTemplate(data)
	if err != nil {
		return fmt.Errorf("--template %s: %w", opts.Template, err)
	}
	for _, w := range warnings {
		fmt.Fprintf(opts.Stderr, "warning: --template %s: %s\n", opts.Template, w)
	}
	return slides.WritePPTXTemplate(w, deck, t)
}

// writeSlideFiles writes every file or none, the deck itself last, and
// names each on standard output. None may replace a file the model read.
func writeSlideFiles(opts *slidesOptions, files map[string][]byte, inputs *outpath.Inputs) error {
	var paths []string
	for p := range files {
		if p != opts.Out {
			paths = append(paths, p)
		}
	}
	sort.Strings(paths)
	paths = append(paths, opts.Out)
	var out []outpath.File
	for _, p := range paths {
		if p == "" || p == "-" {
			if _, err := opts.Stdout.Write(files[""]); err != nil {
				return err
			}
			continue
		}
		out = append(out, outpath.File{Path: p, Data: files[p]})
	}
	// All or nothing: a Marp deck never points at diagrams left half old.
	if err := outpath.WriteAtomic(inputs, out...); err != nil {
		return err
	}
	for _, f := range out {
		fmt.Fprintln(opts.Stdout, filepath.ToSlash(f.Path))
	}
	return nil
}

func warnScenes(w io.Writer, scenes map[string]*scene.Scene) {
	ids := make([]string, 0, len(scenes))
	for id := range scenes {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		for _, warn := range scenes[id].Warnings {
			fmt.Fprintf(w, "warning: %s: %s\n", id, warn)
		}
	}
}
