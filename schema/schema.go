// Package schema holds the JSON Schema of architecture.yaml (include.schema.json
// beside it is for editors only). It is generated from model's Go types
// (model.JSONSchema, `go test ./model -run Schema -update`), and model's
// tests fail when these files no longer say what the types say. Commands
// print the stored bytes rather than generating them, so `archdoc schema`
// starts as fast as `archdoc version`.
package schema

import _ "embed"

//go:embed architecture.schema.json
var architecture string

// Architecture is the JSON Schema of a model file.
func Architecture() []byte { return []byte(architecture) }
