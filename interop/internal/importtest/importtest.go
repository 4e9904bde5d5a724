// Package importtest checks, for the importers' tests, that an imported
// model validates and that a site builds from it.
package importtest

import (
	"context"
	"testing"

	"github.com/archdoc/archdoc/model"
	"github.com/archdoc/archdoc/site"
)

// Builds parses the imported YAML as `archdoc validate` would and renders
// the site from it, failing t on any error.
func Builds(t *testing.T, yaml []byte) *model.Model {
	t.Helper()
	m, err := model.Parse("architecture.yaml", yaml)
	if err != nil {
		t.Fatalf("imported model does not validate: %v\n%s", err, yaml)
	}
	files, _, err := site.Render(context.Background(), m)
	if err != nil {
		t.Fatalf("site does not build from the imported model: %v", err)
	}
	if len(files) == 0 {
		t.Fatal("site build wrote no files")
	}
	return m
}

// Flows lists a model's flows as "from->to label protocol", for tests.
func Flows(m *model.Model) []string {
	var out []string
	for _, f := range m.Flows {
		out = append(out, f.From+"->"+f.To+" "+f.Label+" "+f.Protocol)
	}
	return out
}

// Parse validates imported YAML as `archdoc validate` would.
func Parse(yaml []byte) (*model.Model, error) {
	return model.Parse("architecture.yaml", yaml)
}
