package site

import (
	"strings"
	"testing"
)

// TestTechnologyIconsOnPages: a technology's bundled icon stands before
// its name wherever the site names it (stack cards, its own page, a
// module's technologies), inline so the site works from file://; a
// technology without one gets none.
func TestTechnologyIconsOnPages(t *testing.T) {
	files, _ := renderSite(t, loadExample(t))
	nginx := `<svg class="tech-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="#009639" d="`
	stack := string(files["stack.html"])
	_, cards, _ := strings.Cut(stack, `<section class="layer">`)
	mustContain(t, "stack cards", cards, `<a href="tech/nginx.html">`+nginx)
	mustContain(t, "tech/nginx.html", string(files["tech/nginx.html"]), `<span class="kind">技术</span>`+nginx)
	mustContain(t, "module/cashback.html", string(files["module/cashback.html"]), `<a href="../tech/php.html"><svg class="tech-icon"`)
	if s := string(files["tech/supervisor.html"]); strings.Contains(s, "tech-icon") {
		t.Error("tech/supervisor.html shows an icon; Simple Icons has none for it")
	}
}

// TestUserIconOnPages: a user's own icon file is shown through <img> of a
// data: URL (an SVG there runs no script), never inlined as markup; icon:
// none shows nothing.
func TestUserIconOnPages(t *testing.T) {
	m := shopModel()
	techs := m.Stack.Layers[0].Technologies
	techs[0].Icon, techs[0].IconFile = "redis.svg", []byte(`<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`)
	techs[1].Icon = "none"
	files, _ := renderSite(t, m)
	page := string(files["tech/redis.html"])
	mustContain(t, "tech/redis.html", page, `<img class="tech-icon" alt="" src="data:image/svg+xml;base64,PHN2`)
	mustNotContain(t, "tech/redis.html", page, "<script>alert", `xmlns="http://www.w3.org/2000/svg"><script`)
	mustContain(t, "module/cart.html", string(files["module/cart.html"]), `<img class="tech-icon"`)
	for _, name := range []string{"tech/mysql.html", "module/orders.html"} {
		if strings.Contains(string(files[name]), "tech-icon") {
			t.Errorf("%s shows an icon for MySQL, whose icon: is none", name)
		}
	}
}
