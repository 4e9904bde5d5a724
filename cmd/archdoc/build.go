package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/spf13/cobra"

	"github.com/archdoc/archdoc/site"
)

// buildOptions are the inputs of `archdoc build`.
type buildOptions struct {
	File   string // model file
	Out    string // output folder
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
and prints every problem as file:line:col: path: message (exit status 1).`,
		Example: `  archdoc build
  archdoc build -f examples/shop/architecture.yaml -o public/`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Stdout, opts.Stderr = cmd.OutOrStdout(), cmd.ErrOrStderr()
			return runBuild(cmd.Context(), opts)
		},
	}
	addModelFileFlag(cmd, &opts.File)
	cmd.Flags().StringVarP(&opts.Out, "out", "o", "public", "output `folder`")
	return cmd
}

func runBuild(ctx context.Context, opts *buildOptions) error {
	start := time.Now()
	m, err := loadModel(opts.File)
	if err != nil {
		return err
	}
	deck, err := siteDeck(ctx, m)
	if err != nil {
		return err
	}
	siteOpts := append([]site.Option{site.WithExtraFile("slides.html", deck)}, opts.Site...)
	rep, err := site.Build(ctx, m, opts.Out, siteOpts...)
	if err != nil {
		return err
	}
	for _, w := range rep.Warnings {
		fmt.Fprintf(opts.Stderr, "warning: %s\n", w)
	}
	fmt.Fprintf(opts.Stdout, "%s: %d pages, %d diagrams in %s\n", opts.Out, rep.Pages, rep.Diagrams, roundDuration(time.Since(start)))
	return nil
}

// roundDuration keeps a timing readable: 1.234s, 87ms.
func roundDuration(d time.Duration) time.Duration {
	if d > time.Second {
		return d.Round(10 * time.Millisecond)
	}
	return d.Round(time.Millisecond)
}
