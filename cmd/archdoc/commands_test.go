package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// Each command's run function, called directly with its options and
// buffers for standard output and error, as cobra's RunE calls it.

const exampleModel = "../../examples/shop/architecture.yaml"

func TestRunValidate(t *testing.T) {
	var out bytes.Buffer
	if err := runValidate(&validateOptions{File: exampleModel, Format: "text", Out: &out}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "architecture.yaml: ok (22 elements)") {
		t.Errorf("stdout %q", out.String())
	}
	out.Reset()
	err := runValidate(&validateOptions{File: "-", Format: "json", In: strings.NewReader("name: x\nflows: [{from: a, to: b}]\n"), Out: &out})
	if err == nil || !strings.Contains(out.String(), `"file": "<stdin>"`) {
		t.Errorf("stdin model with errors: %v, %q", err, out.String())
	}
}

func TestRunSchemaAndVersion(t *testing.T) {
	var out bytes.Buffer
	if err := runSchema(&schemaOptions{Out: &out}); err != nil || !strings.Contains(out.String(), `"$schema"`) {
		t.Errorf("schema: %v, %.80q", err, out.String())
	}
	out.Reset()
	if err := runVersion(&versionOptions{Out: &out}); err != nil || !strings.HasPrefix(out.String(), "archdoc ") {
		t.Errorf("version: %v, %q", err, out.String())
	}
}

func TestRunInitThenGenModel(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "new")
	var out bytes.Buffer
	if err := runInit(&initOptions{Dir: dir, Out: &out}); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"architecture.yaml", "architecture.schema.json"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Error(err)
		}
	}
	if err := runInit(&initOptions{Dir: dir, Out: &out}); err == nil {
		t.Error("init over its own files must fail, not overwrite")
	}
	out.Reset()
	if err := runGenModel(&genModelOptions{Modules: 5, Seed: 1, Out: &out}); err != nil || !strings.Contains(out.String(), "name: Synthetic 5") {
		t.Errorf("gen-model: %v, %.60q", err, out.String())
	}
}

func TestRunExportAndImport(t *testing.T) {
	dir := t.TempDir()
	dsl := filepath.Join(dir, "workspace.dsl")
	var out, errOut bytes.Buffer
	if err := runExport(&exportOptions{File: exampleModel, Format: "structurizr", Out: dsl, Stdout: &out}); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(dsl); !bytes.Contains(data, []byte("workspace")) {
		t.Errorf("export wrote %.80q", data)
	}
	model := filepath.Join(dir, "architecture.yaml")
	opts := &importOptions{Paths: []string{"../../testdata/seed/business-model.drawio"}, Out: model, Stdout: &out, Stderr: &errOut}
	if err := runImport(opts, importDrawio); err != nil {
		t.Fatal(err)
	}
	if _, err := loadModel(model, nil); err != nil {
		t.Errorf("the imported model does not load: %v", err)
	}
}

func TestRunDiagramAndSlides(t *testing.T) {
	dir := t.TempDir()
	var out, errOut bytes.Buffer
	svg := filepath.Join(dir, "business.svg")
	err := runDiagram(context.Background(), &diagramOptions{File: exampleModel, Views: []string{"business"}, Format: "svg", Out: svg, Stdout: &out, Stderr: &errOut})
	if err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(svg); !bytes.Contains(data, []byte(`class="archdoc-diagram`)) {
		t.Errorf("diagram wrote %.80q", data)
	}
	md := filepath.Join(dir, "deck", "talk.md")
	if err := runSlides(context.Background(), &slidesOptions{File: exampleModel, Format: "md", Out: md, Stdout: &out, Stderr: &errOut}); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(md); !bytes.Contains(data, []byte("marp: true")) {
		t.Errorf("slides wrote %.80q", data)
	}
}

func TestRunServeStopsWithItsContext(t *testing.T) {
	var out syncBuffer
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- runServe(ctx, &serveOptions{File: exampleModel, Port: 0, Stdout: &out, Stderr: &syncBuffer{}})
	}()
	deadline := time.Now().Add(30 * time.Second)
	for !strings.Contains(out.String(), "serving ") && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "on http://127.0.0.1:") {
		t.Errorf("stdout %q", out.String())
	}
}

// syncBuffer is a bytes.Buffer safe for a writer and a reader at once.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func TestRunDiff(t *testing.T) {
	var out, errOut bytes.Buffer
	err := runDiff(context.Background(), &diffOptions{Old: exampleModel, New: exampleModel, Format: "text", Stdout: &out, Stderr: &errOut})
	if err != nil || !strings.Contains(out.String(), "no differences") {
		t.Errorf("a model against itself: %v, %q", err, out.String())
	}
	dir := t.TempDir()
	old, changed := filepath.Join(dir, "old.yaml"), filepath.Join(dir, "new.yaml")
	model := "name: Shop\ndomains:\n  - id: shop\n    name: Shop\n    modules:\n      - {id: web, name: Web}\n"
	if err := os.WriteFile(old, []byte(model), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(changed, []byte(model+"      - {id: cart, name: Cart}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	err = runDiff(context.Background(), &diffOptions{Old: old, New: changed, Format: "json", Stdout: &out, Stderr: &errOut})
	if err == nil || !strings.Contains(out.String(), `"cart"`) {
		t.Errorf("an added module: %v (want exit 1), %q %q", err, out.String(), errOut.String())
	}
}
