package main

import (
	"github.com/spf13/cobra"

	"github.com/archdoc/archdoc/interop/structurizr"
)

func newImportStructurizrCmd() *cobra.Command {
	opts := &importOptions{}
	cmd := &cobra.Command{
		Use:   "structurizr FILE",
		Short: "Import a Structurizr workspace (workspace.dsl or workspace.json)",
		Long: `Import structurizr reads a Structurizr DSL workspace (!include of files
inside the workspace's folder is followed; nothing outside it is read) or
the workspace.json Structurizr tools write, and maps:

  person                          → actor
  softwareSystem with containers  → domain
  softwareSystem without          → external actor
  softwareSystem tagged Technology→ technology (as archdoc export writes them)
  container                       → module; its technology → stack technologies
  group inside a software system  → sub-domain
  component                       → feature of its container (modules do not
                                    nest; diagrams draw features in the box);
                                    what it does goes to the description
  relationship ->                 → flow: description → label, technology →
                                    protocol; a component's → its container's
  description, tags, properties   → description, tags, module notes

Views, styles, deployment environments and dynamic views are skipped and
listed in the summary. A workspace written by archdoc export structurizr
imports back to the same domains, modules and flows.`,
		Example: `  archdoc import structurizr workspace.dsl
  archdoc import structurizr workspace.json -o docs/architecture.yaml`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			opts.Stdout, opts.Stderr = cmd.OutOrStdout(), cmd.ErrOrStderr()
			return runImport(opts, importStructurizr)
		},
	}
	addImportFlags(cmd, opts)
	return cmd
}

func importStructurizr(opts *importOptions) (*importResult, error) {
	res, err := structurizr.ImportFile(opts.Paths[0], structurizr.ImportOptions{Name: opts.Name})
	if err != nil {
		return nil, err
	}
	return &importResult{yaml: res.YAML, summary: res.Summary.String()}, nil
}
