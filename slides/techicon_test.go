package slides

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
)

// TestTechSlideIcons: a technology's slide shows its icon beside the
// title, as the stack slide does, in the HTML deck (inline SVG, nothing
// fetched) and in the PPTX (a free-form shape); a technology whose icon
// is "none" has none.
func TestTechSlideIcons(t *testing.T) {
	m := shopModel()
	m.Stack.Layers[1].Technologies[0].Icon = "none" // MySQL
	d, err := Build(m, shopScenes())
	if err != nil {
		t.Fatal(err)
	}
	var page bytes.Buffer
	if err := WriteHTML(&page, d, HTMLOptions{}); err != nil {
		t.Fatal(err)
	}
	heading := func(id string) string {
		re := regexp.MustCompile(`data-id="` + id + `"[^>]*>\s*<header>.*?</h1>`)
		return re.FindString(page.String())
	}
	if h := heading("tech-php"); !strings.Contains(h, `<h1><svg class="title-icon" viewBox="0 0 24 24"`) {
		t.Errorf("PHP's slide has no icon beside its title: %q", h)
	}
	if h := heading("tech-mysql"); h == "" || strings.Contains(h, "title-icon") {
		t.Errorf("MySQL's slide (icon: none) has an icon or no title: %q", h)
	}

	var deck bytes.Buffer
	if err := WritePPTX(&deck, d); err != nil {
		t.Fatal(err)
	}
	parts, err := pptxParts(deck.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	icons := map[string]bool{}
	for name, xml := range parts {
		if !strings.HasPrefix(name, "ppt/slides/slide") || !strings.HasSuffix(name, ".xml") {
			continue
		}
		for _, tech := range []string{"PHP", "MySQL"} {
			if strings.Contains(xml, `<a:t>`+tech) && strings.Contains(xml, `name="title icon `) {
				icons[tech] = strings.Contains(xml, `<a:custGeom>`)
			}
		}
	}
	if !icons["PHP"] {
		t.Error("PHP's PPTX slide has no free-form icon beside its title")
	}
	if _, ok := icons["MySQL"]; ok {
		t.Error("MySQL's PPTX slide (icon: none) has an icon")
	}
}
