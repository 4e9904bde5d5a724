package main

import (
	"bytes"
	"runtime"
	"strings"
	"testing"
)

// A release build sets main.version with -ldflags; it wins over the
// build info.
func TestRunVersionUsesLdflagsVersion(t *testing.T) {
	saved := version
	t.Cleanup(func() { version = saved })
	version = "v9.8.7"

	var out bytes.Buffer
	if err := runVersion(&versionOptions{Out: &out}); err != nil {
		t.Fatal(err)
	}
	want := "archdoc v9.8.7 (" + runtime.Version() + " " + runtime.GOOS + "/" + runtime.GOARCH + ")\n"
	if out.String() != want {
		t.Errorf("got %q, want %q", out.String(), want)
	}
}

func TestVersionStringWithoutLdflags(t *testing.T) {
	saved := version
	t.Cleanup(func() { version = saved })
	version = ""
	if v := versionString(); !strings.HasPrefix(v, "(devel)") && !strings.HasPrefix(v, "v") {
		t.Errorf("versionString() = %q, want a module version or (devel)", v)
	}
}
