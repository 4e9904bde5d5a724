package main

import (
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/archdoc/archdoc/interop/compose"
)

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
