package main

import (
	"strings"

	"github.com/spf13/cobra"
)

// addBuiltinExamples creates cobra's help and completion commands now
// (cobra would add them lazily) so that they, too, have examples.
func addBuiltinExamples(root *cobra.Command) {
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	examples := map[string]string{
		"help":                  "  archdoc help validate",
		"completion":            "  archdoc completion bash > /etc/bash_completion.d/archdoc\n  archdoc completion zsh > \"${fpath[1]}/_archdoc\"",
		"completion bash":       "  source <(archdoc completion bash)\n  archdoc completion bash > /etc/bash_completion.d/archdoc",
		"completion zsh":        "  archdoc completion zsh > \"${fpath[1]}/_archdoc\"",
		"completion fish":       "  archdoc completion fish > ~/.config/fish/completions/archdoc.fish",
		"completion powershell": "  archdoc completion powershell | Out-String | Invoke-Expression",
	}
	for path, example := range examples {
		if cmd, _, err := root.Find(strings.Fields(path)); err == nil && cmd != root {
			cmd.Example = example
		}
	}
}
