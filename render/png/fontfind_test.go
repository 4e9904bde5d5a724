package png

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
)

// stubFontSearch makes the font search see only dir (no fontconfig) for
// the rest of the test.
func stubFontSearch(t *testing.T, dir string) {
	t.Helper()
	saved := fontSearch
	fontSearch.dirs = func() []string { return []string{dir} }
	fontSearch.fcList = func() []string { return nil }
	resetFontSearch()
	t.Cleanup(func() {
		fontSearch = saved
		resetFontSearch()
	})
}

func writeFile(t *testing.T, path string, data []byte) string {
	t.Helper()
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestFontPathErrors(t *testing.T) {
	dir := t.TempDir()
	garbage := writeFile(t, filepath.Join(dir, "garbage.ttf"), []byte("this is not a font, just text\n"))
	latinOnly := writeFile(t, filepath.Join(dir, "goregular.ttf"), goregular.TTF)
	missing := filepath.Join(dir, "nope.ttc")
	s := loadScene(t, "business")
	for _, tc := range []struct {
		name, path string
		is         error
		want       []string
	}{
		{"missing file", missing, ErrBadFont, []string{"png: --font " + missing, "no such file"}},
		{"garbage file", garbage, ErrBadFont, []string{"png: --font " + garbage, "not a TrueType/OpenType font"}},
		{"font without Chinese", latinOnly, ErrNoFont, []string{"png: font " + latinOnly + " cannot draw \"前台", "pass --font with a CJK font"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := Render(&bytes.Buffer{}, s, Options{FontPath: tc.path})
			if !errors.Is(err, tc.is) {
				t.Fatalf("error %v, want one matching %v", err, tc.is)
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not say %q", err, w)
				}
			}
		})
	}
}

func TestNoCJKFontInstalled(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "DejaVuSans.ttf"), goregular.TTF) // a Latin font, as on a bare server
	stubFontSearch(t, dir)

	err := Render(&bytes.Buffer{}, loadScene(t, "business"), Options{})
	if !errors.Is(err, ErrNoFont) {
		t.Fatalf("error %v, want ErrNoFont", err)
	}
	var nf *NoFontError
	if !errors.As(err, &nf) || string(nf.Missing[:2]) != "前台" {
		t.Errorf("missing runes %q, want them to start with the first label 前台", nf.Missing)
	}
	for _, w := range []string{`no installed font can draw "前台`, "apt-get install fonts-noto-cjk", "--font FILE"} {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("error %q does not say %q", err, w)
		}
	}
	// Latin labels need no installed font at all.
	if err := Render(&bytes.Buffer{}, latinScene(t), Options{}); err != nil {
		t.Errorf("Latin-only scene without CJK fonts: %v", err)
	}
}

func TestCandidatesBestFirst(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"NotoSerifCJK-Regular.ttc", "wqy-microhei.ttc", "NotoSansCJK-Bold.ttc",
		"NotoSansCJK-Regular.ttc", "DejaVuSans.ttf", "readme.txt", "msyh.ttc"} {
		writeFile(t, filepath.Join(dir, name), nil)
	}
	if err := os.Mkdir(filepath.Join(dir, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "sub", "SourceHanSansSC-Regular.otf"), nil)
	stubFontSearch(t, dir)
	var got []string
	for _, p := range candidatePaths() {
		got = append(got, strings.TrimPrefix(p, dir+string(filepath.Separator)))
	}
	want := []string{"NotoSansCJK-Regular.ttc", "NotoSansCJK-Bold.ttc", filepath.Join("sub", "SourceHanSansSC-Regular.otf"),
		"msyh.ttc", "wqy-microhei.ttc", "NotoSerifCJK-Regular.ttc"}
	if !slices.Equal(got, want) {
		t.Errorf("candidates\n got %q\nwant %q", got, want)
	}
}

// TestBrokenSystemFontIsSkipped: a damaged file ranked first must not
// stop the search from using the next good font.
func TestBrokenSystemFontIsSkipped(t *testing.T) {
	requireCJKFont(t)
	good := candidatePaths()[0]
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "NotoSansCJK-Regular.ttc"), []byte("truncated"))
	if err := os.Symlink(good, filepath.Join(dir, "wqy-microhei.ttc")); err != nil {
		t.Skip("symlinks not available:", err)
	}
	stubFontSearch(t, dir)
	if err := Render(&bytes.Buffer{}, loadScene(t, "business"), Options{}); err != nil {
		t.Fatal(err)
	}
}

func TestFontPathOverrideIsUsed(t *testing.T) {
	requireCJKFont(t)
	s := loadScene(t, "business")
	auto := renderPNG(t, s, Options{})
	chosen := renderPNG(t, s, Options{FontPath: candidatePaths()[0]})
	if !bytes.Equal(auto, chosen) {
		t.Error("--font naming the font the search picks gives a different picture")
	}
}

// TestCollectionPicksSimplifiedChinese: Noto Sans CJK files hold JP, KR,
// SC, TC and HK faces; Chinese labels must use the SC glyph forms.
func TestCollectionPicksSimplifiedChinese(t *testing.T) {
	requireCJKFont(t)
	path := candidatePaths()[0]
	if !strings.HasPrefix(strings.ToLower(filepath.Base(path)), "notosanscjk") {
		t.Skipf("first CJK font is %s, not a Noto Sans CJK collection", path)
	}
	f, err := loadFont(path)
	if err != nil {
		t.Fatal(err)
	}
	name, err := f.Name(nil, sfnt.NameIDFamily)
	if err != nil || !strings.HasSuffix(name, " SC") || strings.Contains(name, "Mono") {
		t.Errorf("picked face %q (%v), want Noto Sans CJK SC", name, err)
	}
}
