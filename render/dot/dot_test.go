package dot

import (
	"bytes"
	"os/exec"
	"strings"
	"testing"

	"github.com/archdoc/archdoc/internal/golden"
	"github.com/archdoc/archdoc/render/internal/rendertest"
	"github.com/archdoc/archdoc/render/scene"
)

func render(t *testing.T, s *scene.Scene) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Render(&b, s); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestGoldenHandBuilt(t *testing.T) {
	rendertest.EachHandBuilt(t, func(t *testing.T, name string, s *scene.Scene) {
		got := render(t, s)
		golden.Check(t, rendertest.HandBuiltGoldenName(name, "dot"), got)
		graphviz(t, got, "dot")
		graphviz(t, got, "neato", "-n2")
	})
}

// graphviz runs a Graphviz layout program on the DOT text and fails on a
// syntax error; it returns the SVG Graphviz made.
func graphviz(t *testing.T, src []byte, prog string, args ...string) []byte {
	t.Helper()
	path, err := exec.LookPath(prog)
	if err != nil {
		t.Skipf("GRAPHVIZ NOT INSTALLED: %s not found in PATH, so the DOT output was not checked with Graphviz; CI installs graphviz", prog)
	}
	cmd := exec.Command(path, append(args, "-Tsvg")...)
	cmd.Stdin = bytes.NewReader(src)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s rejected the DOT: %v\n%s\n--- input ---\n%s", prog, err, errb.String(), src)
	}
	if strings.Contains(errb.String(), "syntax error") {
		t.Fatalf("%s: %s", prog, errb.String())
	}
	return out.Bytes()
}

func TestQuoting(t *testing.T) {
	tricky := "say \"hi\" \\N back\\slash\nnext line 中文标签 <b>&"
	s := &scene.Scene{ID: `view/"odd"`, Title: tricky, Kind: scene.KindGraph, Width: 300, Height: 200, FontSize: 14,
		Clusters: []scene.Cluster{{ID: `c"1`, Label: []string{tricky}, Rect: scene.Rect{X: 10, Y: 10, W: 280, H: 180}}},
		Nodes: []scene.Node{
			{ID: `a"b\c`, Label: []string{tricky}, Tooltip: tricky, Parent: `c"1`, Rect: scene.Rect{X: 20, Y: 40, W: 120, H: 40}},
			{ID: "用户", Label: []string{"用户"}, Shape: scene.ShapeActor, Rect: scene.Rect{X: 200, Y: 40, W: 60, H: 60}},
		},
		Edges: []scene.Edge{{ID: "e1", From: `a"b\c`, To: "用户", Label: []string{tricky}, Arrow: true}},
	}
	got := string(render(t, s))
	wantLabel := `label="say \"hi\" \\N back\\slash\nnext line 中文标签 <b>&amp;"`
	if !strings.Contains(got, wantLabel) {
		t.Errorf("label not quoted as %s in:\n%s", wantLabel, got)
	}
	if !strings.Contains(got, `"a\"b\\c" -> "用户"`) {
		t.Errorf("edge ids not quoted:\n%s", got)
	}
	svg := string(graphviz(t, []byte(got), "dot"))
	// Graphviz must have read the text literally: \N is not expanded to
	// the node name, and markup is escaped in its SVG.
	for _, want := range []string{"say &quot;hi&quot; \\N back\\slash", "next line 中文标签 &lt;b&gt;&amp;"} {
		if !strings.Contains(svg, want) {
			t.Errorf("Graphviz SVG lacks %q:\n%s", want, svg)
		}
	}
}

func TestClusterEdgesUseAnchors(t *testing.T) {
	got := string(render(t, rendertest.HandBuilt(t)["business"]))
	for _, want := range []string{
		`"frontend__anchor" -> "data__anchor" [id="e-frontend-data", ltail="cluster_frontend", lhead="cluster_data"`,
		`subgraph "cluster_frontend" {`,
		`"user-center" [id="n-user-center", label="用户中心模块", pos="515,277!"`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %s", want)
		}
	}
}
