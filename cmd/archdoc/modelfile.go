package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/archdoc/archdoc/model"
	"github.com/spf13/cobra"
)

// stdinFile is the -f value that reads the model from standard input;
// errors name it stdinName.
const (
	stdinFile = "-"
	stdinName = "<stdin>"
)

// addModelFileFlag adds the -f flag every model-reading command takes.
func addModelFileFlag(cmd *cobra.Command, file *string) {
	cmd.Flags().StringVarP(file, "file", "f", defaultModelFile,
		"model `FILE` to read, or - for standard input (includes and docs then resolve from the current folder)")
	// Shells complete -f with YAML files only.
	_ = cmd.MarkFlagFilename("file", "yaml", "yml")
}

// loadModel loads and validates the model at path (standard input for
// "-") for a command. A missing file gets a hint for newcomers; model
// problems come back as model.Errors, which main prints one a line.
func loadModel(path string, stdin io.Reader) (*model.Model, error) {
	if path == "" {
		return nil, &usageError{err: errors.New("-f needs a file name")}
	}
	if path != stdinFile {
		if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("%s: no such file; create one with 'archdoc init' or name another with -f FILE", path)
		}
	}
	return readModel(path, stdin)
}

// readModel is model.Load, or for "-" model.LoadReader on stdin (os.Stdin
// when nil) with includes and docs resolved in the working directory.
func readModel(path string, stdin io.Reader) (*model.Model, error) {
	if path != stdinFile {
		return model.Load(path)
	}
	if stdin == nil {
		stdin = os.Stdin
	}
	return model.LoadReader(stdinName, stdin, ".")
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
