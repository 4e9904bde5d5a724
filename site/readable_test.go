package site

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/archdoc/archdoc/model"
	"github.com/archdoc/archdoc/render"
	"github.com/archdoc/archdoc/render/scene"
)

// TestPageWidthMatchesCSS: render judges an overview by its text at
// render.PageWidth, which must be the width the stylesheet gives a
// diagram: main's max-width less its side padding, less the figure's
// padding and border (1rem = 16px).
func TestPageWidthMatchesCSS(t *testing.T) {
	css, err := os.ReadFile(filepath.Join("..", "templates", "assets", "site.css"))
	if err != nil {
		t.Fatal(err)
	}
	number := func(expr string) float64 {
		t.Helper()
		m := regexp.MustCompile(expr).FindSubmatch(css)
		if m == nil {
			t.Fatalf("site.css has no %s", expr)
		}
		v, err := strconv.ParseFloat(string(m[1]), 64)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	mainW := number(`(?m)^main \{ max-width: ([\d.]+)rem;`) * 16
	mainPad := number(`(?m)^main \{[^}]*padding: [\d.]+rem ([\d.]+)rem`) * 16
	figPad := number(`(?m)^\.diagram \{[^}]*padding: ([\d.]+)rem;`) * 16
	figBorder := number(`(?m)^\.diagram \{[^}]*border: (\d+)px`)
	if got := mainW - 2*mainPad - 2*figPad - 2*figBorder; got != render.PageWidth {
		t.Errorf("site.css gives a diagram %v px, render.PageWidth is %v", got, render.PageWidth)
	}
}

// TestTrainTicketHomeReadable builds the Train Ticket example (48 modules,
// 150 flows, a gateway fanning out, a database per service): its home
// page's business diagram keeps its smallest text at MinPagePx or more at
// the page's width, or is drawn at domain level and the page says why, in
// Chinese. The gateway's own page shows its neighbours, not the system.
func TestTrainTicketHomeReadable(t *testing.T) {
	m, err := model.Load(filepath.Join("..", "examples", "trainticket", "architecture.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	modules, flows := 0, len(m.Flows)
	for _, e := range m.Elements() {
		if e.Kind == model.KindModule {
			modules++
		}
	}
	if modules < 40 || flows < 130 {
		t.Fatalf("the example has %d modules and %d flows, want at least 40 and 130", modules, flows)
	}
	scenes, err := render.Scenes(context.Background(), m)
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]*scene.Scene{}
	for _, s := range scenes {
		byID[s.ID] = s
	}
	files, _, err := Render(context.Background(), m, WithScenes(func(context.Context, *model.Model) ([]*scene.Scene, error) { return scenes, nil }))
	if err != nil {
		t.Fatal(err)
	}
	home := string(files["index.html"])
	business := byID["business"]
	px := business.TextAtWidth(render.PageWidth)
	if business.Fallbacks.DomainLevel {
		mustContain(t, "home", home, `<p class="diagram-note">此图按领域汇总`, `<p class="diagram-note">逐个画出`)
	}
	if px < render.MinPagePx {
		t.Errorf("business: %.0f×%.0f points, %.1f px text at the page's %v px", business.Width, business.Height, px, render.PageWidth)
	}
	gateway := byID["module/ts-gateway-service"]
	if n := len(gateway.Nodes); n > 20 {
		t.Errorf("the gateway's view has %d boxes: its 45 neighbours should be grouped by domain", n)
	}
	for _, e := range gateway.Edges {
		if e.Kind == "flow" && e.From != "ts-gateway-service" && e.To != "ts-gateway-service" {
			t.Errorf("the gateway's view has an arrow %s -> %s that does not touch it", e.From, e.To)
		}
	}
	mustContain(t, "gateway page", string(files["module/ts-gateway-service.html"]), `<p class="diagram-note">其他业务域各画成一个方框`)
	if !strings.Contains(home, `data-view="business"`) {
		t.Error("the home page has no business diagram")
	}
}
