package main

import (
	"errors"
	"io"
	"path/filepath"
	"strings"

	"github.com/archdoc/archdoc/builder"
	"github.com/archdoc/archdoc/model"
	"github.com/spf13/cobra"
)

// stdinFile is the -f value that reads the model from standard input;
// errors name it stdinName.
const (
	stdinFile = builder.StdinFile
	stdinName = builder.StdinName
)

// addModelFileFlag adds the -f flag every model-reading command takes.
func addModelFileFlag(cmd *cobra.Command, file *string) {
	cmd.Flags().StringVarP(file, "file", "f", defaultModelFile,
		"model `FILE` to read, or - for standard input (includes and docs then resolve from the current folder)")
	// Shells complete -f with YAML files only.
	_ = cmd.MarkFlagFilename("file", "yaml", "yml")
}

// loadModel loads and validates the model at path (standard input for
// "-") for a command; model problems come back as model.Errors, which
// main prints one a line.
func loadModel(path string, stdin io.Reader) (*model.Model, error) {
	return loadWith(builder.New(path, stdin))
}

// loadWith is b.Load with an empty -f as a usage error.
func loadWith(b *builder.Builder) (*model.Model, error) {
	if b.File == "" {
		return nil, &usageError{err: errors.New("-f needs a file name")}
	}
	return b.Load()
}

// readModel is loadModel without the hint for a missing file (validate's
// JSON output reports what model.Load says).
func readModel(path string, stdin io.Reader) (*model.Model, error) {
	return builder.New(path, stdin).Read()
}

// modelBaseName names outputs after the model file ("architecture" for
// architecture.yaml and for a model read from standard input).
func modelBaseName(path string) string {
	if path == stdinFile {
		path = defaultModelFile
	}
	base := filepath.Base(path)
	return strings.TrimSuffix(base, filepath.Ext(base))
}
