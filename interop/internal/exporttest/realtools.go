package exporttest

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// dslChecker is the official Structurizr DSL parser, shared by the
// machine's engineers beside the repository (see its README).
func dslChecker() string {
	return filepath.Join(repoRoot(), "..", "shared", "tools", "structurizr-dsl-check", "check")
}

// RealDSL parses each workspace with the official Structurizr DSL parser
// and fails the test with the parser's message for any it rejects. It
// skips loudly when the parser, Java or its libraries are missing (CI
// installs them).
func RealDSL(t *testing.T, workspaces map[string]string) {
	t.Helper()
	dir := t.TempDir()
	var files []string
	for name, dsl := range workspaces {
		f := filepath.Join(dir, name+".dsl")
		if err := os.WriteFile(f, []byte(dsl), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	RealDSLFiles(t, files...)
}

// RealDSLFiles parses workspace files where they are (so their !include
// files are found) with the official Structurizr DSL parser, as RealDSL.
func RealDSLFiles(t *testing.T, files ...string) {
	t.Helper()
	check := dslChecker()
	if _, err := os.Stat(check); err != nil {
		t.Skipf("SKIPPED: the official Structurizr DSL parser is not at %s; the workspace is not checked by real Structurizr", check)
	}
	out, err := exec.Command(check, files...).CombinedOutput()
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit) && exit.ExitCode() == 2:
		t.Skipf("SKIPPED: the Structurizr DSL parser cannot run (install its Debian packages, see .ci/run):\n%s", out)
	case err != nil:
		t.Errorf("the official Structurizr DSL parser rejects the workspace: %v\n%s", err, out)
	}
	for _, l := range strings.Split(string(out), "\n") {
		if strings.HasPrefix(l, "FAIL") {
			t.Errorf("%s", l)
		}
	}
}

// RealPlantUML renders each diagram to SVG with the plantuml on PATH
// (Debian's package, 1.2020.2 in CI; one Java start for all) and fails
// for each that PlantUML reports an error on or draws its error image
// for. It skips loudly without plantuml.
func RealPlantUML(t *testing.T, diagrams map[string]string) {
	t.Helper()
	bin, err := exec.LookPath("plantuml")
	if err != nil {
		t.Skip("SKIPPED: plantuml is not installed (apt-get install plantuml); the export is not rendered by real PlantUML")
	}
	dir := t.TempDir()
	args := []string{"-tsvg", "-charset", "UTF-8"}
	for name, src := range diagrams {
		f := filepath.Join(dir, name+".puml")
		if err := os.WriteFile(f, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		args = append(args, f)
	}
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), "JAVA_TOOL_OPTIONS=-Djava.awt.headless=true -Duser.home="+dir)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Errorf("plantuml fails: %v\n%s", err, out)
	}
	for name := range diagrams {
		svg, err := os.ReadFile(filepath.Join(dir, name+".svg"))
		switch {
		case err != nil:
			t.Errorf("plantuml wrote no image for %s: %v", name, err)
		case bytes.Contains(svg, []byte("Syntax Error")) || bytes.Contains(svg, []byte("Cannot find")):
			t.Errorf("plantuml draws an error for %s:\n%s", name, errorText(svg))
		case !bytes.Contains(svg, []byte("<svg")):
			t.Errorf("plantuml output for %s is not an SVG image", name)
		}
	}
}

// errorText is the text of PlantUML's error image, for the message.
func errorText(svg []byte) string {
	var texts []string
	for _, part := range strings.Split(string(svg), "<text")[1:] {
		if i := strings.Index(part, ">"); i >= 0 {
			if j := strings.Index(part[i:], "<"); j >= 0 {
				texts = append(texts, part[i+1:i+j])
			}
		}
	}
	return strings.Join(texts, "\n")
}
