package drawio

import (
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/archdoc/archdoc/model"
)

// TestOwnExportKeepsKinds: the kinds fixture's business view, exported
// to draw.io and imported back, keeps every module's kind (read from its
// shape); a store comes back as a module of its kind (draw.io does not
// say which module owns it).
func TestOwnExportKeepsKinds(t *testing.T) {
	_, file, _, _ := runtime.Caller(0)
	orig, err := model.Load(filepath.Join(filepath.Dir(file), "..", "..", "render", "testdata", "kinds", "architecture.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	r, err := Decode(exportBusiness(t, orig), Options{Source: "business.drawio"})
	if err != nil {
		t.Fatal(err)
	}
	back, err := model.Parse("architecture.yaml", r.YAML)
	if err != nil {
		t.Fatalf("re-import does not validate: %v", err)
	}
	kinds := map[string]string{} // by name; a store's name has its technology on a second line
	for _, e := range back.Elements() {
		if e.Kind == model.KindModule {
			name, _, _ := strings.Cut(e.Name, "\n")
			kinds[name] = e.Module.ModuleKind()
		}
	}
	for _, e := range orig.Elements() {
		want := ""
		switch e.Kind {
		case model.KindModule:
			want = e.Module.ModuleKind()
		case model.KindStore:
			want = e.Store.StoreKind()
		default:
			continue
		}
		if got, ok := kinds[e.Name]; !ok || got != want {
			t.Errorf("%s %q comes back as kind %q (found %v), want %q", e.Kind, e.Name, got, ok, want)
		}
	}
}
