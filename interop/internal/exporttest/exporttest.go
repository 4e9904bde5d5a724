// Package exporttest has the models and the checks the exporters'
// golden tests share.
package exporttest

import (
	"bytes"
	"io"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/archdoc/archdoc/internal/golden"
	"github.com/archdoc/archdoc/model"
)

// repoRoot is the module root, found from this file's location.
func repoRoot() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "..")
}

// Models returns the models the exporters are tested on: the two
// examples of the repository and a hand-built one with the awkward
// cases (quotes, backslashes, sub-domains, flows the tools cannot draw).
func Models(t *testing.T) map[string]*model.Model {
	t.Helper()
	out := map[string]*model.Model{"edge-cases": EdgeCases(t)}
	for name, rel := range map[string]string{"showcase": "architecture.yaml", "shop": "examples/shop/architecture.yaml"} {
		m, err := model.Load(filepath.Join(repoRoot(), rel))
		if err != nil {
			t.Fatalf("%s: %v", rel, err)
		}
		out[name] = m
	}
	return out
}

// CheckGolden writes every model of Models with write, compares each
// output with testdata/<model>.<ext> and runs check (the exporter's
// syntax checker) on it, one subtest per model.
func CheckGolden(t *testing.T, write func(io.Writer, *model.Model) error, ext string, check func(t *testing.T, out string)) {
	t.Helper()
	for name, m := range Models(t) {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := write(&buf, m); err != nil {
				t.Fatal(err)
			}
			golden.Check(t, filepath.Join("testdata", name+"."+ext), buf.Bytes())
			check(t, buf.String())
		})
	}
}

// EdgeCases is a small model with everything an exporter must escape or
// work around.
func EdgeCases(t *testing.T) *model.Model {
	t.Helper()
	src := `name: 'Quote "Q" \ Co'
summary: |
  A [shop](domain:shop) with **bold** text.

  Second paragraph.
actors:
  - {id: buyer, name: 'Buyer "B"', description: "Buys\nthings"}
  - {id: bank, name: Bank, kind: external}
  - {id: shop-actor, name: Shop}
domains:
  - id: shop
    name: Shop
    modules:
      - {id: web, name: 'Web \', tech: [go, pg], features: [browse, 'pay "now"']}
      - {id: 2fa, name: Web, description: 'second module named like the first'}
    domains:
      - id: accounts
        name: 账户
        modules:
          - {id: login, name: 登录, description: 'uses $var and %func() and \n'}
        domains:
          - id: deep
            name: Deep
            modules: [{id: deep-mod, name: Deep module}]
  - {id: empty, name: Empty domain}
stack:
  layers:
    - id: data
      name: Data
      technologies: [{id: pg, name: PostgreSQL}, {id: go, name: Go}]
flows:
  - {from: buyer, to: web, label: 'clicks "buy"', protocol: HTTPS}
  - {from: buyer, to: web, label: 'clicks "buy"'}
  - {from: web, to: pg, label: stores}
  - {from: web, to: shop, label: reports to its own domain}
  - {from: login, to: bank, label: checks}
  - {from: accounts, to: empty}
  - {from: bank, to: deep, label: "pays\\"}
`
	m, err := model.Parse("edge-cases.yaml", []byte(src))
	if err != nil {
		t.Fatalf("edge-case model: %v", err)
	}
	return m
}
