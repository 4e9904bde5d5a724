package main

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/archdoc/archdoc/builder"
	"github.com/archdoc/archdoc/internal/inputfile"
	"github.com/archdoc/archdoc/model"
	"github.com/archdoc/archdoc/render/view"
	"github.com/archdoc/archdoc/site"
)

// diagramOptions are the inputs of `archdoc diagram`.
type diagramOptions struct {
	File   string   // model file; "-" = standard input
	Views  []string // view ids; none = every view
	Format string   // svg, png, dot, mermaid or drawio
	Out    string   // folder, file, or "-" for stdout; "" = default folder
	List   bool     // print the views instead of drawing
	Font   string   // PNG: font file for CJK text
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
}

// diagramFormats are the formats diagram draws (see builder.Draw).
var diagramFormats = builder.DiagramFormats

// defaultDiagramDir is where diagrams go without -o.
const defaultDiagramDir = "diagrams"

func newDiagramCmd() *cobra.Command {
	opts := &diagramOptions{}
	cmd := &cobra.Command{
		Use:   "diagram [VIEW...]",
		Short: "Draw the model's views as SVG, PNG, DOT, Mermaid or draw.io",
		Long: `Diagram lays out views of the model and writes them in one format.

Without VIEW it draws every view (list them with --list) into the folder
diagrams/, one file per view named after its id: diagrams/business.svg,
diagrams/domain/<id>.svg, diagrams/module/<id>.svg, diagrams/flow/<id>.svg,
diagrams/view/<id>.svg. -o names another folder; with one view, -o may name
the file itself (ending in the format's extension), and -o - writes it to
standard output. --format drawio puts all the views into one .drawio file,
one page per view, that opens and stays editable in diagrams.net.

PNG draws Latin with Go's own font and Chinese, Japanese and Korean with an
installed CJK font (or --font FILE). Text neither font has (emoji, Arabic,
Hebrew ...) comes out as empty boxes, and right-to-left text is drawn left
to right; a warning on stderr names such text (SVG shows all of it).

Files are replaced only once every view has been drawn.

Exit status: 0 ok, 1 the model has problems or a VIEW does not exist (the
message lists the views), 2 usage error.`,
		Example: `  archdoc diagram --list
  archdoc diagram
  archdoc diagram business -o business.png --format png
  archdoc diagram business --format mermaid -o -
  archdoc diagram --format drawio -o architecture.drawio`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if _, ok := diagramFormats[opts.Format]; !ok {
				return usageErrorf(cmd.CommandPath(), "--format must be svg, png, dot, mermaid or drawio, not %q", opts.Format)
			}
			if opts.List && len(args) > 0 {
				return usageErrorf(cmd.CommandPath(), "--list takes no VIEW")
			}
			opts.Views = args
			opts.Stdin, opts.Stdout, opts.Stderr = cmd.InOrStdin(), cmd.OutOrStdout(), cmd.ErrOrStderr()
			return runDiagram(cmd.Context(), opts)
		},
	}
	addModelFileFlag(cmd, &opts.File)
	cmd.Flags().StringVar(&opts.Format, "format", "svg", "output `format`: svg, png, dot, mermaid or drawio")
	cmd.Flags().StringVarP(&opts.Out, "out", "o", "", "output `PATH`: a folder, a file (one view), or - for standard output (default \"diagrams\")")
	cmd.Flags().BoolVar(&opts.List, "list", false, "list the views (id and title) and exit")
	cmd.Flags().StringVar(&opts.Font, "font", "", "PNG: font `FILE` for Chinese and other non-Latin text (default: an installed CJK font)")
	completeFlagValues(cmd, "format", "svg", "png", "dot", "mermaid", "drawio")
	cmd.ValidArgsFunction = completeViews(&opts.File)
	return cmd
}

func runDiagram(ctx context.Context, opts *diagramOptions) error {
	if err := checkFont(opts); err != nil {
		return err
	}
	b := newBuilder(opts.File, opts.Stdin)
	m, err := loadWith(b)
	if err != nil {
		return err
	}
	if opts.List {
		return listViews(opts.Stdout, m)
	}
	ids, err := selectViews(m, opts.Views)
	if err != nil {
		return err
	}
	plan, err := planOutput(opts, ids)
	if err != nil {
		return err
	}
	progress := showProgress(b, opts.Stderr)
	scenes, err := b.ScenesOf(ctx, m, ids)
	progress.Done()
	if err != nil {
		return err
	}
	for _, s := range scenes {
		for _, w := range s.Warnings {
			fmt.Fprintf(opts.Stderr, "warning: %s: %s\n", s.ID, w)
		}
	}
	files, err := drawDiagrams(opts, plan, scenes)
	if err != nil {
		return err
	}
	return writeDiagrams(opts, files, site.Inputs(m))
}

// checkFont fails before any layout work when --font names no font file
// at all: missing, a folder, or a named pipe that would block the PNG
// renderer. Whether the file is a usable font the renderer says.
func checkFont(opts *diagramOptions) error {
	if opts.Font == "" || opts.Format != "png" || opts.List {
		return nil
	}
	f, err := inputfile.Open(opts.Font)
	if err != nil {
		return inputfile.Errorf("--font "+opts.Font, err)
	}
	return f.Close()
}

// listViews prints every view's id and title, aligned.
func listViews(w io.Writer, m *model.Model) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, v := range view.All(m) {
		fmt.Fprintf(tw, "%s\t%s\n", v.ID, v.Title)
	}
	return tw.Flush()
}

// selectViews checks the requested ids (all unknown ones reported at
// once) or returns every view's id.
func selectViews(m *model.Model, requested []string) ([]string, error) {
	all := view.IDs(m)
	if len(requested) == 0 {
		return all, nil
	}
	known := map[string]bool{}
	for _, id := range all {
		known[id] = true
	}
	var unknown []string
	seen := map[string]bool{}
	var ids []string
	for _, id := range requested {
		id = strings.TrimSuffix(id, "/")
		if !known[id] {
			unknown = append(unknown, id)
			continue
		}
		if !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	if len(unknown) > 0 {
		return nil, unknownViews(unknown, all)
	}
	return ids, nil
}

// unknownViews says which requested views do not exist, with the likely
// one for a typo, and lists the views when they fit on a screen.
func unknownViews(unknown, all []string) error {
	var named []string
	for _, id := range unknown {
		kind, name := splitView(id)
		var names []string
		for _, v := range all {
			if k, n := splitView(v); k == kind {
				names = append(names, n)
			}
		}
		hint := model.DidYouMean(name, names) // a typo is in the name, not the kind
		if kind != "" {
			hint = strings.Replace(hint, `"`, `"`+kind+"/", 1)
		}
		named = append(named, strconv.Quote(id)+hint)
	}
	msg := "no view " + strings.Join(named, ", ")
	if len(all) > maxListedViews {
		return fmt.Errorf("%s; 'archdoc diagram --list' names all %d views", msg, len(all))
	}
	return fmt.Errorf("%s; the views are:\n  %s", msg, strings.Join(all, "\n  "))
}

// splitView splits "module/wallet" into its kind and name; the overviews
// ("business") have no kind.
func splitView(id string) (kind, name string) {
	if k, n, ok := strings.Cut(id, "/"); ok {
		return k, n
	}
	return "", id
}

// maxListedViews is how many view ids an error lists before it points to
// --list instead.
const maxListedViews = 30
