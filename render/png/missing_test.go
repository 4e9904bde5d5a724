package png

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/archdoc/archdoc/render/scene"
)

// warnings renders s and returns what Options.Warn heard.
func warnings(t *testing.T, s *scene.Scene, opts Options) []string {
	t.Helper()
	var got []string
	opts.Warn = func(msg string) { got = append(got, msg) }
	if err := Render(io.Discard, s, opts); err != nil {
		t.Fatal(err)
	}
	return got
}

// A CJK font has no emoji, Arabic or Hebrew: the user hears which text
// came out as boxes and which fonts were used, once per image.
func TestWarnsAboutTextNoFontDraws(t *testing.T) {
	requireCJKFont(t)
	s := &scene.Scene{ID: "business", Width: 300, Height: 120, FontSize: 14,
		Nodes: []scene.Node{
			{ID: "a", Label: []string{"发布 🚀 launch", "مرحبا بالعالم"}, Sub: "🚀 again", Rect: scene.Rect{X: 10, Y: 10, W: 200, H: 60}},
			{ID: "b", Label: []string{"שלום", "family 👨\u200d👩\u200d👧\ufe0f"}, Rect: scene.Rect{X: 10, Y: 80, W: 200, H: 30}},
		},
		Edges: []scene.Edge{{ID: "e", Label: []string{"tab\there ok"}}},
	}
	got := warnings(t, s, Options{})
	fonts, err := fontsFor(s, "")
	if err != nil {
		t.Fatal(err)
	}
	want := `the fonts Go Regular and ` + filepath.Base(fonts.cjkPath) + ` have no glyphs for "🚀", "مرحبا", "بالعالم", "שלום", "👨👩👧"; ` +
		`they are drawn as empty boxes: pass --font with a font that has them`
	if len(got) != 1 || got[0] != want {
		t.Errorf("warnings\n got: %q\nwant: [%q]", got, want)
	}
}

// Chinese, Latin, full-width punctuation, tabs and zero-width characters
// all have glyphs (or need none): no warning.
func TestNoWarningWhenEveryRuneIsDrawn(t *testing.T) {
	requireCJKFont(t)
	s := loadScene(t, "business")
	s.Nodes[0].Label = append(s.Nodes[0].Label, "用户中心 (user-center) “引号”，。", "zero\u200bwidth\ttab", "ｆｕｌｌ　ｗｉｄｔｈ")
	if got := warnings(t, s, Options{}); len(got) != 0 {
		t.Errorf("unexpected warnings: %q", got)
	}
	latin := &scene.Scene{ID: "latin", Width: 100, Height: 40, Nodes: []scene.Node{{ID: "a", Label: []string{"Hello, café"}}}}
	if got := warnings(t, latin, Options{}); len(got) != 0 {
		t.Errorf("Latin only: unexpected warnings: %q", got)
	}
}

// Without a CJK font in play only Go Regular is named, and a long list
// of undrawable text is cut short.
func TestMissingWarningNamesGoRegularAndCountsTheRest(t *testing.T) {
	latin, err := goRegular()
	if err != nil {
		t.Fatal(err)
	}
	fonts := &fontSet{latin: latin}
	var labels []string
	for _, w := range []string{"α→β", "🚀", "✅", "🎉", "🔥", "💡", "📦", "🧪", "🚀"} {
		labels = append(labels, "x "+w+" y")
	}
	got := fonts.textWarnings(&scene.Scene{Nodes: []scene.Node{{Label: labels}}})
	if len(got) != 1 {
		t.Fatalf("want one warning, got %q", got)
	}
	if !strings.HasPrefix(got[0], `the font Go Regular has no glyphs for `) {
		t.Errorf("warning names the wrong fonts: %q", got[0])
	}
	if !strings.Contains(got[0], `"🚀", "✅", "🎉", "🔥", "💡", "📦" and 1 more;`) {
		t.Errorf("warning does not list six runs and count the rest: %q", got[0])
	}
	if strings.Contains(got[0], "α") || strings.Contains(got[0], "β") {
		t.Errorf("Go Regular draws Greek and arrows, but the warning names them: %q", got[0])
	}
}

// dejaVuSans is a font with Arabic and Hebrew (fonts-dejavu-core, which
// fontconfig pulls in on Debian and Ubuntu).
const dejaVuSans = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"

// With a font that has them, Arabic and Hebrew are drawn, but left to
// right and unjoined: the user hears that the PNG misrenders them.
func TestWarnsThatRightToLeftTextIsDrawnLeftToRight(t *testing.T) {
	if _, err := os.Stat(dejaVuSans); err != nil {
		t.Skipf("!!!!!!!! %s NOT INSTALLED: the right-to-left PNG check did NOT run; apt-get install fonts-dejavu-core !!!!!!!!", dejaVuSans)
	}
	s := &scene.Scene{ID: "business", Width: 300, Height: 80, FontSize: 14, Nodes: []scene.Node{
		{ID: "a", Label: []string{"Crew 🚀", "مرحبا שלום (ok)"}, Rect: scene.Rect{X: 10, Y: 10, W: 200, H: 60}},
	}}
	got := warnings(t, s, Options{FontPath: dejaVuSans})
	want := []string{
		`the fonts Go Regular and DejaVuSans.ttf have no glyphs for "🚀"; they are drawn as empty boxes: pass --font with a font that has them`,
		`"مرحبا", "שלום": right-to-left text is drawn left to right and Arabic letters unjoined in PNG; SVG shows it correctly`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings\n got: %q\nwant: %q", got, want)
	}
}
