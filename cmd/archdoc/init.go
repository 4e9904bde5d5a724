package main

import (
	_ "embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/archdoc/archdoc/internal/outpath"
	"github.com/archdoc/archdoc/schema"
	"github.com/spf13/cobra"
)

// starterModel is the commented model `archdoc init` writes. It must stay
// valid: the init testscript validates what init wrote.
//
//go:embed starter.yaml
var starterModel []byte

const starterSchemaFile = "architecture.schema.json"

// initOptions are the inputs of `archdoc init`.
type initOptions struct {
	Dir string // folder to create the files in; created when missing
	Out io.Writer
}

func newInitCmd() *cobra.Command {
	opts := &initOptions{}
	return &cobra.Command{
		Use:   "init [dir]",
		Short: "Write a commented starter architecture.yaml and its JSON Schema",
		Long: `Init writes a commented starter model, architecture.yaml, and the JSON Schema
it names (architecture.schema.json) into dir (default: the current folder),
creating dir if needed. It never overwrites: if either file exists, it stops
and says which.`,
		Example: `  archdoc init
  archdoc init docs/architecture`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Dir = "."
			if len(args) == 1 {
				opts.Dir = args[0]
			}
			opts.Out = cmd.OutOrStdout()
			return runInit(opts)
		},
	}
}

func runInit(opts *initOptions) error {
	schemaJSON := schema.Architecture()
	files := []struct {
		name string
		data []byte
	}{
		{defaultModelFile, starterModel},
		{starterSchemaFile, schemaJSON},
	}
	if fi, err := os.Stat(opts.Dir); err == nil && !fi.IsDir() {
		return fmt.Errorf("%s is an existing file, not a folder; name a folder for the starter model", opts.Dir)
	}
	if err := outpath.CheckNotSite(opts.Dir); err != nil {
		return err
	}
	// Refuse before writing anything, so a refusal leaves no half-made pair.
	for _, f := range files {
		path := filepath.Join(opts.Dir, f.name)
		if _, err := os.Lstat(path); err == nil {
			return fmt.Errorf("%s already exists; init never overwrites, remove it or choose another folder", path)
		} else if !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	if err := os.MkdirAll(opts.Dir, 0o755); err != nil {
		return fmt.Errorf("cannot create folder %s: %w", opts.Dir, outpath.UnwrapPath(err))
	}
	var written []string
	for _, f := range files {
		path := filepath.Join(opts.Dir, f.name)
		if err := writeNew(path, f.data, "init never overwrites, remove it or choose another folder"); err != nil {
			for _, w := range written {
				os.Remove(w)
			}
			return err
		}
		written = append(written, path)
	}
	for _, w := range written {
		fmt.Fprintf(opts.Out, "created %s\n", w)
	}
	next := "archdoc validate"
	if opts.Dir != "." {
		next += " -f " + filepath.Join(opts.Dir, defaultModelFile)
	}
	fmt.Fprintf(opts.Out, "Next: describe your system in %s, then run: %s\n", written[0], next)
	return nil
}

// writeNew creates path with data, failing if it exists with hint (O_EXCL
// closes the race between a check and the write).
func writeNew(path string, data []byte, hint string) error {
	err := outpath.WriteNew(nil, path, data)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%s already exists; %s", path, hint)
	}
	return err
}
