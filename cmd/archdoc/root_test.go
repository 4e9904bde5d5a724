package main

import (
	"testing"

	"github.com/spf13/cobra"
)

// Commands added later (diagram, build, slides, ...) must document
// themselves like the first ones: a short line and examples in --help.
func TestEveryCommandHasShortAndExamples(t *testing.T) {
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		if !c.Hidden && c.Name() != "__complete" && c.Name() != "__completeNoDesc" {
			if c.Short == "" {
				t.Errorf("%q has no Short description", c.CommandPath())
			}
			if c.Example == "" {
				t.Errorf("%q has no Example; --help should show how to use it", c.CommandPath())
			}
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(newRootCmd())
}
