package icon

import (
	"testing"

	"github.com/archdoc/archdoc/model"
	"github.com/archdoc/archdoc/render/scene"
)

func TestBundledByNameOrAlias(t *testing.T) {
	for name, want := range map[string]string{
		"Nginx": "NGINX", "MySQL": "MySQL", "redis": "Redis", "PHP": "PHP", "Linux": "Linux",
		"MongoDB": "MongoDB", "Postman": "Postman", "Zend Framework": "Zend", "Node.js": "Node.js", "Go": "Go",
		"NATS": "NATS.io", "Node": "Node.js",
	} {
		i, ok := Bundled(name)
		if !ok || i.Title != want || len(i.Path) < 20 || len(i.Color) != 7 {
			t.Errorf("Bundled(%q) = %+v, %v; want %s", name, i, ok, want)
		}
	}
	for _, name := range []string{"", "PHPUnit", "supervisor", "Amazon SQS", "我们的服务"} {
		if i, ok := Bundled(name); ok {
			t.Errorf("Bundled(%q) = %s; want none", name, i.Title)
		}
	}
}

func TestFor(t *testing.T) {
	cases := []struct {
		tech model.Technology
		want string // icon title, MIME for files, "" for none
	}{
		{model.Technology{ID: "mysql", Name: "MySQL 8"}, "MySQL"},
		{model.Technology{ID: "db", Name: "数据库", Icon: "postgresql"}, "PostgreSQL"},
		{model.Technology{ID: "nginx", Name: "Nginx", Icon: "none"}, ""},
		{model.Technology{ID: "x", Name: "X", Icon: "logo.png", IconFile: []byte("\x89PNG\r\n\x1a\n")}, "image/png"},
		{model.Technology{ID: "x", Name: "X", Icon: "../logo.svg"}, ""}, // refused by validate: no file read
		{model.Technology{ID: "supervisor", Name: "supervisor"}, ""},
	}
	for _, c := range cases {
		i, ok := For(&c.tech)
		got := ""
		if ok {
			got = i.Title
			if i.MIME != "" {
				got = i.MIME
			}
		}
		if got != c.want {
			t.Errorf("For(%+v) = %q, want %q", c.tech, got, c.want)
		}
	}
}

// TestOutlineEveryBundledIcon: every bundled path reads into polygons
// that stay in (about) the 24 x 24 box and cover a fair part of it.
func TestOutlineEveryBundledIcon(t *testing.T) {
	once.Do(load)
	seen := map[string]bool{}
	for _, e := range index {
		if seen[e.Slug] {
			continue
		}
		seen[e.Slug] = true
		polys := Outline(e.Path)
		if len(polys) == 0 {
			t.Errorf("%s: no polygon", e.Slug)
			continue
		}
		area := 0.0
		for _, p := range polys {
			for i := range p {
				a, b := p[i], p[(i+1)%len(p)]
				if a.X < -0.5 || a.Y < -0.5 || a.X > 24.5 || a.Y > 24.5 {
					t.Errorf("%s: point %v outside the 24 x 24 box", e.Slug, a)
					break
				}
				area += a.X*b.Y - b.X*a.Y
			}
		}
		if area == 0 {
			t.Errorf("%s: polygons enclose nothing", e.Slug)
		}
	}
	if len(seen) < 100 {
		t.Errorf("only %d bundled icons", len(seen))
	}
}

func TestOutlineSquare(t *testing.T) {
	polys := Outline("M2 2h20v20H2z m4 4v12h12V6z")
	if len(polys) != 2 || len(polys[0]) != 4 || polys[1][2] != (scene.Point{X: 18, Y: 18}) {
		t.Fatalf("outline %v", polys)
	}
}
