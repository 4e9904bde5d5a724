package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/archdoc/archdoc/model"
	"github.com/spf13/cobra"
)

// validateOptions are the inputs of `archdoc validate`.
type validateOptions struct {
	File   string // model file; "-" = standard input
	Format string // "text" or "json"
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer
}

func newValidateCmd() *cobra.Command {
	opts := &validateOptions{}
	cmd := &cobra.Command{
		Use:   "validate",
		Short: "Check a model and report every problem with its position",
		Long: `Validate reads the model (and its includes), checks it and reports every
problem at once, sorted, one a line, as file:line:col: path: message.

With --format json it prints a JSON array of {file, line, col, path, message}
on standard output instead ([] when the model is clean).

Exit status: 0 the model is clean, 1 it has problems, 2 usage error.`,
		Example: `  archdoc validate
  archdoc validate -f examples/shop/architecture.yaml
  generate-model | archdoc validate -f -
  archdoc validate --format json | jq '.[].message'`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.Format != "text" && opts.Format != "json" {
				return usageErrorf(cmd.CommandPath(), "--format must be text or json, not %q", opts.Format)
			}
			if opts.File == "" {
				return usageErrorf(cmd.CommandPath(), "-f needs a file name")
			}
			opts.In, opts.Out, opts.ErrOut = cmd.InOrStdin(), cmd.OutOrStdout(), cmd.ErrOrStderr()
			return runValidate(opts)
		},
	}
	addModelFileFlag(cmd, &opts.File)
	cmd.Flags().StringVar(&opts.Format, "format", "text", "output `format`: text or json")
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions([]string{"text", "json"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

// problem is one model error in validate's JSON output.
type problem struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Col     int    `json:"col"`
	Path    string `json:"path"`
	Message string `json:"message"`
}

func runValidate(opts *validateOptions) error {
	if opts.Format == "json" {
		_, err := readModel(opts.File, opts.In)
		var errs model.Errors
		if err != nil && !errors.As(err, &errs) {
			return err
		}
		return writeProblems(opts.Out, errs)
	}
	m, err := loadModel(opts.File, opts.In)
	if err != nil {
		return err // main prints model errors one a line on stderr
	}
	fmt.Fprintf(opts.Out, "%s: ok (%d elements)\n", m.File, len(m.Elements()))
	return nil
}

// writeProblems prints errs as a JSON array and fails (already reported)
// when there are any.
func writeProblems(w io.Writer, errs model.Errors) error {
	list := make([]problem, 0, len(errs))
	for _, e := range errs {
		list = append(list, problem{File: e.Pos.File, Line: e.Pos.Line, Col: e.Pos.Col, Path: e.Path, Message: e.Msg})
	}
	// Not HTML-escaped: "<stdin>" and messages quoting "<mxfile>" stay readable.
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(list); err != nil {
		return err
	}
	if len(errs) > 0 {
		return &reportedError{code: exitInput}
	}
	return nil
}
