package backstage

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/archdoc/archdoc/interop/internal/words"
)

// File is one descriptor file: its name (for messages) and content.
type File struct {
	Name string
	Data []byte
}

// Limits on untrusted catalogs.
const (
	MaxFileSize = 10 << 20 // bytes per descriptor file
	MaxEntities = 20_000   // entities over all files
)

// entity is one catalog entity, as much as the importer reads of it.
type entity struct {
	Kind      string
	Name      string // metadata.name
	Namespace string
	Title     string
	Desc      string
	Tags      []string
	Spec      map[string]*yaml.Node
	file      string
	line      int
}

func (e *entity) where() string { return fmt.Sprintf("%s:%d", e.file, e.line) }

// ref is the entity's own reference, "kind:namespace/name", lowercased.
func (e *entity) ref() string { return refKey(e.Kind, e.Namespace, e.Name) }

func (e *entity) label() string {
	if e.Title != "" {
		return e.Title
	}
	return e.Name
}

func refKey(kind, ns, name string) string {
	if ns == "" {
		ns = "default"
	}
	return strings.ToLower(kind + ":" + ns + "/" + name)
}

// parseRef reads an entity reference: [kind:][namespace/]name, with the
// kind and namespace defaulted from the context it appears in.
func parseRef(s, defaultKind, defaultNS string) string {
	kind, rest := defaultKind, strings.TrimSpace(s)
	if k, r, ok := strings.Cut(rest, ":"); ok {
		kind, rest = k, r
	}
	ns, name := defaultNS, rest
	if n, r, ok := strings.Cut(rest, "/"); ok {
		ns, name = n, r
	}
	return refKey(kind, ns, name)
}

// knownSpec lists the spec fields each kind may have; anything else is
// reported so typos do not vanish silently.
var knownSpec = map[string][]string{
	"Domain":    {"owner", "subdomainOf", "type"},
	"System":    {"owner", "domain", "type"},
	"Component": {"type", "lifecycle", "owner", "system", "subcomponentOf", "providesApis", "consumesApis", "dependsOn", "dependencyOf"},
	"API":       {"type", "lifecycle", "owner", "system", "definition"},
	"Resource":  {"type", "owner", "system", "dependsOn", "dependencyOf"},
	"Group":     {"type", "profile", "parent", "children", "members"},
	"User":      {"profile", "memberOf"},
	"Location":  {"type", "target", "targets", "presence"},
}

// parseFile reads every YAML document of a descriptor file. Problems with
// one entity are warnings; only unreadable YAML fails the file.
func parseFile(f File, warn func(string, ...any)) ([]*entity, error) {
	if len(f.Data) > MaxFileSize {
		return nil, fmt.Errorf("%s: larger than the %s limit for a catalog file", f.Name, words.Size(MaxFileSize))
	}
	dec := yaml.NewDecoder(bytes.NewReader(f.Data))
	var out []*entity
	for {
		var doc yaml.Node
		err := dec.Decode(&doc)
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, words.YAMLError(f.Name, err)
		}
		if len(doc.Content) == 0 || doc.Content[0].Kind == yaml.ScalarNode && doc.Content[0].Tag == "!!null" {
			continue // empty document between ---
		}
		if e := readEntity(f.Name, doc.Content[0], warn); e != nil {
			out = append(out, e)
		}
	}
}

func readEntity(file string, n *yaml.Node, warn func(string, ...any)) *entity {
	at := fmt.Sprintf("%s:%d", file, n.Line)
	if n.Kind != yaml.MappingNode {
		warn("%s: not an entity (a YAML mapping with kind and metadata); skipped", at)
		return nil
	}
	top := fields(n)
	e := &entity{file: file, line: n.Line, Kind: scalar(top["kind"])}
	md := fields(top["metadata"])
	e.Name, e.Namespace = scalar(md["name"]), scalar(md["namespace"])
	e.Title, e.Desc = scalar(md["title"]), strings.TrimSpace(scalar(md["description"]))
	e.Tags = list(md["tags"])
	e.Spec = fields(top["spec"])
	switch {
	case e.Kind == "":
		warn("%s: entity without a kind; skipped", at)
		return nil
	case e.Name == "":
		warn("%s: %s without metadata.name; skipped", at, e.Kind)
		return nil
	}
	known, ok := knownSpec[e.Kind]
	if !ok {
		warn("%s: %s %s: kind %q is not imported; skipped", at, e.Kind, e.Name, e.Kind)
		return nil
	}
	keys := make([]string, 0, len(e.Spec))
	for k := range e.Spec {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if !contains(known, k) {
			warn("%s:%d: %s %s: unknown field spec.%s ignored", file, e.Spec[k].Line, e.Kind, e.Name, k)
		}
	}
	return e
}

// fields maps a YAML mapping's keys to their values (nil for non-maps).
func fields(n *yaml.Node) map[string]*yaml.Node {
	out := map[string]*yaml.Node{}
	if n == nil || n.Kind != yaml.MappingNode {
		return out
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		out[n.Content[i].Value] = n.Content[i+1]
	}
	return out
}

func scalar(n *yaml.Node) string {
	if n == nil || n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		return ""
	}
	return n.Value
}

// list reads a string or a list of strings (both occur in the wild).
func list(n *yaml.Node) []string {
	if n == nil {
		return nil
	}
	if n.Kind == yaml.ScalarNode {
		if s := scalar(n); s != "" {
			return []string{s}
		}
		return nil
	}
	var out []string
	for _, c := range n.Content {
		if s := scalar(c); s != "" {
			out = append(out, s)
		}
	}
	return out
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

func (e *entity) spec(k string) string       { return scalar(e.Spec[k]) }
func (e *entity) specList(k string) []string { return list(e.Spec[k]) }
