package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/archdoc/archdoc/model"
	"github.com/spf13/cobra"
)

// addModelFileFlag adds the -f flag every model-reading command takes.
func addModelFileFlag(cmd *cobra.Command, file *string) {
	cmd.Flags().StringVarP(file, "file", "f", defaultModelFile, "model `FILE` to read")
	// Shells complete -f with YAML files only.
	_ = cmd.MarkFlagFilename("file", "yaml", "yml")
}

// loadModel loads and validates the model at path for a command. A
// missing file gets a hint for newcomers; model problems come back as
// model.Errors, which main prints one a line.
func loadModel(path string) (*model.Model, error) {
	if path == "" {
		return nil, &usageError{err: errors.New("-f needs a file name")}
	}
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%s: no such file; create one with 'archdoc init' or name another with -f FILE", path)
	}
	return model.Load(path)
}
