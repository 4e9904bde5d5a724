package main

import (
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/archdoc/archdoc/model"
	"github.com/archdoc/archdoc/render/view"
)

// completeFlagValues makes the shell offer values for a flag with a fixed
// set (--format), instead of file names.
func completeFlagValues(cmd *cobra.Command, flag string, values ...string) {
	_ = cmd.RegisterFlagCompletionFunc(flag, cobra.FixedCompletions(values, cobra.ShellCompDirectiveNoFileComp))
}

// completeViews offers the view ids of the model named by -f (with their
// titles, for shells that show descriptions), skipping those already on
// the line. A model that does not load offers nothing.
func completeViews(file *string) cobra.CompletionFunc {
	return func(_ *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		if *file == stdinFile {
			return nil, cobra.ShellCompDirectiveNoFileComp // completing must not wait for input
		}
		m, err := model.Load(*file)
		if err != nil {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		var out []string
		for _, v := range view.All(m) {
			if strings.HasPrefix(v.ID, toComplete) && !slices.Contains(args, v.ID) {
				out = append(out, v.ID+"\t"+v.Title)
			}
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	}
}
