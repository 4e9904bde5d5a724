package main

import (
	"context"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/archdoc/archdoc/site"
)

// buildOptions are the inputs of `archdoc build`.
type buildOptions struct {
	File   string // model file; "-" = standard input
	Out    string // output folder
	Since  string // git revision: add a page of the changes since then
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	Site   []site.Option // extra files (slides) and test hooks
}

func newBuildCmd() *cobra.Command {
	opts := &buildOptions{}
	cmd := &cobra.Command{
		Use:   "build",
		Short: "Write the static site for newcomers",
		Long: `Build writes a complete static site from the model: a home page with the
business diagram and a reading path, one page per domain, module,
technology, flow and doc, the stack, ideas, tasks and a glossary, with
client-side search. It works from file:// and from any static host.

The site is built in a temporary folder and replaces the output folder
only when complete: a model with errors leaves the previous site as it was
and prints every problem as file:line:col: path: message (exit status 1);
Ctrl-C stops the build and removes the unfinished folder.
A build removes only the files the last build wrote (listed in the folder's
.archdoc-site file) and keeps any other, such as a CNAME. It refuses an
output folder that holds the model, an include, a doc or an image.`,
		Example: `  archdoc build
  archdoc build -f examples/shop/architecture.yaml -o public/`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Stdin, opts.Stdout, opts.Stderr = cmd.InOrStdin(), cmd.OutOrStdout(), cmd.ErrOrStderr()
			ctx, stop := untilInterrupted(cmd.Context())
			defer stop()
			return runBuild(ctx, opts)
		},
	}
	addModelFileFlag(cmd, &opts.File)
	cmd.Flags().StringVarP(&opts.Out, "out", "o", "public", "output `folder`")
	cmd.Flags().StringVar(&opts.Since, "since", "", "add a page of what changed since git `revision` REV, linked from the home page")
	return cmd
}

func runBuild(ctx context.Context, opts *buildOptions) error {
	start := time.Now()
	b := newBuilder(opts.File, opts.Stdin)
	b.Site = opts.Site
	m, err := loadWith(b)
	if err != nil {
		return err
	}
	// site.Build checks this too; here it fails before any layout work.
	if err := site.Inputs(m).CheckDir(opts.Out); err != nil {
		return err
	}
	if err := site.CheckOutDir(opts.Out); err != nil {
		return err
	}
	var extra []site.Option
	if opts.Since != "" { // the model at --since, before any layout work
		old, err := modelAt(ctx, opts.File, opts.Since)
		if err != nil {
			return err
		}
		extra = append(extra, site.WithSince(opts.Since, old))
	}
	progress := showProgress(b, opts.Stderr)
	res, err := b.WriteSite(ctx, m, opts.Out, extra...)
	progress.Done()
	if err != nil {
		return err
	}
	rep := res.Report
	for _, w := range rep.Warnings {
		fmt.Fprintf(opts.Stderr, "warning: %s\n", w)
	}
	fmt.Fprintf(opts.Stdout, "%s: %d pages, %d diagrams%s in %s%s\n", opts.Out, rep.Pages, rep.Diagrams,
		res.Summary(), roundDuration(time.Since(start)), fromCache(b.LayoutStats()))
	if len(rep.Kept) > 0 {
		fmt.Fprintf(opts.Stdout, "%s: kept %s, not written by archdoc\n", opts.Out, strings.Join(rep.Kept, ", "))
	}
	if index, err := filepath.Abs(filepath.Join(opts.Out, "index.html")); err == nil {
		fmt.Fprintf(opts.Stdout, "open %s\n", (&url.URL{Scheme: "file", Path: filepath.ToSlash(index)}).String())
	}
	return nil
}

// roundDuration keeps a timing readable: 1.234s, 87ms.
func roundDuration(d time.Duration) time.Duration {
	if d > time.Second {
		return d.Round(10 * time.Millisecond)
	}
	return d.Round(time.Millisecond)
}
