package importkit

import (
	"strings"
	"testing"
)

func TestSlugAndIDs(t *testing.T) {
	b := New("m")
	for _, tc := range []struct{ name, prefix, alt, want string }{
		{"Internet Banking System", "d", "", "internet-banking-system"},
		{"用户中心", "m", "", "m-de1599"},
		{"3D viewer", "m", "", "m-3d-viewer"},
		{"mysql", "s", "service", "mysql"},
		{"MySQL", "t", "tech", "mysql-tech"},
		{"mysql", "t", "tech", "mysql-2"},
	} {
		if got := b.ID(tc.name, tc.prefix, tc.alt); got != tc.want {
			t.Errorf("ID(%q) = %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestLookupPlacesTechnologies(t *testing.T) {
	for name, want := range map[string]string{
		"php-fpm": "PHP-FPM app", "redis": "Redis data", "Spring MVC": "Spring MVC app",
		"Oracle Database Schema": "Oracle Database Schema data", "nginx": "Nginx edge", "Xamarin": "Xamarin other",
	} {
		display, layer, _ := Lookup(name)
		if got := display + " " + layer; got != want {
			t.Errorf("Lookup(%q) = %q, want %q", name, got, want)
		}
	}
}

func TestSummaryAndVersions(t *testing.T) {
	b := New("m")
	b.Tech("php", "7.4")
	b.Tech("PHP", "8.1")
	b.Tech("php", "7.4")
	b.Model.Actors = append(b.Model.Actors, b.Model.Actors...)
	if _, err := b.Finish("x", 1, nil); err == nil || err.Error() != "nothing to import from x: no element became an actor, domain or module" {
		t.Errorf("empty import: %v", err)
	}
	if v := b.Model.Stack.Layers[0].Technologies[0].Version; v != "7.4, 8.1" {
		t.Errorf("versions %q", v)
	}
	s := Summary{What: "w", Files: 1, Actors: 1, LeftOut: []string{"views"}}.String()
	if !strings.HasPrefix(s, "imported w (1 file): 1 actor, 0 domains, 0 modules, 0 technologies, 0 flows; 1 part left out, 0 warnings\n  left out: views\n") {
		t.Errorf("summary %q", s)
	}
}
