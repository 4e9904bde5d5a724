package main

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/archdoc/archdoc/internal/outpath"
	"github.com/archdoc/archdoc/interop/plantuml"
	"github.com/archdoc/archdoc/interop/structurizr"
	"github.com/archdoc/archdoc/model"
	"github.com/archdoc/archdoc/site"
)

// exportOptions are the inputs of `archdoc export`.
type exportOptions struct {
	File   string // model file; "-" = standard input
	Format string // structurizr or plantuml
	Out    string // file to write; "" or "-" = stdout
	Stdin  io.Reader
	Stdout io.Writer
}

// exporters maps each export format to its writer.
var exporters = map[string]func(io.Writer, *model.Model) error{
	"structurizr": structurizr.Write,
	"plantuml":    plantuml.Write,
}

func newExportCmd() *cobra.Command {
	opts := &exportOptions{}
	cmd := &cobra.Command{
		Use:   "export structurizr|plantuml",
		Short: "Write the model as a Structurizr DSL workspace or C4-PlantUML",
		Long: `Export writes the model for teams that hand architecture over to other
tools: structurizr writes a Structurizr DSL workspace (people, software
systems per domain with their modules as containers, relationships, a system
landscape and a container view per domain); plantuml writes a C4-PlantUML
container diagram using PlantUML's built-in C4 library.

Output goes to standard output, or to the file -o names (replaced whole);
-o never names the model, an include or a doc the model reads.
Flows to technologies have no counterpart there and stay as comments.`,
		Example: `  archdoc export structurizr -o workspace.dsl
  archdoc export plantuml -f examples/shop/architecture.yaml > shop.puml`,
		Args:      cobra.ExactArgs(1),
		ValidArgs: []string{"structurizr", "plantuml"},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Format = args[0]
			if _, ok := exporters[opts.Format]; !ok {
				return usageErrorf(cmd.CommandPath(), "unknown export format %q: use structurizr or plantuml", opts.Format)
			}
			opts.Stdin, opts.Stdout = cmd.InOrStdin(), cmd.OutOrStdout()
			return runExport(opts)
		},
	}
	addModelFileFlag(cmd, &opts.File)
	cmd.Flags().StringVarP(&opts.Out, "output", "o", "", "`FILE` to write (default: standard output)")
	return cmd
}

func runExport(opts *exportOptions) error {
	m, err := loadModel(opts.File, opts.Stdin)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := exporters[opts.Format](&buf, m); err != nil {
		return err
	}
	if opts.Out == "" || opts.Out == "-" {
		_, err := opts.Stdout.Write(buf.Bytes())
		return err
	}
	if err := outpath.WriteAtomic(site.Inputs(m), outpath.File{Path: opts.Out, Data: buf.Bytes()}); err != nil {
		return err
	}
	fmt.Fprintf(opts.Stdout, "wrote %s\n", filepath.ToSlash(opts.Out))
	return nil
}
