package main

import (
	"strings"

	"github.com/spf13/cobra"
)

// commands lists archdoc's subcommands, one line each, in help order.
// A new command adds its constructor here.
var commands = []func() *cobra.Command{
	newInitCmd,
	newValidateCmd,
	newDiffCmd,
	newBuildCmd,
	newDiagramCmd,
	newSlidesCmd,
	newServeCmd,
	newImportCmd,
	newExportCmd,
	newSchemaCmd,
	newVersionCmd,
	newGenModelCmd,
}

// defaultModelFile is what every model-reading command's -f defaults to.
const defaultModelFile = "architecture.yaml"

func newRootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:   "archdoc",
		Short: "Explain a system's architecture from one architecture.yaml",
		Long: `archdoc turns one architecture.yaml into everything a team uses to explain
its system: diagrams, tech-stack pages, a static site for newcomers and a
slide deck.

Exit status: 0 ok, 1 the model or another input has problems, 2 the command
line is wrong.`,
		Example: `  archdoc init
  archdoc validate
  archdoc validate -f examples/shop/architecture.yaml --format json`,
		Version:       versionString(),
		SilenceUsage:  true,
		SilenceErrors: true,
		// Any leftover word is an unknown command; RunE reports it as a
		// usage error (cobra's own message would exit 1).
		Args: cobra.ArbitraryArgs,
		RunE: helpOrUnknownCommand,
	}
	root.SuggestionsMinimumDistance = 2
	root.SetVersionTemplate("archdoc {{.Version}}\n")
	root.SetFlagErrorFunc(func(cmd *cobra.Command, err error) error {
		return &usageError{cmd: cmd.CommandPath(), err: err}
	})
	for _, newCmd := range commands {
		c := newCmd()
		if layoutCommands[c.Name()] {
			addGraphvizFlag(c)
		}
		root.AddCommand(c)
	}
	addBuiltinExamples(root)
	wrapArgErrors(root)
	return root
}

// helpOrUnknownCommand runs a command that only groups subcommands:
// alone it prints its help; followed by a word that names no subcommand,
// it is a usage error (cobra would print the help and exit 0).
func helpOrUnknownCommand(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		return unknownCommand(cmd, args[0])
	}
	return cmd.Help()
}

func unknownCommand(cmd *cobra.Command, name string) error {
	msg := "unknown command " + `"` + name + `"`
	if s := cmd.SuggestionsFor(name); len(s) > 0 {
		msg += " (did you mean " + strings.Join(quoteAll(s), " or ") + "?)"
	}
	return usageErrorf(cmd.CommandPath(), "%s", msg)
}

func quoteAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = `"` + s + `"`
	}
	return out
}

// wrapArgErrors makes every command's argument errors usage errors
// (exit 2), including cobra's own help and completion commands.
func wrapArgErrors(c *cobra.Command) {
	if c.HasParent() && !c.Runnable() && c.HasSubCommands() {
		c.Args, c.RunE = cobra.ArbitraryArgs, helpOrUnknownCommand
	}
	if c.Args != nil && c.HasParent() {
		check := c.Args
		c.Args = func(cmd *cobra.Command, args []string) error {
			if err := check(cmd, args); err != nil {
				return &usageError{cmd: cmd.CommandPath(), err: err}
			}
			return nil
		}
	}
	for _, sub := range c.Commands() {
		wrapArgErrors(sub)
	}
}
