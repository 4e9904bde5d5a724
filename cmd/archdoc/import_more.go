package main

import (
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/archdoc/archdoc/interop/compose"
	"github.com/archdoc/archdoc/interop/likec4"
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

func newImportComposeCmd() *cobra.Command {
	opts := &importOptions{}
	var files []string
	cmd := &cobra.Command{
		Use:   "compose [-f FILE]... [FILE...]",
		Short: "Import Docker Compose files",
		Long: `Import compose reads Compose files, merged in order as docker compose -f a
-f b does (without files: compose.yaml or docker-compose.yml in the current
folder, and its .override file), and maps:

  service                      → module
  image (or build context)     → technology, in a stack layer by what it is:
                                 nginx/httpd/caddy/traefik → web and edge,
                                 php/php-fpm/node/python/java → application,
                                 mysql/postgres/mongo/redis/elasticsearch →
                                 data, rabbitmq/kafka/nats → messaging,
                                 prometheus/grafana/… → operations; an
                                 unknown image → a technology of its name
  depends_on, links            → flows
  environment value naming a   → flow labelled with the variable, the URL
    service (mysql://db:3306)    scheme as protocol
  label x-archdoc-domain       → the service's domain
  networks (when several)      → domains (a service in its first network)
  ports published on the host  → flow from the actor "Users"
  profiles                     → module tags

Variables (${VAR}) stay as written: nothing is read from the environment
or from .env files. Volumes, healthchecks, commands and the like are
listed in the summary as left out.`,
		Example: `  archdoc import compose
  archdoc import compose -f docker-compose.yml -f docker-compose.prod.yml
  archdoc import compose deploy/compose.yaml -o architecture.yaml`,
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = append(append([]string(nil), files...), args...)
			if len(opts.Paths) == 0 {
				opts.Paths = defaultComposeFiles()
				if len(opts.Paths) == 0 {
					return usageErrorf(cmd.CommandPath(), "no compose.yaml or docker-compose.yml here; name the Compose files to import")
				}
			}
			opts.Stdout, opts.Stderr = cmd.OutOrStdout(), cmd.ErrOrStderr()
			return runImport(opts, importCompose)
		},
	}
	addImportFlags(cmd, opts)
	cmd.Flags().StringArrayVarP(&files, "file", "f", nil, "Compose `FILE` to read (repeat to merge several, later ones override)")
	return cmd
}

// defaultComposeFiles is what docker compose reads when given no -f.
func defaultComposeFiles() []string {
	for _, name := range composeDefaults {
		if _, err := os.Stat(name); err == nil {
			ext := filepath.Ext(name)
			override := name[:len(name)-len(ext)] + ".override" + ext
			if _, err := os.Stat(override); err == nil {
				return []string{name, override}
			}
			return []string{name}
		}
	}
	return nil
}

func importCompose(opts *importOptions) (*importResult, error) {
	res, err := compose.ImportFiles(opts.Paths, compose.Options{Name: opts.Name})
	if err != nil {
		return nil, err
	}
	return &importResult{yaml: res.YAML, summary: res.Summary.String()}, nil
}
