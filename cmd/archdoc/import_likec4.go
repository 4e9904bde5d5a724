package main

import (
	"github.com/spf13/cobra"

	"github.com/archdoc/archdoc/interop/likec4"
)

func newImportLikeC4Cmd() *cobra.Command {
	opts := &importOptions{}
	cmd := &cobra.Command{
		Use:   "likec4 FILE.json | PATH...",
		Short: "Import a LikeC4 model (its JSON export, or its .c4 files)",
		Long: `Import likec4 reads the JSON LikeC4 writes for a model, the most faithful
input. Produce it in the folder holding your .c4 files with:

  npx likec4 export json -o likec4.json

Without Node.js, name the .c4/.likec4 files (or folders of them) instead:
archdoc reads the common subset of the language itself (specification
element kinds, model, nested elements, extend, relations with titles,
technology, description and kinds, tags; styles, views and deployment are
skipped). It maps:

  element with children            → domain (nested ones: sub-domains)
  leaf element inside a domain     → module; its kind (other than
                                     container or component) a tag
  top-level leaf of kind actor,
    person, user or customer, or
    of shape person                → actor
  other top-level leaf             → external actor
  technology                       → stack technologies (of modules)
  relation                         → flow: title → label, technology →
                                     protocol, description, kind → tag
  description (or summary), tags   → description, tags

Views, the specification's styles and deployment models are skipped and
listed in the summary.`,
		Example: `  npx likec4 export json -o likec4.json && archdoc import likec4 likec4.json
  archdoc import likec4 src/likec4/`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			opts.Stdout, opts.Stderr = cmd.OutOrStdout(), cmd.ErrOrStderr()
			return runImport(opts, importLikeC4)
		},
	}
	addImportFlags(cmd, opts)
	return cmd
}

func importLikeC4(opts *importOptions) (*importResult, error) {
	res, err := likec4.ImportPaths(opts.Paths, likec4.Options{Name: opts.Name})
	if err != nil {
		return nil, err
	}
	return &importResult{yaml: res.YAML, summary: res.Summary.String()}, nil
}

// composeDefaults are the files `docker compose` reads without -f, in
// its order of preference, and the override it adds.
var composeDefaults = []string{"compose.yaml", "compose.yml", "docker-compose.yaml", "docker-compose.yml"}
