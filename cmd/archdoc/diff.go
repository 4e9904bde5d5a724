package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/archdoc/archdoc/internal/gitrev"
	"github.com/archdoc/archdoc/internal/outpath"
	"github.com/archdoc/archdoc/model"
	"github.com/archdoc/archdoc/model/delta"
	"github.com/archdoc/archdoc/render"
	"github.com/archdoc/archdoc/render/scene"
	"github.com/archdoc/archdoc/render/svg"
)

// diffOptions are the inputs of `archdoc diff`.
type diffOptions struct {
	File     string // the model compared with a revision
	Old, New string // two model files
	Rev      string // git revision of File to compare with
	Format   string // text, markdown or json
	Out      string // folder for the highlighted drawings ("" = none)
	Stdout   io.Writer
	Stderr   io.Writer
}

func newDiffCmd() *cobra.Command {
	opts := &diffOptions{}
	cmd := &cobra.Command{
		Use:   "diff [OLD NEW | REV]",
		Short: "Say what changed between two versions of a model",
		Long: `Diff compares two versions of a model by element id and lists the actors,
domains, modules, layers, technologies, flows, ideas and tasks added, removed,
changed (with the fields that changed) and renamed (an id that disappears
while one of the same kind and name appears).

Give two model files, or one git revision (or --git REV): the model named by
-f as it was at that revision, includes and docs included, is compared with
the file as it is now.

--format markdown writes a pull-request comment, --format json the same for
tools. --out DIR writes the business view before and after (diff-before.svg,
diff-after.svg) with added elements green, removed red and struck through,
changed amber.

Exit status, as diff's: 0 no differences, 1 differences (or a model with
problems), 2 usage error.`,
		Example: `  archdoc diff old/architecture.yaml architecture.yaml
  archdoc diff HEAD~1
  archdoc diff --git main --format markdown > comment.md
  archdoc diff HEAD~1 --out changes/`,
		Args: cobra.MaximumNArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			switch opts.Format {
			case "text", "markdown", "json":
			default:
				return usageErrorf(cmd.CommandPath(), "--format must be text, markdown or json, not %q", opts.Format)
			}
			switch {
			case len(args) == 2 && opts.Rev == "":
				opts.Old, opts.New = args[0], args[1]
			case len(args) == 1 && opts.Rev == "":
				opts.Rev = args[0]
			case len(args) == 0 && opts.Rev != "":
			default:
				return usageErrorf(cmd.CommandPath(), "give two model files, or one git revision")
			}
			opts.Stdout, opts.Stderr = cmd.OutOrStdout(), cmd.ErrOrStderr()
			return runDiff(cmd.Context(), opts)
		},
	}
	addModelFileFlag(cmd, &opts.File)
	cmd.Flags().StringVar(&opts.Rev, "git", "", "compare the model with its version at git `revision` REV")
	cmd.Flags().StringVar(&opts.Format, "format", "text", "output `format`: text, markdown or json")
	cmd.Flags().StringVarP(&opts.Out, "out", "o", "", "write the highlighted before and after drawings into `folder`")
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions([]string{"text", "markdown", "json"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func runDiff(ctx context.Context, opts *diffOptions) error {
	old, cur, err := diffModels(ctx, opts)
	if err != nil {
		return err
	}
	d := delta.Compare(old, cur)
	var b bytes.Buffer
	switch opts.Format {
	case "markdown":
		err = delta.WriteMarkdown(&b, d)
	case "json":
		err = delta.WriteJSON(&b, d)
	default:
		err = delta.WriteText(&b, d)
	}
	if err != nil {
		return err
	}
	if opts.Out != "" {
		if err := writeDiffDrawings(ctx, opts, old, cur, d); err != nil {
			return err
		}
	}
	if _, err := opts.Stdout.Write(b.Bytes()); err != nil {
		return err
	}
	if !d.Empty() {
		return &reportedError{code: exitInput}
	}
	return nil
}

// diffModels loads the old and the new model.
func diffModels(ctx context.Context, opts *diffOptions) (old, cur *model.Model, err error) {
	if opts.Rev == "" {
		if old, err = loadModel(opts.Old, nil); err != nil {
			return nil, nil, err
		}
		cur, err = loadModel(opts.New, nil)
		return old, cur, err
	}
	if cur, err = loadModel(opts.File, nil); err != nil {
		return nil, nil, err
	}
	old, err = modelAt(ctx, opts.File, opts.Rev)
	return old, cur, err
}

// modelAt loads the model at path as it was at git revision rev, its
// includes and docs from the same revision.
func modelAt(ctx context.Context, path, rev string) (*model.Model, error) {
	if path == stdinFile {
		return nil, &usageError{err: fmt.Errorf("a model read from standard input has no git history; name its file with -f")}
	}
	extracted, root, err := gitrev.Extract(ctx, path, rev)
	if errors.Is(err, gitrev.ErrNoGit) {
		return nil, fmt.Errorf("reading %s at %s needs git, which is not installed", path, rev)
	}
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(root)
	old, err := model.Load(extracted)
	if err != nil {
		return nil, fmt.Errorf("%s at %s has problems:\n%w", path, rev, err)
	}
	return old, nil
}

// writeDiffDrawings writes the business view before and after, marked.
func writeDiffDrawings(ctx context.Context, opts *diffOptions, old, cur *model.Model, d *delta.Diff) error {
	before, after, err := render.DiffScenes(ctx, old, cur, d)
	if err != nil {
		return err
	}
	inputs := &outpath.Inputs{}
	inputs.Add("the model", append(old.Files(), cur.Files()...)...)
	var files []outpath.File
	for _, f := range []struct {
		name string
		s    *scene.Scene
	}{{"diff-before.svg", before}, {"diff-after.svg", after}} {
		var b bytes.Buffer
		if err := svg.Render(&b, f.s, svg.Options{Standalone: true}); err != nil {
			return err
		}
		files = append(files, outpath.File{Path: filepath.Join(opts.Out, f.name), Data: b.Bytes()})
	}
	if err := outpath.WriteAtomic(inputs, files...); err != nil {
		return err
	}
	for _, f := range files {
		// Standard error: standard output is the diff, maybe JSON.
		fmt.Fprintf(opts.Stderr, "wrote %s\n", filepath.ToSlash(f.Path))
	}
	return nil
}
