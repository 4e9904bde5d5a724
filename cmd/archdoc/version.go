package main

import (
	"fmt"
	"io"
	"runtime"
	"runtime/debug"

	"github.com/spf13/cobra"
)

// version is set at release time:
//
//	go build -ldflags "-X main.version=v1.2.3" ./cmd/archdoc
//
// Otherwise the module version from the build info is used.
var version = ""

// versionOptions are the inputs of `archdoc version`.
type versionOptions struct {
	Out io.Writer
}

func newVersionCmd() *cobra.Command {
	opts := &versionOptions{}
	return &cobra.Command{
		Use:     "version",
		Short:   "Print archdoc's version",
		Example: "  archdoc version\n  archdoc --version",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Out = cmd.OutOrStdout()
			return runVersion(opts)
		},
	}
}

func runVersion(opts *versionOptions) error {
	_, err := fmt.Fprintf(opts.Out, "archdoc %s (%s %s/%s)\n", versionString(), runtime.Version(), runtime.GOOS, runtime.GOARCH)
	return err
}

// versionString is the ldflags version, else the module version
// ("go install ...@v1.2.3"), else "(devel)" with the VCS revision when
// the build recorded one.
func versionString() string {
	if version != "" {
		return version
	}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "(devel)"
	}
	if v := info.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	var rev, dirty string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				dirty = "-dirty"
			}
		}
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	if rev == "" {
		return "(devel)"
	}
	return "(devel) " + rev + dirty
}
