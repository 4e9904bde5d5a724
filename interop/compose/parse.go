package compose

import (
	"fmt"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/archdoc/archdoc/interop/internal/importkit"
	"github.com/archdoc/archdoc/interop/internal/words"
)

// service is one Compose service as the files describe it, merged over
// the files in order as Compose merges them.
type service struct {
	name, at   string // name and the file:line:col it was first defined at
	image      string
	build      string // build context, or "" (then the image names the technology)
	dockerfile string // the build's Dockerfile, relative to the context
	dependsOn  []string
	links      []string
	env        []envVar
	ports      []string
	networks   []string
	profiles   []string
	domain     string // label x-archdoc-domain
	unused     []string
}

type envVar struct{ name, value, at string }

// project is the merged files.
type project struct {
	name     string
	services []*service
	networks []string // declared top-level networks, in order
	unused   map[string]bool
}

// maxAliasDepth bounds following YAML aliases and merge keys (<<: *x).
const maxAliasDepth = 10

func where(file string, n *yaml.Node) string {
	return fmt.Sprintf("%s:%d:%d", file, n.Line, n.Column)
}

// deref follows aliases, so anchors and "<<: *defaults" read as Compose reads them.
func deref(n *yaml.Node) *yaml.Node {
	for i := 0; n != nil && n.Kind == yaml.AliasNode && i < maxAliasDepth; i++ {
		n = n.Alias
	}
	if n != nil && n.Kind == yaml.AliasNode {
		return nil
	}
	return n
}

// pairs lists a mapping's keys and values, merge keys expanded
// (explicit keys win over merged ones).
func pairs(n *yaml.Node, _ int) [][2]*yaml.Node {
	return mergedPairs(n, 0, map[*yaml.Node][][2]*yaml.Node{})
}

// mergedPairs expands each merged mapping once (memo): anchors merged
// into anchors merged into anchors would otherwise cost exponential time.
func mergedPairs(n *yaml.Node, depth int, memo map[*yaml.Node][][2]*yaml.Node) [][2]*yaml.Node {
	n = deref(n)
	if n == nil || n.Kind != yaml.MappingNode || depth > maxAliasDepth {
		return nil
	}
	if got, ok := memo[n]; ok {
		return got
	}
	memo[n] = nil // a mapping merging itself gets nothing from itself
	var own, merged [][2]*yaml.Node
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Value == "<<" && k.Tag == "!!merge" {
			v = deref(v)
			srcs := []*yaml.Node{v}
			if v != nil && v.Kind == yaml.SequenceNode {
				srcs = v.Content
			}
			for _, s := range srcs {
				merged = append(merged, mergedPairs(s, depth+1, memo)...)
			}
			continue
		}
		own = append(own, [2]*yaml.Node{k, v})
	}
	seen := map[string]bool{}
	for _, p := range own {
		seen[p[0].Value] = true
	}
	for _, p := range merged {
		if !seen[p[0].Value] {
			seen[p[0].Value] = true
			own = append(own, p)
		}
	}
	memo[n] = own
	return own
}

func scalar(n *yaml.Node) string {
	n = deref(n)
	if n == nil || n.Kind != yaml.ScalarNode {
		return ""
	}
	return n.Value
}

// list reads a list of strings, or a mapping's keys (depends_on and
// networks take both forms).
func list(n *yaml.Node) []string {
	n = deref(n)
	var out []string
	switch {
	case n == nil:
	case n.Kind == yaml.SequenceNode:
		for _, c := range n.Content {
			if s := scalar(c); s != "" {
				out = append(out, s)
			} else if c = deref(c); c != nil && c.Kind == yaml.MappingNode {
				out = append(out, longPort(c))
			}
		}
	case n.Kind == yaml.MappingNode:
		for _, p := range pairs(n, 0) {
			out = append(out, p[0].Value)
		}
	case n.Kind == yaml.ScalarNode && n.Value != "":
		out = append(out, n.Value)
	}
	return out
}

// longPort writes a long-syntax port ({target: 80, published: 8080}) short.
func longPort(n *yaml.Node) string {
	var target, published string
	for _, p := range pairs(n, 0) {
		switch p[0].Value {
		case "target":
			target = scalar(p[1])
		case "published":
			published = scalar(p[1])
		}
	}
	if published == "" {
		return ""
	}
	return published + ":" + target
}

// parseFile merges one Compose file into p.
func (p *project) parseFile(f importkit.File) error {
	if err := importkit.CheckSize(f.Name, f.Data); err != nil {
		return err
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(f.Data, &doc); err != nil {
		return words.YAMLError(f.Name, err)
	}
	if len(doc.Content) == 0 {
		return fmt.Errorf("%s: empty file; a Compose file has a services: mapping", f.Name)
	}
	root := deref(doc.Content[0])
	if root == nil || root.Kind != yaml.MappingNode {
		return fmt.Errorf("%s: not a Compose file: the top level must be a mapping with services:", where(f.Name, doc.Content[0]))
	}
	for _, kv := range pairs(root, 0) {
		k, v := kv[0], kv[1]
		switch {
		case k.Value == "name":
			p.name = scalar(v)
		case k.Value == "services":
			if err := p.parseServices(f.Name, v); err != nil {
				return err
			}
		case k.Value == "networks":
			for _, n := range list(v) {
				if !contains(p.networks, n) {
					p.networks = append(p.networks, n)
				}
			}
		case strings.HasPrefix(k.Value, "x-"), k.Value == "version":
		default:
			p.unused[k.Value] = true
		}
	}
	return nil
}

func (p *project) parseServices(file string, n *yaml.Node) error {
	if d := deref(n); d == nil || (d.Kind != yaml.MappingNode && !(d.Kind == yaml.ScalarNode && d.Tag == "!!null")) {
		return fmt.Errorf("%s: services must be a mapping of service names to services", where(file, n))
	}
	for _, kv := range pairs(n, 0) {
		name := kv[0].Value
		if name == "" || kv[0].Kind != yaml.ScalarNode || importkit.Name(name, "") != name || strings.ContainsAny(name, "\n\t") {
			return fmt.Errorf("%s: %q is not a service name (letters, digits, '-', '_' and '.')", where(file, kv[0]), name)
		}
		if d := deref(kv[1]); d == nil || (d.Kind != yaml.MappingNode && d.Tag != "!!null") {
			return fmt.Errorf("%s: service %q must be a mapping (image:, build:, ports: ...)", where(file, kv[1]), name)
		}
		s := p.service(name, where(file, kv[0]))
		s.merge(file, kv[1])
	}
	return nil
}

// service returns the service called name, new or from an earlier file.
func (p *project) service(name, at string) *service {
	for _, s := range p.services {
		if s.name == name {
			return s
		}
	}
	s := &service{name: name, at: at}
	p.services = append(p.services, s)
	return s
}

// merge applies one file's definition: later files override single
// values and add to lists, as `docker compose -f a -f b` does.
func (s *service) merge(file string, n *yaml.Node) {
	for _, kv := range pairs(n, 0) {
		k, v := kv[0].Value, kv[1]
		switch k {
		case "image":
			s.image = scalar(v)
		case "build":
			s.build, s.dockerfile = buildContext(v)
		case "depends_on":
			s.dependsOn = union(s.dependsOn, list(v))
		case "links", "external_links":
			for _, l := range list(v) {
				s.links = union(s.links, []string{strings.SplitN(l, ":", 2)[0]})
			}
		case "ports":
			s.ports = union(s.ports, list(v))
		case "networks":
			s.networks = union(s.networks, list(v))
		case "profiles":
			s.profiles = union(s.profiles, list(v))
		case "environment":
			s.env = append(s.env, envVars(file, v)...)
		case "labels":
			s.readLabels(v)
		default:
			if !contains(s.unused, k) {
				s.unused = append(s.unused, k)
			}
		}
	}
}

// buildContext reads build: as a context, or {context, dockerfile}.
func buildContext(n *yaml.Node) (context, dockerfile string) {
	if s := scalar(n); s != "" {
		return s, "Dockerfile"
	}
	context, dockerfile = ".", "Dockerfile"
	for _, p := range pairs(n, 0) {
		switch p[0].Value {
		case "context":
			context = scalar(p[1])
		case "dockerfile":
			dockerfile = scalar(p[1])
		}
	}
	return context, dockerfile
}

// envVars reads environment as a list ("K=V") or a mapping; values stay
// as written: ${VAR} is never looked up.
func envVars(file string, n *yaml.Node) []envVar {
	var out []envVar
	if d := deref(n); d != nil && d.Kind == yaml.SequenceNode {
		for _, c := range d.Content {
			k, v, _ := strings.Cut(scalar(c), "=")
			out = append(out, envVar{k, v, where(file, c)})
		}
		return out
	}
	for _, p := range pairs(n, 0) {
		out = append(out, envVar{p[0].Value, scalar(p[1]), where(file, p[1])})
	}
	return out
}

func (s *service) readLabels(n *yaml.Node) {
	if d := deref(n); d != nil && d.Kind == yaml.SequenceNode {
		for _, c := range d.Content {
			if k, v, _ := strings.Cut(scalar(c), "="); k == "x-archdoc-domain" {
				s.domain = v
			}
		}
		return
	}
	for _, p := range pairs(n, 0) {
		if p[0].Value == "x-archdoc-domain" {
			s.domain = scalar(p[1])
		}
	}
}

func union(a, b []string) []string {
	for _, s := range b {
		if s != "" && !contains(a, s) {
			a = append(a, s)
		}
	}
	return a
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

func sortedKeys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
