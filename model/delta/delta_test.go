package delta

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/archdoc/archdoc/internal/golden"
	"github.com/archdoc/archdoc/internal/synth"
	"github.com/archdoc/archdoc/model"
)

func load(t testing.TB, path string) *model.Model {
	t.Helper()
	m, err := model.Load(path)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return m
}

// TestCompareGoldens compares each pair of models under testdata/ (old
// and new) with the text, Markdown and JSON the diff of them gives.
func TestCompareGoldens(t *testing.T) {
	dirs, _ := filepath.Glob("testdata/*/old")
	if len(dirs) < 6 {
		t.Fatalf("found %d model pairs under testdata/, want at least 6", len(dirs))
	}
	for _, dir := range dirs {
		c := filepath.Dir(dir)
		t.Run(filepath.Base(c), func(t *testing.T) {
			d := Compare(load(t, filepath.Join(c, "old", "architecture.yaml")), load(t, filepath.Join(c, "new", "architecture.yaml")))
			if d.Empty() {
				t.Fatal("no differences found")
			}
			for _, f := range []struct {
				name  string
				write func(*bytes.Buffer, *Diff) error
			}{
				{"diff.txt", func(b *bytes.Buffer, d *Diff) error { return WriteText(b, d) }},
				{"diff.md", func(b *bytes.Buffer, d *Diff) error { return WriteMarkdown(b, d) }},
				{"diff.json", func(b *bytes.Buffer, d *Diff) error { return WriteJSON(b, d) }},
			} {
				var b bytes.Buffer
				if err := f.write(&b, d); err != nil {
					t.Fatal(err)
				}
				golden.Check(t, filepath.Join(c, f.name), b.Bytes())
			}
		})
	}
}

func TestCompareSameModelIsEmpty(t *testing.T) {
	m := load(t, "../../architecture.yaml")
	d := Compare(m, load(t, "../../architecture.yaml"))
	if !d.Empty() {
		var b bytes.Buffer
		_ = WriteText(&b, d)
		t.Fatalf("a model differs from itself:\n%s", b.String())
	}
}

// TestToBeCouponOptions derives both options of the example's coupon
// idea and checks what a reader of its page is told.
func TestToBeCouponOptions(t *testing.T) {
	m := load(t, "../../architecture.yaml")
	idea := -1
	for i, x := range m.Ideas {
		if x.ID == "voucher-data-volume" {
			idea = i
		}
	}
	if idea < 0 {
		t.Fatal("the example has no coupon idea")
	}
	want := []string{
		"新增 卡券归档、按月归档冷数据；修改 卡券模块 (features)",
		"新增 MongoDB、卡券数据（分片）；修改 卡券模块 (tech)",
	}
	for opt, w := range want {
		toBe := ToBe(m, idea, opt)
		if got := Summary(Compare(m, toBe), true); got != w {
			t.Errorf("option %d: summary %q, want %q", opt+1, got, w)
		}
	}
	// The as-is model is untouched.
	if d := Compare(m, load(t, "../../architecture.yaml")); !d.Empty() {
		t.Error("ToBe changed the as-is model")
	}
}

// TestToBeRemoveCascades: removing a domain takes its modules, their
// flows and the technologies' use by them with it.
func TestToBeRemoveCascades(t *testing.T) {
	src := `name: x
actors: [{id: u, name: U}]
domains:
  - id: d
    name: D
    modules: [{id: a, name: A, tech: [t]}]
  - id: e
    name: E
    modules: [{id: b, name: B}]
stack:
  layers: [{id: l, name: L, technologies: [{id: t, name: T, used_by: [b]}]}]
flows: [{from: u, to: a}, {from: u, to: b}]
ideas:
  - id: i
    title: I
    options:
      - name: o
        changes:
          remove: [d, t]
          modify: [{id: b, in: e, name: B2}]
`
	m, err := model.Parse("architecture.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	toBe := ToBe(m, 0, 0)
	d := Compare(m, toBe)
	var b bytes.Buffer
	_ = WriteText(&b, d)
	got := b.String()
	for _, w := range []string{"- domain D (d)", "- module A (a)", "- technology T (t)", "- flow u-a", "~ module B2 (b)", "name: B → B2"} {
		if !strings.Contains(got, w) {
			t.Errorf("diff lacks %q:\n%s", w, got)
		}
	}
	if strings.Contains(got, "u-b") {
		t.Errorf("the flow to the kept module went:\n%s", got)
	}
}

func TestMain(m *testing.M) { os.Exit(m.Run()) }

// BenchmarkCompare1000 compares two generated 1000-module models that
// differ in everything (another seed: other labels and flows), as
// `archdoc diff` does after loading them.
func BenchmarkCompare1000(b *testing.B) {
	old, err := model.Parse("old.yaml", synth.Model(1000, 1))
	if err != nil {
		b.Fatal(err)
	}
	cur, err := model.Parse("new.yaml", synth.Model(1000, 2))
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if d := Compare(old, cur); d.Empty() {
			b.Fatal("no differences")
		}
	}
}
