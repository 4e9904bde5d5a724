package main

import (
	"io"

	"github.com/spf13/cobra"

	"github.com/archdoc/archdoc/internal/synth"
)

// genModelOptions are the inputs of the hidden `archdoc gen-model`, which
// prints a synthetic model so the README's performance figures can be
// reproduced from the command line.
type genModelOptions struct {
	Modules int
	Seed    uint64
	Out     io.Writer
}

func newGenModelCmd() *cobra.Command {
	opts := &genModelOptions{}
	cmd := &cobra.Command{
		Use:   "gen-model",
		Short: "Print a synthetic model of N modules (for benchmarks)",
		Long: `gen-model prints a valid architecture.yaml with N modules in N/10 domains,
about 2.7 labelled flows per module and a third of the labels in Chinese.
The same N and seed always give the same text.`,
		Example: `  archdoc gen-model -n 300 > /tmp/big/architecture.yaml
  archdoc build -f /tmp/big/architecture.yaml -o /tmp/big/public`,
		Hidden: true,
		Args:   cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Out = cmd.OutOrStdout()
			return runGenModel(opts)
		},
	}
	cmd.Flags().IntVarP(&opts.Modules, "modules", "n", 100, "number of `modules`")
	cmd.Flags().Uint64Var(&opts.Seed, "seed", 1, "random `seed`")
	return cmd
}

func runGenModel(opts *genModelOptions) error {
	if opts.Modules < 1 {
		return usageErrorf("archdoc gen-model", "-n must be at least 1, got %d", opts.Modules)
	}
	_, err := opts.Out.Write(synth.Model(opts.Modules, opts.Seed))
	return err
}
