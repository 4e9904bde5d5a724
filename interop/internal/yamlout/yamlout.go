// Package yamlout writes an imported model as a commented
// architecture.yaml: the schema line first, a header, comments attached
// by model path, and a footer for what could not be imported.
package yamlout

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/archdoc/archdoc/model"
	"go.yaml.in/yaml/v3"
)

// Comments are YAML comments by model path: Head above a list item
// ("domains[0]"), Line after a value ("domains[0].id").
type Comments struct{ Head, Line map[string]string }

// NewComments returns empty comments ready to fill.
func NewComments() Comments {
	return Comments{Head: map[string]string{}, Line: map[string]string{}}
}

// SchemaRef is the schema the first line names, for completion and
// checks in editors: the file `archdoc init` (and `archdoc import`) write
// beside the model.
const SchemaRef = "./architecture.schema.json"

// Encode writes m as YAML with two-space indentation.
func Encode(m *model.Model, c Comments, header, footer []string) ([]byte, error) {
	var doc yaml.Node
	if err := doc.Encode(m); err != nil {
		return nil, err
	}
	attach(&doc, "", c)
	clean(&doc)
	lines := append([]string{"yaml-language-server: $schema=" + SchemaRef}, header...)
	doc.HeadComment = model.StripHiddenControls(strings.Join(lines, "\n"))
	if len(footer) > 0 {
		doc.FootComment = model.StripHiddenControls(strings.Join(footer, "\n"))
	}
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(&doc); err != nil {
		return nil, fmt.Errorf("writing YAML: %w", err)
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// attach walks the node tree keeping the model path of each value and
// sets the comments recorded for it.
func attach(n *yaml.Node, path string, c Comments) {
	switch n.Kind {
	case yaml.DocumentNode:
		for _, ch := range n.Content {
			attach(ch, path, c)
		}
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if k.Value == "on" {
				// yaml.v3 quotes YAML 1.1 booleans; the loader (YAML 1.2)
				// reads a bare on as the key, as the examples write it.
				k.Style = 0
			}
			p := k.Value
			if path != "" {
				p = path + "." + k.Value
			}
			if s := c.Line[p]; s != "" {
				v.LineComment = s
			}
			attach(v, p, c)
		}
	case yaml.SequenceNode:
		for i, ch := range n.Content {
			p := fmt.Sprintf("%s[%d]", path, i)
			if h := c.Head[p]; h != "" {
				ch.HeadComment = h
			}
			attach(ch, p, c)
		}
	}
}

// clean drops hidden controls (see model.IsHiddenControl) from every
// value, key and comment: imported text comes from files archdoc does not
// check (a "\e[31m" title in a catalog, a bidi override in a diagram
// label), and the model would refuse them.
func clean(n *yaml.Node) {
	if v := model.StripHiddenControls(n.Value); v != n.Value {
		n.Value = v
		n.Style &^= yaml.DoubleQuotedStyle // chosen for the escapes; quoted again if still needed
	}
	n.HeadComment = model.StripHiddenControls(n.HeadComment)
	n.LineComment = model.StripHiddenControls(n.LineComment)
	n.FootComment = model.StripHiddenControls(n.FootComment)
	for _, ch := range n.Content {
		clean(ch)
	}
}
