package model

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
)

// SchemaURL is where editors find the schema when a model names it by
// URL rather than by a path into this repository.
const SchemaURL = "https://raw.githubusercontent.com/archdoc/archdoc/main/schema/architecture.schema.json"

// IncludeSchemaURL is the schema of an included file: the model's lists,
// nothing required (an include has no name of its own).
const IncludeSchemaURL = "https://raw.githubusercontent.com/archdoc/archdoc/main/schema/include.schema.json"

// typeDocs describe the object types in the schema (reflection cannot
// read Go doc comments); keep them in step with types.go.
var typeDocs = map[string]string{
	"Model":          "An architecture model: one architecture.yaml, plus its includes.",
	"Settings":       "How the model's text is rendered.",
	"Actor":          "A person or an external system around the system.",
	"Domain":         "A business domain (前台, 后台, 数据模块 ...); domains may nest.",
	"ModuleDefaults": "What a domain gives each of its modules (and its sub-domains' modules).",
	"Module":         "A part of a domain: a service, an app, a back-office tool.",
	"Operation":      "One operation of a module's API.",
	"Store":          "A data store one module owns (its own database, cache or queue), drawn beside the module and counted on the stack.",
	"Stack":          "The technology stack, layer by layer.",
	"Layer":          "A group of technologies (OS, web server, language, data ...).",
	"Technology":     "One piece of the stack: what it is, why it was chosen, how it is used here.",
	"Link":           "A titled URL.",
	"Flow":           "Data moving from one element to another.",
	"AddedFlow":      "A flow an option adds: as in the flows list, but with one target (to is one id).",
	"Step":           "One message of a flow's sequence.",
	"Note":           "Free text attached to an element.",
	"Idea":           "An improvement proposal or decision record.",
	"Option":         "One way to solve an idea's problem.",
	"Changes":        "What an option changes in the architecture: the to-be model is the as-is one with these applied.",
	"Addition":       "One element an option adds: exactly one of actor, domain, module, tech or flow.",
	"Modification":   "Fields an option changes on an existing element; lists replace the old ones.",
	"Task":           "The engineer's own work, told as situation, task, action, result.",
	"Term":           "A glossary entry.",
	"Doc":            "An extra Markdown page, by path relative to the model's folder.",
	"ViewSpec":       "A custom view: elements chosen by id, by tag:NAME, or * for all.",
	"Presentation":   "How the slide deck is made (archdoc slides).",
	"SectionSpec":    "One section of the deck.",
	"SlideSpec":      "A slide written by hand in Markdown.",
}

// schema is one JSON Schema node; field order is output order.
type schema struct {
	Schema      string      `json:"$schema,omitempty"`
	ID          string      `json:"$id,omitempty"`
	Ref         string      `json:"$ref,omitempty"`
	Title       string      `json:"title,omitempty"`
	Description string      `json:"description,omitempty"`
	Type        string      `json:"type,omitempty"`
	Enum        []string    `json:"enum,omitempty"`
	Pattern     string      `json:"pattern,omitempty"`
	AnyOf       []*schema   `json:"anyOf,omitempty"`
	Items       *schema     `json:"items,omitempty"`
	MinItems    int         `json:"minItems,omitempty"`
	UniqueItems bool        `json:"uniqueItems,omitempty"`
	Properties  *properties `json:"properties,omitempty"`
	Required    []string    `json:"required,omitempty"`
	// AdditionalProperties is false for our objects, a schema for maps.
	AdditionalProperties any                `json:"additionalProperties,omitempty"`
	Defs                 map[string]*schema `json:"$defs,omitempty"`
}

// properties keeps the Go field order, which is the order the example
// and the docs use, so editors list fields sensibly.
type properties struct {
	names []string
	byKey map[string]*schema
}

func (p *properties) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, name := range p.names {
		if i > 0 {
			b.WriteByte(',')
		}
		k, _ := json.Marshal(name)
		v, err := marshalNoEscape(p.byKey[name])
		if err != nil {
			return nil, err
		}
		b.Write(k)
		b.WriteByte(':')
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// JSONSchema returns the JSON Schema (draft 2020-12) of architecture.yaml,
// generated from the Go types: descriptions from `doc:` tags, enums from
// `enum:` tags, required fields are those whose yaml tag lacks omitempty.
// The output is deterministic and indented.
func JSONSchema() ([]byte, error) {
	g := &schemaGen{defs: map[string]*schema{}}
	root := g.object(typeOf[Model]())
	root.Schema = "https://json-schema.org/draft/2020-12/schema"
	root.ID = SchemaURL
	root.Title = "archdoc architecture model"
	root.Defs = g.defs
	return indented(root)
}

// JSONIncludeSchema is the schema of a file named by a model's include:
// the same lists, without the fields only the main file may set (name,
// language ...) and with nothing required. It is made from the same
// types as JSONSchema, so the two cannot drift apart.
func JSONIncludeSchema() ([]byte, error) {
	g := &schemaGen{defs: map[string]*schema{}}
	full := g.object(typeOf[Model]())
	root := &schema{
		Schema: "https://json-schema.org/draft/2020-12/schema", ID: IncludeSchemaURL,
		Title: "archdoc include file", Type: "object", AdditionalProperties: false,
		Description: "A file named by a model's include: its lists are added to the model's.",
		Properties:  &properties{byKey: map[string]*schema{}},
		Defs:        g.defs,
	}
	for _, name := range full.Properties.names {
		if mainOnly[name] {
			continue
		}
		root.Properties.names = append(root.Properties.names, name)
		root.Properties.byKey[name] = full.Properties.byKey[name]
	}
	return indented(root)
}

func indented(root *schema) ([]byte, error) {
	out, err := marshalNoEscape(root)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if err := json.Indent(&b, out, "", "  "); err != nil {
		return nil, err
	}
	b.WriteByte('\n')
	return b.Bytes(), nil
}

func marshalNoEscape(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(b.Bytes(), "\n"), nil
}

type schemaGen struct {
	defs map[string]*schema // by Go type name
}

// object describes a struct type inline.
func (g *schemaGen) object(t reflect.Type) *schema { return g.objectOf(t, false) }

// single is the $ref for a struct type whose many fields take one value
// here, defined once as "Added" + its name: only the flows list expands
// several targets, so an idea's added flow has one.
func (g *schemaGen) single(t reflect.Type) *schema {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	name := "Added" + t.Name()
	if _, done := g.defs[name]; !done {
		s := g.objectOf(t, true)
		s.Description = typeDocs[name]
		g.defs[name] = s
	}
	return &schema{Ref: "#/$defs/" + name}
}

// objectOf describes a struct type inline; one: its many fields take
// one value.
func (g *schemaGen) objectOf(t reflect.Type, one bool) *schema {
	s := &schema{Type: "object", Description: typeDocs[t.Name()], AdditionalProperties: false,
		Properties: &properties{byKey: map[string]*schema{}}}
	for _, f := range structInfoOf(t).fields {
		fs := g.of(t.Field(f.index).Type)
		if f.single {
			fs = g.single(t.Field(f.index).Type)
		}
		if f.doc != "" {
			if fs.Ref != "" {
				// Siblings of $ref are allowed in 2020-12; keep the field's own words.
				fs = &schema{Ref: fs.Ref}
			}
			fs.Description = f.doc
		}
		if f.enum != nil {
			fs.Enum = f.enum
		}
		if f.name == "id" {
			fs.Pattern = slugRE().String()
		}
		if f.many && one && f.oneDoc != "" {
			fs.Description = f.oneDoc // a list of targets is not for here
		}
		if f.many && !one { // several targets, each once, as validate requires
			one := &schema{Type: fs.Type}
			fs = &schema{Description: fs.Description, AnyOf: []*schema{one, {Type: "array", Items: one, MinItems: 1, UniqueItems: true}}}
		}
		s.Properties.names = append(s.Properties.names, f.name)
		s.Properties.byKey[f.name] = fs
		if f.required {
			s.Required = append(s.Required, f.name)
		}
	}
	return s
}

// of describes any field type; struct types go to $defs once.
func (g *schemaGen) of(t reflect.Type) *schema {
	switch t.Kind() {
	case reflect.String:
		return &schema{Type: "string"}
	case reflect.Bool:
		return &schema{Type: "boolean"}
	case reflect.Float64:
		return &schema{Type: "number"}
	case reflect.Slice:
		return &schema{Type: "array", Items: g.of(t.Elem())}
	case reflect.Map:
		return &schema{Type: "object", AdditionalProperties: g.of(t.Elem())}
	case reflect.Pointer:
		return g.of(t.Elem())
	case reflect.Struct:
		if _, done := g.defs[t.Name()]; !done {
			g.defs[t.Name()] = nil // mark first: types may be recursive (Domain)
			g.defs[t.Name()] = g.object(t)
		}
		return &schema{Ref: "#/$defs/" + t.Name()}
	}
	panic(fmt.Sprintf("model: no JSON Schema for %s", t))
}
