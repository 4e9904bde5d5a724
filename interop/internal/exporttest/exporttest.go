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
// examples of the repository, each importer's golden output (what a
// user who imports and then exports gets) and a hand-built one with the
// awkward cases (quotes, backslashes, sub-domains, flows to technologies).
func Models(t *testing.T) map[string]*model.Model {
	t.Helper()
	out := map[string]*model.Model{"edge-cases": EdgeCases(t)}
	for name, rel := range map[string]string{"showcase": "architecture.yaml", "shop": "examples/shop/architecture.yaml",
		"kinds":                "render/testdata/kinds/architecture.yaml", // every module kind, owned stores
		"imported-drawio":      "interop/drawio/testdata/business-model.golden.yaml",
		"imported-drawio-c4":   "interop/drawio/testdata/c4-library.golden.yaml",
		"imported-backstage":   "interop/backstage/testdata/shop.golden.yaml",
		"imported-structurizr": "interop/structurizr/testdata/import/bigbank/architecture.golden.yaml",
		"imported-likec4":      "interop/likec4/testdata/cloud-system.golden.yaml",
		"imported-compose":     "interop/compose/testdata/lnmp.golden.yaml"} {
		m, err := model.Load(filepath.Join(repoRoot(), rel))
		if err != nil {
			t.Fatalf("%s: %v", rel, err)
		}
		out[name] = m
	}
	return out
}

// CheckGolden writes every model of Models with write and compares
// each output with testdata/<model>.<ext>, one subtest per model; it
// returns the outputs by model name for the real tools to check.
func CheckGolden(t *testing.T, write func(io.Writer, *model.Model) error, ext string) map[string]string {
	t.Helper()
	outs := map[string]string{}
	for name, m := range Models(t) {
		var buf bytes.Buffer
		if err := write(&buf, m); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		outs[name] = buf.String()
		t.Run(name, func(t *testing.T) {
			golden.Check(t, filepath.Join("testdata", name+"."+ext), buf.Bytes())
		})
	}
	return outs
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
      - {id: apps, name: Application System(s), description: 'a "(" after a word is no macro call'}
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
  - id: billing
    name: Billing
    modules: [{id: invoice, name: Invoice}, {id: ledger, name: Ledger}]
stack:
  layers:
    - id: data
      name: Data
      technologies: [{id: pg, name: PostgreSQL}, {id: go, name: Go}]
    - id: messaging
      name: Messaging
      technologies: [{id: mq, name: RabbitMQ, what: A message broker.}]
flows:
  - {from: buyer, to: web, label: 'clicks "buy"', protocol: HTTPS}
  - {from: buyer, to: web, label: 'clicks "buy"'}
  - {from: web, to: pg, label: stores}
  - {from: web, to: shop, label: reports to its own domain}
  - {from: login, to: bank, label: checks}
  - {from: accounts, to: empty}
  - {from: bank, to: deep, label: "pays\\"}
  # the same label between two domains and between their modules
  - {from: web, to: invoice, label: bills}
  - {from: shop, to: billing, label: bills}
  - {from: apps, to: ledger}
  - {from: shop, to: billing}
  # through a queue: both halves must survive the export
  - {from: web, to: mq, label: publishes order}
  - {from: mq, to: ledger, label: delivers order}
`
	m, err := model.Parse("edge-cases.yaml", []byte(src))
	if err != nil {
		t.Fatalf("edge-case model: %v", err)
	}
	return m
}
