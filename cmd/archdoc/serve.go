package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/archdoc/archdoc/site"
)

// serveOptions are the inputs of `archdoc serve`.
type serveOptions struct {
	File   string
	Port   int
	Stdout io.Writer
	Stderr io.Writer
}

func newServeCmd() *cobra.Command {
	opts := &serveOptions{}
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Preview the site, rebuilding and reloading on every save",
		Long: `Serve builds the site, serves it on http://127.0.0.1:PORT/ (this machine
only) and watches the model, its includes and its docs. On every save it
rebuilds and open pages reload; while the model has errors, every page
shows them with their positions until they are fixed. Stop it with Ctrl-C.`,
		Example: `  archdoc serve
  archdoc serve -f examples/shop/architecture.yaml --port 9000`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.Port < 0 || opts.Port > 65535 {
				return usageErrorf(cmd.CommandPath(), "--port must be between 0 and 65535, not %d", opts.Port)
			}
			if opts.File == stdinFile {
				return usageErrorf(cmd.CommandPath(), "serve rebuilds when the model file changes; standard input (-f -) cannot change: name a file")
			}
			opts.Stdout, opts.Stderr = cmd.OutOrStdout(), cmd.ErrOrStderr()
			ctx, stop := untilInterrupted(cmd.Context())
			defer stop()
			return runServe(ctx, opts)
		},
	}
	addModelFileFlag(cmd, &opts.File)
	cmd.Flags().IntVar(&opts.Port, "port", 8080, "`port` to listen on (127.0.0.1 only; 0 picks a free one)")
	return cmd
}

func runServe(ctx context.Context, opts *serveOptions) error {
	// A model that does not exist yet, or is not a file (a folder, a named
	// pipe), is a mistake worth stopping for; a broken one is not: serve
	// shows its errors until it is fixed.
	if info, err := os.Stat(opts.File); err != nil || !info.Mode().IsRegular() {
		if _, err := loadModel(opts.File, nil); err != nil {
			return err
		}
	}
	// The first build of a large model takes a while before anything is
	// served: it shows progress as build does; the rebuilds do not.
	b := newBuilder(opts.File, nil)
	progress := showProgress(b, opts.Stderr)
	defer progress.Done()
	return site.Serve(ctx, site.ServeOptions{
		ModelPath: opts.File,
		Port:      opts.Port,
		// Layouts are cached between rebuilds: an edit re-lays only the
		// views it changes; the deck is rebuilt with the site.
		Source: b.ServeSource(),
		Ready: func(url string) {
			progress.Done()
			fmt.Fprintf(opts.Stdout, "serving %s on %s (Ctrl-C to stop)\n", opts.File, url)
		},
		Logf: func(format string, args ...any) {
			progress.Done() // the first build's report starts on a clean line
			fmt.Fprintf(opts.Stderr, format+"\n", args...)
		},
	})
}
