package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/archdoc/archdoc/internal/inputfile"
	"github.com/archdoc/archdoc/internal/outpath"
	"github.com/archdoc/archdoc/interop/backstage"
	"github.com/archdoc/archdoc/interop/drawio"
	"github.com/archdoc/archdoc/model"
	"github.com/archdoc/archdoc/schema"
)

// importOptions are the inputs of `archdoc import drawio|backstage|structurizr|likec4|compose`.
type importOptions struct {
	Paths  []string // the draw.io file, Backstage files and folders, the workspace, the export, the Compose files
	Out    string   // model file to write; "-" = stdout
	Page   string   // draw.io: page name or 1-based index
	Name   string   // model name (default: from the input)
	Force  bool     // overwrite Out
	Stdout io.Writer
	Stderr io.Writer
}

// importResult is what both importers hand the command.
type importResult struct {
	yaml    []byte
	summary string
}

func newImportCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "import drawio|backstage|structurizr|likec4|compose",
		Short: "Start a model from a diagram, a catalog, a workspace or a Compose file",
		Long: `Import writes a commented architecture.yaml from what a team already has:
a draw.io / diagrams.net diagram, Backstage catalog descriptor files, a
Structurizr workspace, a LikeC4 model (as likec4 export json writes it) or
Docker Compose files. It prints what it mapped and what it left out. It
never overwrites a file unless --force is given.`,
		Example: `  archdoc import drawio business-model.drawio
  archdoc import drawio diagrams.drawio --page 2 -o docs/architecture.yaml
  archdoc import backstage catalog-info.yaml services/
  archdoc import structurizr workspace.dsl
  archdoc import likec4 likec4.json
  archdoc import compose -f compose.yaml -f compose.prod.yaml`,
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				return usageErrorf(cmd.CommandPath(), "unknown import format %q: use drawio, backstage, structurizr, likec4 or compose", args[0])
			}
			return cmd.Help()
		},
	}
	cmd.AddCommand(newImportDrawioCmd(), newImportBackstageCmd(), newImportStructurizrCmd(), newImportLikeC4Cmd(), newImportComposeCmd())
	return cmd
}

func addImportFlags(cmd *cobra.Command, opts *importOptions) {
	cmd.Flags().StringVarP(&opts.Out, "output", "o", defaultModelFile, "model `FILE` to write (- for standard output)")
	cmd.Flags().BoolVar(&opts.Force, "force", false, "overwrite the output file if it exists")
	cmd.Flags().StringVar(&opts.Name, "name", "", "the model's `NAME` (default: from the input)")
}

func newImportDrawioCmd() *cobra.Command {
	opts := &importOptions{}
	cmd := &cobra.Command{
		Use:   "drawio FILE",
		Short: "Import a draw.io / diagrams.net diagram",
		Long: `Import drawio reads a .drawio file (plain or compressed pages, or a
.drawio.svg / .drawio.png exported with a copy of the diagram) and writes a
model: UML actors become actors, boxes holding other boxes domains, the
boxes inside them modules (numbered label lines become features, sentences
descriptions), arrows flows with their labels, free text notes on the
nearest element.
Ids come from the labels; Chinese labels get stable hashed ids.

A file with several pages imports the first unless --page names another
(by name or 1-based index).`,
		Example: `  archdoc import drawio business-model.drawio
  archdoc import drawio diagrams.drawio --page Overview -o - | less`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			opts.Stdout, opts.Stderr = cmd.OutOrStdout(), cmd.ErrOrStderr()
			return runImport(opts, importDrawio)
		},
	}
	addImportFlags(cmd, opts)
	cmd.Flags().StringVar(&opts.Page, "page", "", "page to import, by `NAME` or 1-based index")
	return cmd
}

func newImportBackstageCmd() *cobra.Command {
	opts := &importOptions{}
	cmd := &cobra.Command{
		Use:   "backstage PATH...",
		Short: "Import Backstage catalog descriptor files",
		Long: `Import backstage reads Backstage catalog descriptors (multi-document YAML;
folders are searched for *.yaml and *.yml files; Location entities' targets
are followed inside the folder given) and writes a model: Domains and
Systems become domains, Components modules, Resources stack technologies,
consumed APIs and dependsOn relations flows. Unknown kinds and fields, and
targets not followed (URLs, files outside), are reported as warnings.`,
		Example: `  archdoc import backstage catalog-info.yaml
  archdoc import backstage catalog/ -o architecture.yaml --force`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			opts.Stdout, opts.Stderr = cmd.OutOrStdout(), cmd.ErrOrStderr()
			return runImport(opts, importBackstage)
		},
	}
	addImportFlags(cmd, opts)
	return cmd
}

// runImport refuses to overwrite before doing any work, imports, checks
// the result is a valid model and writes it (with the schema beside it).
func runImport(opts *importOptions, imp func(*importOptions) (*importResult, error)) error {
	toStdout := opts.Out == "-"
	if fi, err := os.Stat(opts.Out); err == nil && fi.IsDir() && !toStdout {
		// --force cannot help here; say what -o wants.
		return fmt.Errorf("-o %s is a folder; name the model file to write, e.g. -o %s", opts.Out, filepath.Join(opts.Out, defaultModelFile))
	}
	inputs := &outpath.Inputs{}
	inputs.Add("an input", opts.Paths...)
	if !toStdout {
		if err := inputs.CheckFile(opts.Out); err != nil {
			return err
		}
		if err := outpath.CheckNotSite(filepath.Dir(opts.Out)); err != nil {
			return err
		}
	}
	if !toStdout && !opts.Force {
		if _, err := os.Lstat(opts.Out); err == nil {
			return fmt.Errorf("%s already exists; import never overwrites without --force (or choose another file with -o)", opts.Out)
		}
	}
	res, err := imp(opts)
	if err != nil {
		return err
	}
	// The summary quotes names from the input; they must not drive the terminal.
	res.summary = model.StripHiddenControls(res.summary)
	if _, err := model.Parse(opts.Out, res.yaml); err != nil {
		return fmt.Errorf("the imported model does not validate (a bug in the importer, please report it):\n%w", err)
	}
	if toStdout {
		if _, err := opts.Stdout.Write(res.yaml); err != nil {
			return err
		}
		fmt.Fprint(opts.Stderr, res.summary)
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(opts.Out), 0o755); err != nil {
		return cannotWrite(opts.Out, err)
	}
	write := func(path string, data []byte) error {
		return writeNew(path, data, "import never overwrites without --force (or choose another file with -o)")
	}
	if opts.Force {
		write = func(path string, data []byte) error {
			return outpath.WriteAtomic(inputs, outpath.File{Path: path, Data: data})
		}
	}
	if err := write(opts.Out, res.yaml); err != nil {
		return cannotWrite(opts.Out, err)
	}
	fmt.Fprintf(opts.Stdout, "wrote %s\n", filepath.ToSlash(opts.Out))
	if err := writeSchemaBeside(opts.Out, opts.Stdout); err != nil {
		return err
	}
	fmt.Fprint(opts.Stdout, res.summary)
	return nil
}

// writeSchemaBeside writes the JSON Schema the imported file names, if
// it is not there yet, so editors can check the model at once.
func writeSchemaBeside(modelPath string, out io.Writer) error {
	path := filepath.Join(filepath.Dir(modelPath), starterSchemaFile)
	if _, err := os.Lstat(path); err == nil {
		return nil
	}
	schemaJSON := schema.Architecture()
	if err := writeNew(path, schemaJSON, "import never overwrites it"); err != nil {
		return cannotWrite(path, err)
	}
	fmt.Fprintf(out, "wrote %s\n", filepath.ToSlash(path))
	return nil
}

// cannotWrite words a failed write of path without Go's "mkdir"/"open"
// prefixes; errors already worded for the user pass through.
func cannotWrite(path string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("cannot write %s: %w", path, pe.Err)
	}
	return err
}

func importDrawio(opts *importOptions) (*importResult, error) {
	path := opts.Paths[0]
	f, err := inputfile.Open(path)
	if err != nil {
		return nil, inputfile.Errorf(path, err)
	}
	defer f.Close()
	res, err := drawio.Decode(f, drawio.Options{Page: opts.Page, Name: opts.Name, Source: filepath.Base(path)})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return &importResult{yaml: res.YAML, summary: res.Summary.String()}, nil
}

func importBackstage(opts *importOptions) (*importResult, error) {
	files, notes, err := backstage.Read(opts.Paths)
	if err != nil {
		return nil, err
	}
	res, err := backstage.Import(files, backstage.Options{Name: opts.Name, Source: opts.Paths[0], Notes: notes})
	if err != nil {
		return nil, err
	}
	return &importResult{yaml: res.YAML, summary: res.Summary.String()}, nil
}
