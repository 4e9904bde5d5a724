package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/archdoc/archdoc/model"
	"github.com/spf13/cobra"
)

// validateOptions are the inputs of `archdoc validate`.
type validateOptions struct {
	File   string // model file; "-" = standard input
	Format string // "text", "json" or "github"
	Strict bool   // completeness hints are errors
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
on standard output instead ([] when the model is clean). With --format github
it prints each problem as a GitHub Actions annotation (::error file=…,line=…,
col=…::…), which pull requests show on the line.

It also lists, as warnings, what a valid model lacks for complete pages:
technologies without why or how, modules without a description, flows
without a label, ideas without a decision, a language with no translation.
Warnings do not fail validate; with --strict they are errors (for CI).

Exit status: 0 the model is clean, 1 it has problems, 2 usage error.`,
		Example: `  archdoc validate
  archdoc validate -f examples/shop/architecture.yaml
  generate-model | archdoc validate -f -
  archdoc validate --format json | jq '.[].message'
  archdoc validate --format github   # in a GitHub Actions step
  archdoc validate --strict          # warnings fail too`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.Format != "text" && opts.Format != "json" && opts.Format != "github" {
				return usageErrorf(cmd.CommandPath(), "--format must be text, json or github, not %q", opts.Format)
			}
			if opts.File == "" {
				return usageErrorf(cmd.CommandPath(), "-f needs a file name")
			}
			opts.In, opts.Out, opts.ErrOut = cmd.InOrStdin(), cmd.OutOrStdout(), cmd.ErrOrStderr()
			return runValidate(opts)
		},
	}
	addModelFileFlag(cmd, &opts.File)
	cmd.Flags().BoolVar(&opts.Strict, "strict", false, "treat completeness warnings as errors")
	cmd.Flags().StringVar(&opts.Format, "format", "text", "output `format`: text, json or github (Actions annotations)")
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions([]string{"text", "json", "github"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

// problem is one model error in validate's JSON output.
type problem struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Col     int    `json:"col"`
	Path    string `json:"path"`
	Message string `json:"message"`
	// Severity is "warning" for a completeness hint; errors leave it out.
	Severity string `json:"severity,omitempty"`
}

func runValidate(opts *validateOptions) error {
	if opts.Format != "text" {
		m, err := readModel(opts.File, opts.In)
		var errs, warnings model.Errors
		if err != nil && !errors.As(err, &errs) {
			return err
		}
		if err == nil {
			warnings = model.Hints(m)
		}
		if opts.Strict {
			errs, warnings = append(errs, warnings...), nil
		}
		if opts.Format == "github" {
			return writeAnnotations(opts.Out, errs, warnings)
		}
		return writeProblems(opts.Out, errs, warnings)
	}
	m, err := loadModel(opts.File, opts.In)
	if err != nil {
		return err // main prints model errors one a line on stderr
	}
	warnings := model.Hints(m)
	if opts.Strict && len(warnings) > 0 {
		return warnings
	}
	for _, w := range warnings {
		fmt.Fprintf(opts.ErrOut, "%s: warning: %s\n", w.Pos, strings.TrimPrefix(w.Error(), w.Pos.String()+": "))
	}
	if len(warnings) > 0 {
		fmt.Fprintf(opts.Out, "%s: ok (%d elements, %d warnings; --strict makes them errors)\n", m.File, len(m.Elements()), len(warnings))
		return nil
	}
	fmt.Fprintf(opts.Out, "%s: ok (%d elements)\n", m.File, len(m.Elements()))
	return nil
}

// writeProblems prints errs as a JSON array and fails (already reported)
// when there are any.
func writeProblems(w io.Writer, errs, warnings model.Errors) error {
	list := make([]problem, 0, len(errs)+len(warnings))
	for _, e := range errs {
		list = append(list, problem{File: e.Pos.File, Line: e.Pos.Line, Col: e.Pos.Col, Path: e.Path, Message: e.Msg})
	}
	for _, e := range warnings {
		list = append(list, problem{File: e.Pos.File, Line: e.Pos.Line, Col: e.Pos.Col, Path: e.Path, Message: e.Msg, Severity: "warning"})
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

// writeAnnotations prints errs as GitHub Actions workflow commands, one
// a line, and fails (already reported) when there are any.
func writeAnnotations(w io.Writer, errs, warnings model.Errors) error {
	for _, e := range errs {
		fmt.Fprintf(w, "::error file=%s,line=%d,col=%d,title=archdoc validate::%s\n",
			annotationProperty(e.Pos.File), e.Pos.Line, e.Pos.Col, annotationData(e.Path+": "+e.Msg))
	}
	for _, e := range warnings {
		fmt.Fprintf(w, "::warning file=%s,line=%d,col=%d,title=archdoc validate::%s\n",
			annotationProperty(e.Pos.File), e.Pos.Line, e.Pos.Col, annotationData(e.Path+": "+e.Msg))
	}
	if len(errs) > 0 {
		return &reportedError{code: exitInput}
	}
	return nil
}

// annotationData escapes a workflow command's message, which model text
// could otherwise end or extend with a line break.
func annotationData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// annotationProperty escapes a workflow command's property value.
func annotationProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
