package structurizr

import (
	"bytes"
	"testing"

	"github.com/archdoc/archdoc/interop/internal/exporttest"
	"github.com/archdoc/archdoc/interop/internal/importkit"
	"github.com/archdoc/archdoc/interop/internal/importtest"
	"github.com/archdoc/archdoc/model"
)

// kindsRoundTrip is the kinds fixture and what comes back from
// exporting it to the DSL and importing that.
func kindsRoundTrip(t *testing.T) (sent, back *model.Model) {
	t.Helper()
	m := exporttest.Models(t)["kinds"]
	var buf bytes.Buffer
	if err := Write(&buf, m); err != nil {
		t.Fatal(err)
	}
	r, err := Import(importkit.File{Name: "kinds.dsl", Data: buf.Bytes()}, nil, ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return m, importtest.Builds(t, r.YAML)
}

// TestRoundTripKeepsKinds: the kinds fixture exported and imported back
// keeps every module's kind (its container's tag); a store comes back as
// a module of its kind.
func TestRoundTripKeepsKinds(t *testing.T) {
	m, back := kindsRoundTrip(t)
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

// TestRoundTripKeepsAsync: the kinds fixture's async flows come back
// async (their relationships' Async tag), the others not; a workspace's
// own "Asynchronous" tag, in the DSL or in JSON, is read the same way.
func TestRoundTripKeepsAsync(t *testing.T) {
	m, back := kindsRoundTrip(t)
	async := map[string]bool{}
	for _, f := range back.Flows {
		async[f.Label] = f.Async
	}
	for _, f := range m.Flows {
		if got, ok := async[f.Label]; !ok || got != f.Async {
			t.Errorf("flow %q comes back async=%v (found: %v), want %v", f.Label, got, ok, f.Async)
		}
	}
	dsl := `workspace {
  model {
    a = softwareSystem "A"
    b = softwareSystem "B"
    a -> b "Sends events" "Kafka" "Asynchronous"
    b -> a "Reads" "HTTP"
  }
}`
	r, err := Import(importkit.File{Name: "w.dsl", Data: []byte(dsl)}, nil, ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if fs := importtest.Builds(t, r.YAML).Flows; len(fs) != 2 || !fs[0].Async || fs[1].Async {
		t.Errorf("DSL: flows %+v, want the first async only", fs)
	}
	js := `{"name": "w", "model": {"softwareSystems": [
  {"id": "1", "name": "A", "tags": "Element,Software System", "relationships": [
    {"id": "3", "sourceId": "1", "destinationId": "2", "description": "Sends events", "tags": "Relationship,Asynchronous"}]},
  {"id": "2", "name": "B", "tags": "Element,Software System", "relationships": [
    {"id": "4", "sourceId": "2", "destinationId": "1", "description": "Reads", "tags": "Relationship"}]}]}}`
	r, err = Import(importkit.File{Name: "workspace.json", Data: []byte(js)}, nil, ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if fs := importtest.Builds(t, r.YAML).Flows; len(fs) != 2 || !fs[0].Async || fs[1].Async {
		t.Errorf("JSON: flows %+v, want the first async only", fs)
	}
}
