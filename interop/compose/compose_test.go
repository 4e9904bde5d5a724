package compose

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/archdoc/archdoc/internal/golden"
	"github.com/archdoc/archdoc/interop/internal/importkit"
	"github.com/archdoc/archdoc/interop/internal/importtest"
)

func read(t testing.TB, names ...string) []importkit.File {
	t.Helper()
	var fs []importkit.File
	for _, n := range names {
		data, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		fs = append(fs, importkit.File{Name: filepath.ToSlash(n), Data: data})
	}
	return fs
}

// TestLNMP imports the LNMP files (base and override merged) and builds
// the site from the result.
func TestLNMP(t *testing.T) {
	r, err := ImportFiles([]string{"testdata/lnmp/docker-compose.yml", "testdata/lnmp/docker-compose.override.yml"}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "testdata/lnmp.golden.yaml", r.YAML)
	golden.Check(t, "testdata/lnmp.summary.golden", []byte(r.Summary.String()))
	m := importtest.Builds(t, r.YAML)
	kinds := map[string]string{}
	for _, e := range m.Elements() {
		kinds[e.ID] = string(e.Kind) + " in " + e.Parent
	}
	for id, want := range map[string]string{
		"nginx": "module in d-92019a", "php-fpm": "module in d-92019a", "worker": "module in backend",
		"mailhog": "module in backend", "nginx-tech": "tech in edge", "php-fpm-tech": "tech in app",
		"mysql-tech": "tech in data", "redis-tech": "tech in data", "rabbitmq-tech": "tech in messaging",
		"users": "actor in ",
	} {
		if kinds[id] != want {
			t.Errorf("%s: %q, want %q", id, kinds[id], want)
		}
	}
	flows := strings.Join(importtest.Flows(m), "\n")
	for _, want := range []string{"users->nginx port 80 HTTP", "users->nginx port 443 HTTPS",
		"users->admin port 8081 HTTP", "nginx->php-fpm depends on ", "php-fpm->mysql DB_DSN mysql",
		"php-fpm->mailhog MAIL_HOST ", "worker->rabbitmq MQ_URL amqp", "cron->admin REPORT_API http",
		"admin->mysql DB_HOST ", "admin->redis SESSION_STORE ", "phpmyadmin->mysql links "} {
		if !strings.Contains(flows+"\n", want+"\n") {
			t.Errorf("no flow %q in\n%s", want, flows)
		}
	}
	if strings.Contains(flows, "APP_ENV") {
		t.Errorf("a variable became a flow:\n%s", flows)
	}
}

func TestBadFiles(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"not yaml", "services: [", "c.yml:1: did not find expected node content"},
		{"list", "- a\n", "c.yml:1:1: not a Compose file: the top level must be a mapping with services:"},
		{"services list", "services:\n  - web\n", "c.yml:2:3: services must be a mapping of service names to services"},
		{"service scalar", "services:\n  web: nginx\n", `c.yml:2:8: service "web" must be a mapping (image:, build:, ports: ...)`},
		{"empty", "", "c.yml: empty file; a Compose file has a services: mapping"},
		{"no services", "volumes: {a: {}}\n", "c.yml: no services; nothing to import"},
		{"too big", strings.Repeat("#", importkit.MaxFileSize+1), "c.yml: larger than the 10 MB an import reads from one file"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Import([]importkit.File{{Name: "c.yml", Data: []byte(tc.in)}}, Options{Name: "x"})
			if err == nil || err.Error() != tc.want {
				t.Errorf("error %v, want %q", err, tc.want)
			}
		})
	}
}

func TestImageTech(t *testing.T) {
	for image, want := range map[string]string{
		"nginx:1.24-alpine": "nginx 1.24", "php:8.2-fpm-alpine": "php-fpm 8.2", "docker.io/bitnami/redis:7.2": "redis 7.2",
		"registry.example.com:5000/team/api:latest": "api ", "${IMAGE}": "${IMAGE} ", "mysql@sha256:abc": "mysql ",
	} {
		n, v := imageTech(image)
		if got := n + " " + v; got != want {
			t.Errorf("%s: %q, want %q", image, got, want)
		}
	}
}

// TestMergeBomb: anchors merged into anchors many times over are read
// once each, not expanded exponentially.
func TestMergeBomb(t *testing.T) {
	var b strings.Builder
	b.WriteString("x-0: &a0 {image: nginx, k0: v}\n")
	for i := 1; i <= 9; i++ {
		fmt.Fprintf(&b, "x-%d: &a%d {<<: [", i, i)
		for j := 0; j < 40; j++ {
			if j > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "*a%d", i-1)
		}
		b.WriteString("]}\n")
	}
	b.WriteString("services:\n  web: {<<: *a9}\n")
	r, err := Import([]importkit.File{{Name: "c.yml", Data: []byte(b.String())}}, Options{Name: "bomb"})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Model.Domains[0].Modules) != 1 || r.Model.Domains[0].Modules[0].Tech[0] != "nginx" {
		t.Errorf("modules %+v", r.Model.Domains[0].Modules)
	}
}
