package main

import (
	"io"

	"github.com/archdoc/archdoc/schema"
	"github.com/spf13/cobra"
)

// schemaOptions are the inputs of `archdoc schema`.
type schemaOptions struct {
	Out io.Writer
}

func newSchemaCmd() *cobra.Command {
	opts := &schemaOptions{}
	return &cobra.Command{
		Use:   "schema",
		Short: "Print the JSON Schema of architecture.yaml",
		Long: `Schema prints the JSON Schema of the model format, generated from archdoc's
own Go types. Editors that speak the YAML language server protocol use it for
completion and error underlining when a model's first line says:

  # yaml-language-server: $schema=./architecture.schema.json`,
		Example: `  archdoc schema > architecture.schema.json
  archdoc schema | jq '.properties | keys'`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Out = cmd.OutOrStdout()
			return runSchema(opts)
		},
	}
}

func runSchema(opts *schemaOptions) error {
	_, err := opts.Out.Write(schema.Architecture())
	return err
}
