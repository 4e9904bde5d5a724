package png

import (
	"io"
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
	fonts := &fontSet{}
	latin, err := goRegular()
	if err != nil {
		t.Fatal(err)
	}
	fonts.latin = latin
	var labels []string
	for _, w := range []string{"α→β", "🚀", "✅", "🎉", "🔥", "💡", "📦", "🧪", "🚀"} {
		labels = append(labels, "x "+w+" y")
	}
	s := &scene.Scene{Nodes: []scene.Node{{Label: labels}}}
	got := fonts.missingWarning(s)
	if !strings.HasPrefix(got, `the font Go Regular has no glyphs for `) {
		t.Errorf("warning names the wrong fonts: %q", got)
	}
	if !strings.Contains(got, `"🚀", "✅", "🎉", "🔥", "💡", "📦" and 1 more;`) {
		t.Errorf("warning does not list six runs and count the rest: %q", got)
	}
	if strings.Contains(got, "α") || strings.Contains(got, "β") {
		t.Errorf("Go Regular draws Greek and arrows, but the warning names them: %q", got)
	}
}
