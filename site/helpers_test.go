package site

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/archdoc/archdoc/model"
	"github.com/archdoc/archdoc/render/scene"
)

var update = flag.Bool("update", false, "rewrite golden files")

// noScenes skips layout for tests about text, not diagrams.
var noScenes = WithScenes(func(context.Context, *model.Model) ([]*scene.Scene, error) { return nil, nil })

// shopModel is a small hand-built model (no loader, no validation), so
// tests can also put in what the validator would reject.
func shopModel() *model.Model {
	m := &model.Model{
		Name:     "Shop",
		Language: "en",
		Summary:  "A small shop. Start at [the cart](module:cart).",
		Actors:   []model.Actor{{ID: "customer", Name: "Customer", Description: "Buys things."}},
		Domains: []model.Domain{{
			ID: "sales", Name: "Sales", Description: "Selling.",
			Modules: []model.Module{
				{ID: "cart", Name: "Cart", Description: "Holds the **items** a customer picked.", Features: []string{"add item", "`checkout`"}, Tech: []string{"redis"}, Notes: []string{"Carts expire after 7 days."}},
				{ID: "orders", Name: "Orders", Description: "Turns carts into orders.", Tech: []string{"mysql"}},
			},
		}},
		Stack: model.Stack{Layers: []model.Layer{{ID: "data", Name: "Data", Technologies: []model.Technology{
			{ID: "redis", Name: "Redis", What: "An in-memory store.", Why: "Fast.", How: "Cart contents.", Pitfalls: []string{"Memory is finite."},
				Links: []model.Link{{Title: "Home", URL: "https://redis.io"}}},
			{ID: "mysql", Name: "MySQL", What: "A relational database."},
		}}}},
		Flows: []model.Flow{
			{ID: "checkout", From: "cart", To: "orders", Label: "checkout", Protocol: "HTTP",
				Steps: []model.Step{{From: "cart", To: "orders", Label: "create order"}}},
			{ID: "browse", From: "customer", To: "cart", Label: "add to cart"},
		},
		Ideas:    []model.Idea{{ID: "sharding", Title: "Shard orders", Problem: "Too many rows.", Status: "proposed", Related: []string{"orders"}}},
		Tasks:    []model.Task{{ID: "cache", Title: "Cache carts", Situation: "Slow.", Action: "Redis.", Result: "Fast.", Modules: []string{"cart"}, Tech: []string{"redis"}}},
		Glossary: []model.Term{{Term: "Cart", Definition: "What a customer buys."}},
	}
	m.BuildIndex()
	return m
}

// renderSite renders m in memory without diagrams.
func renderSite(t *testing.T, m *model.Model, opts ...Option) (map[string][]byte, *Report) {
	t.Helper()
	files, rep, err := Render(context.Background(), m, append([]Option{noScenes}, opts...)...)
	if err != nil {
		t.Fatalf("Render: %v", err)
	}
	return files, rep
}

var (
	exampleOnce  sync.Once
	exampleModel *model.Model
	exampleErr   error
)

// testingModel keeps the benchmark helpers short.
type testingModel = model.Model

func loadExampleOnce() {
	exampleModel, exampleErr = model.Load(filepath.Join("..", "architecture.yaml"))
}

// loadExample loads the repository's showcase model once per test binary.
func loadExample(t *testing.T) *model.Model {
	t.Helper()
	exampleOnce.Do(loadExampleOnce)
	if exampleErr != nil {
		t.Fatalf("loading the example: %v", exampleErr)
	}
	return exampleModel
}

// writeModel writes a model file (and extra files) into a fresh folder
// and returns the model's path.
func writeModel(t *testing.T, files map[string]string) string {
	t.Helper()
	return writeModelIn(t, t.TempDir(), files)
}

// writeModelIn is writeModel into dir (made if need be).
func writeModelIn(t *testing.T, dir string, files map[string]string) string {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return filepath.Join(dir, "architecture.yaml")
}

func mustContain(t *testing.T, what, s string, subs ...string) {
	t.Helper()
	for _, sub := range subs {
		if !strings.Contains(s, sub) {
			t.Errorf("%s does not contain %q", what, sub)
		}
	}
}

func mustNotContain(t *testing.T, what, s string, subs ...string) {
	t.Helper()
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			t.Errorf("%s contains %q", what, sub)
		}
	}
}
