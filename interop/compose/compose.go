// Package compose imports Docker Compose files (compose.yaml,
// docker-compose.yml; several merged as `docker compose -f a -f b` does)
// into an architecture model: services become modules, their images
// technologies in stack layers, depends_on, links and environment URLs
// naming another service flows, networks or an x-archdoc-domain label
// domains, and ports published to the host a flow from an actor "Users".
// Variables are kept as written: nothing is read from the environment.
package compose

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/archdoc/archdoc/internal/lazyre"
	"github.com/archdoc/archdoc/interop/internal/importkit"
	"github.com/archdoc/archdoc/model"
)

// Options control an import.
type Options struct {
	Name string // model name; "" takes the Compose name:, else the folder's
	Dir  string // folder of the first file, for the default name
	// ReadFile reads a Dockerfile by its path relative to Dir (nil: build
	// contexts are not looked into). ImportFiles reads inside Dir only.
	ReadFile func(rel string) ([]byte, error)
}

// Import merges the Compose files in order and builds the model.
func Import(files []importkit.File, opts Options) (*importkit.Result, error) {
	p := &project{unused: map[string]bool{}}
	for _, f := range files {
		if err := p.parseFile(f); err != nil {
			return nil, err
		}
	}
	if len(p.services) == 0 {
		return nil, fmt.Errorf("%s: no services; nothing to import", names(files))
	}
	b := importkit.New(modelName(opts, p))
	p.build(b, opts)
	return b.Finish("Compose "+names(files), len(files), header(files))
}

func names(files []importkit.File) string {
	var ns []string
	for _, f := range files {
		ns = append(ns, f.Name)
	}
	s := strings.Join(ns, ", ")
	if len(s) > 200 {
		s = fmt.Sprintf("%d files", len(files))
	}
	return s
}

func modelName(opts Options, p *project) string {
	switch {
	case opts.Name != "":
		return opts.Name
	case strings.TrimSpace(p.name) != "":
		return p.name
	}
	if abs, err := filepath.Abs(opts.Dir); err == nil && opts.Dir != "" {
		if base := filepath.Base(abs); base != "/" && base != "." {
			return base
		}
	}
	return "Compose project"
}

func header(files []importkit.File) []string {
	return []string{"", "Imported by `archdoc import compose` from " + names(files) + ".",
		"Services are modules; images technologies; depends_on, links and environment",
		"URLs naming a service flows; networks (or the x-archdoc-domain label) domains.",
		"The comment after each id is the service it came from."}
}

// build maps the merged services.
func (p *project) build(b *importkit.Builder, opts Options) {
	ids := map[string]string{} // service name -> module id
	for _, s := range p.services {
		ids[s.name] = b.ID(s.name, "s", "service")
	}
	byDomain := p.domains(b, ids)
	var users string
	for _, s := range p.services {
		for _, port := range s.ports {
			published, target, ok := hostPort(port)
			if !ok {
				continue
			}
			if users == "" {
				users = b.ID("users", "a", "actor")
				b.Model.Actors = append(b.Model.Actors, model.Actor{ID: users, Name: "Users",
					Description: "Whoever reaches the ports the services publish on the host."})
			}
			b.Flow(model.Flow{From: users, To: ids[s.name], Label: "port " + published, Protocol: portProtocol(target)})
		}
	}
	for _, s := range p.services {
		p.flows(b, s, ids)
	}
	for di := range b.Model.Domains {
		d := &b.Model.Domains[di]
		for _, s := range byDomain[d.ID] {
			b.Comments.Line[fmt.Sprintf("domains[%d].modules[%d].id", di, len(d.Modules))] = "service " + s.name
			d.Modules = append(d.Modules, p.module(b, s, ids[s.name], opts))
		}
	}
	p.leftOut(b)
}

// domains makes the domains: an x-archdoc-domain label wins, then the
// service's first network when the files declare several, else one
// domain named after the project.
func (p *project) domains(b *importkit.Builder, ids map[string]string) map[string][]*service {
	by := map[string][]*service{}
	dom := map[string]string{} // domain name -> id
	byNetwork := len(p.networks) > 1
	for _, s := range p.services {
		name := strings.TrimSpace(s.domain)
		if name == "" && byNetwork {
			for _, n := range s.networks {
				if contains(p.networks, n) {
					name = n
					break
				}
			}
		}
		if name == "" {
			name = b.Model.Name
		}
		id, ok := dom[name]
		if !ok {
			id = b.ID(name, "d", "domain")
			dom[name] = id
			b.Model.Domains = append(b.Model.Domains, model.Domain{ID: id, Name: name})
		}
		by[id] = append(by[id], s)
	}
	if byNetwork {
		b.Mapped = append(b.Mapped, "networks → domains (a service on several networks is in its first)")
	}
	return by
}

func (p *project) module(b *importkit.Builder, s *service, id string, opts Options) model.Module {
	mo := model.Module{ID: id, Name: s.name, Tags: s.profiles}
	tech, version := imageTech(s.image)
	switch {
	case tech != "":
		mo.Tech = []string{b.Tech(tech, version)}
		mo.Description = "Runs the image " + s.image + "."
	case s.build != "":
		mo.Description = "Built from " + s.build + "."
		if from := baseImage(b, s, opts); from != "" {
			mo.Description = fmt.Sprintf("Built from %s (FROM %s).", s.build, from)
			if tech, version := imageTech(from); tech != "" {
				mo.Tech = []string{b.Tech(tech, version)}
			}
		} else if base := path.Base(strings.TrimSuffix(filepath.ToSlash(s.build), "/")); knownTech(base) {
			mo.Tech = []string{b.Tech(base, "")}
		}
	}
	if len(s.networks) > 1 { // one network is the domain already
		mo.Features = append(mo.Features, "networks: "+strings.Join(s.networks, ", "))
	}
	if len(s.profiles) > 0 {
		mo.Features = append(mo.Features, "profiles: "+strings.Join(s.profiles, ", "))
	}
	return mo
}

func knownTech(name string) bool {
	_, layer, _ := importkit.Lookup(name)
	return layer != "other"
}

// baseImage is the image the service's Dockerfile builds on: its last
// FROM that is not an earlier stage. "" when it cannot be read.
func baseImage(b *importkit.Builder, s *service, opts Options) string {
	if opts.ReadFile == nil || strings.Contains(s.build, "://") || strings.Contains(s.build, "${") {
		return ""
	}
	rel := path.Join(filepath.ToSlash(s.build), filepath.ToSlash(s.dockerfile))
	data, err := opts.ReadFile(rel)
	if err != nil {
		b.Warn("%s: service %s: %s not read: %v", s.at, s.name, rel, err)
		return ""
	}
	stages := map[string]bool{}
	from := ""
	for _, line := range strings.Split(string(data), "\n") {
		f := strings.Fields(line)
		if len(f) < 2 || !strings.EqualFold(f[0], "FROM") {
			continue
		}
		args := f[1:]
		for len(args) > 0 && strings.HasPrefix(args[0], "--") {
			args = args[1:] // --platform=...
		}
		if len(args) == 0 {
			continue
		}
		if !stages[strings.ToLower(args[0])] {
			from = args[0]
		}
		if len(args) >= 3 && strings.EqualFold(args[1], "AS") {
			stages[strings.ToLower(args[2])] = true
		}
	}
	return from
}

var imageRE = lazyre.New(`^(?:[^/]+[.:][^/]*/)?(?:[^:@]+/)*([^/:@]+)(?::([^@]+))?`)

// imageTech names the technology an image runs: "php:8.2-fpm" is PHP-FPM
// 8.2, "docker.io/bitnami/redis:7" Redis 7, an unknown image its own name.
func imageTech(image string) (name, version string) {
	m := imageRE().FindStringSubmatch(strings.TrimSpace(image))
	if m == nil || strings.Contains(m[1], "${") {
		return strings.TrimSpace(image), ""
	}
	name, version = m[1], m[2]
	if name == "php" && strings.Contains(version, "fpm") {
		name = "php-fpm"
	}
	if i := strings.IndexAny(version, "-"); i > 0 {
		version = version[:i]
	}
	if version == "latest" {
		version = ""
	}
	return name, version
}

// hostPort reads a ports entry: "8080:80", "127.0.0.1:443:443/tcp" are
// published; "3000" alone is not published on a fixed host port.
func hostPort(port string) (published, target string, ok bool) {
	port = strings.SplitN(port, "/", 2)[0]
	parts := strings.Split(port, ":")
	if len(parts) < 2 || parts[len(parts)-2] == "" {
		return "", "", false
	}
	return parts[len(parts)-2], parts[len(parts)-1], true
}

func portProtocol(target string) string {
	switch target {
	case "80", "8080", "8000", "3000", "5000":
		return "HTTP"
	case "443", "8443":
		return "HTTPS"
	}
	return "TCP"
}

// urlHost finds a host in an environment value: "mysql://u@db:3306/x"
// gives scheme mysql and host db; a bare "redis" or "redis:6379" a host.
var urlHost = lazyre.New(`^(?:([a-zA-Z][a-zA-Z0-9+.-]*)://)?(?:[^@/\s]*@)?([A-Za-z0-9_.-]+)(?::\d+)?(?:/\S*)?$`)

// flows adds s's flows: environment values naming a service first (they
// say what the link is for), then depends_on and links between services
// no such flow joins yet.
func (p *project) flows(b *importkit.Builder, s *service, ids map[string]string) {
	from := ids[s.name]
	joined := map[string]bool{}
	for _, e := range s.env {
		m := urlHost().FindStringSubmatch(strings.TrimSpace(e.value))
		if m == nil || m[2] == s.name {
			continue
		}
		if to, ok := ids[m[2]]; ok {
			b.Flow(model.Flow{From: from, To: to, Label: e.name, Protocol: m[1]})
			joined[to] = true
		}
	}
	for _, d := range s.dependsOn {
		to, ok := ids[d]
		if !ok {
			b.Warn("%s: service %s: depends_on %q is not a service", s.at, s.name, d)
		} else if !joined[to] {
			b.Flow(model.Flow{From: from, To: to, Label: "depends on"})
			joined[to] = true
		}
	}
	for _, l := range s.links {
		if to, ok := ids[l]; ok && !joined[to] {
			b.Flow(model.Flow{From: from, To: to, Label: "links"})
			joined[to] = true
		}
	}
}

// leftOut lists the top-level sections and service keys not imported.
func (p *project) leftOut(b *importkit.Builder) {
	for _, k := range sortedKeys(p.unused) {
		b.Leave("top-level %s:", k)
	}
	counts := map[string]int{}
	for _, s := range p.services {
		for _, k := range s.unused {
			counts[k]++
		}
	}
	keys := map[string]bool{}
	for k := range counts {
		keys[k] = true
	}
	for _, k := range sortedKeys(keys) {
		b.Leave("service key %s: (%d %s)", k, counts[k], plural(counts[k], "service", "services"))
	}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// ImportFiles reads the Compose files at paths and merges them in order.
func ImportFiles(paths []string, opts Options) (*importkit.Result, error) {
	var files []importkit.File
	for _, p := range paths {
		f, err := importkit.ReadFile(p)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	if opts.Dir == "" && len(paths) > 0 {
		opts.Dir = filepath.Dir(paths[0])
	}
	if opts.ReadFile == nil {
		root, err := os.OpenRoot(opts.Dir)
		if err != nil {
			return nil, err
		}
		defer root.Close()
		opts.ReadFile = func(rel string) ([]byte, error) {
			f, err := importkit.ReadIn(root, rel, rel)
			return f.Data, err
		}
	}
	return Import(files, opts)
}
