package drawio

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/archdoc/archdoc/model"
	"go.yaml.in/yaml/v3"
)

// SchemaURL is what the first line of an imported file points the YAML
// language server at, for completion and checks in editors.
var SchemaURL = model.SchemaURL

// encodeYAML writes m as YAML with the schema line, a header and the
// comments attached by model path.
func encodeYAML(m *model.Model, cm comments, header []string, footer []string) ([]byte, error) {
	var doc yaml.Node
	if err := doc.Encode(m); err != nil {
		return nil, err
	}
	attach(&doc, "", cm)
	lines := append([]string{"yaml-language-server: $schema=" + SchemaURL}, header...)
	doc.HeadComment = strings.Join(lines, "\n")
	if len(footer) > 0 {
		doc.FootComment = strings.Join(footer, "\n")
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

// attach walks the node tree keeping the model path of each value
// ("domains[0].modules[1].id") and sets the comments recorded for it.
func attach(n *yaml.Node, path string, cm comments) {
	switch n.Kind {
	case yaml.DocumentNode:
		for _, c := range n.Content {
			attach(c, path, cm)
		}
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			p := k.Value
			if path != "" {
				p = path + "." + k.Value
			}
			if c := cm.line[p]; c != "" {
				v.LineComment = c
			}
			attach(v, p, cm)
		}
	case yaml.SequenceNode:
		for i, c := range n.Content {
			p := fmt.Sprintf("%s[%d]", path, i)
			if h := cm.head[p]; h != "" {
				c.HeadComment = h
			}
			attach(c, p, cm)
		}
	}
}
