package structurizr

import (
	"bytes"
	"testing"

	"github.com/archdoc/archdoc/interop/internal/exporttest"
	"github.com/archdoc/archdoc/interop/internal/importkit"
	"github.com/archdoc/archdoc/interop/internal/importtest"
	"github.com/archdoc/archdoc/model"
)

// TestRoundTripKeepsKinds: the kinds fixture exported and imported back
// keeps every module's kind (its container's tag); a store comes back as
// a module of its kind.
func TestRoundTripKeepsKinds(t *testing.T) {
	m := exporttest.Models(t)["kinds"]
	var buf bytes.Buffer
	if err := Write(&buf, m); err != nil {
		t.Fatal(err)
	}
	r, err := Import(importkit.File{Name: "kinds.dsl", Data: buf.Bytes()}, nil, ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	back := importtest.Builds(t, r.YAML)
	kinds := map[string]string{}
	for _, e := range back.Elements() {
		if e.Kind == model.KindModule {
			kinds[e.Name] = e.Module.ModuleKind()
		}
	}
	for _, e := range m.Elements() {
		want := ""
		switch e.Kind {
		case model.KindModule:
			want = e.Module.ModuleKind()
		case model.KindStore:
			want = e.Store.StoreKind()
		default:
			continue
		}
		if got := kinds[e.Name]; got != want {
			t.Errorf("%s %q comes back as kind %q, want %q", e.Kind, e.Name, got, want)
		}
	}
}
