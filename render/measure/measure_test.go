package measure

import (
	"math"
	"reflect"
	"strings"
	"testing"
)

func TestWidthCJKIsOneEm(t *testing.T) {
	for _, s := range []string{"前台", "用户中心模块", "，。", "ＡＢ"} {
		got := Width(s, 14)
		want := float64(len([]rune(s))) * 14
		if math.Abs(got-want) > 1e-9 {
			t.Errorf("Width(%q, 14) = %v, want %v", s, got, want)
		}
	}
}

func TestWidthLatinFollowsFontMetrics(t *testing.T) {
	// Go Regular has Arial's advances: 'm' 833/1000, 'i' 247/1000 of an em.
	m, i := Width("m", 1000), Width("i", 1000)
	if math.Abs(m-833*latinMargin) > 1 || math.Abs(i-247*latinMargin) > 1 {
		t.Fatalf("m=%v i=%v, want 833 and 247 times %v", m, i, latinMargin)
	}
	if Width("mmmm", 14) <= Width("iiii", 14) {
		t.Fatal("proportional font: mmmm must be wider than iiii")
	}
	// Mixed text adds up.
	if got, want := Width("Coupon业务", 14), Width("Coupon", 14)+2*14; math.Abs(got-want) > 1e-9 {
		t.Fatalf("mixed: %v want %v", got, want)
	}
	if Width("", 14) != 0 {
		t.Fatal("empty text has width")
	}
}

func TestWrap(t *testing.T) {
	const fs = 10
	tests := []struct {
		name string
		text string
		max  float64
		want []string
	}{
		{"fits", "前台", 100, []string{"前台"}},
		{"cjk anywhere", "用户中心模块", 40, []string{"用户中心", "模块"}},
		{"kinsoku keeps comma off line start", "修改用户，提现", 40, []string{"修改用", "户，提现"}},
		{"kinsoku full stop", "一二三四。五", 40, []string{"一二三", "四。五"}},
		{"latin at spaces", "Anonymous User", 60, []string{"Anonymous", "User"}},
		{"latin at slash", "登录/注册", 25, []string{"登录/", "注册"}},
		{"hard break long word", "Supercalifragilistic", 40, nil},
		{"newline", "返利业务\n1.商家浏览记录", 1000, []string{"返利业务", "1.商家浏览记录"}},
		{"CR alone breaks too", "返利业务\r1.商家\r\n浏览", 1000, []string{"返利业务", "1.商家", "浏览"}},
		{"no wrap", "a b c", 0, []string{"a b c"}},
		{"empty", "", 10, []string{""}},
		{"no lone han", "是否有返利", 40, []string{"是否有", "返利"}},
		{"no lone han with full stop", "不同参数。", 30, []string{"不同", "参数。"}},
		{"opening bracket stays with the next", "一二（三四", 30, []string{"一二", "（三四"}},
		{"latin at a case change", "ReadHomeTimeline", 60, []string{"ReadHome", "Timeline"}},
		{"spaces before case changes", "Read HomeTimeline", 80, []string{"Read", "HomeTimeline"}},
		{"acronym then word", "HTTPServerConfig", 65, []string{"HTTPServer", "Config"}},
		{"after a hyphen", "ts-order-service", 60, []string{"ts-order-", "service"}},
		{"after an underscore", "order_other_service", 66, []string{"order_other_", "service"}},
		{"after a dot between words", "com.example.Service", 72, []string{"com.example.", "Service"}},
		{"not inside a version", "v1.2.3-rc1", 30, nil},
		{"slash between names", "ListProducts/GetProduct", 80, []string{"ListProducts/", "GetProduct"}},
		{"mixed with chinese", "查询GetSupportedCurrencies接口", 90, []string{"查询GetSupported", "Currencies接口"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Wrap(tt.text, tt.max, fs)
			if tt.want != nil && !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("Wrap(%q, %v) = %q, want %q", tt.text, tt.max, got, tt.want)
			}
			checkWrapped(t, tt.text, got, tt.max, fs)
		})
	}
}

// checkWrapped asserts the invariants every wrap must keep: no line is
// wider than allowed, no line starts with closing punctuation, and no
// character other than spaces is lost or added.
func checkWrapped(t *testing.T, text string, lines []string, maxWidth, fs float64) {
	t.Helper()
	for _, l := range lines {
		if maxWidth > 0 && Width(l, fs) > maxWidth+1e-9 {
			t.Errorf("line %q is %v wide, max %v", l, Width(l, fs), maxWidth)
		}
		if l != "" && strings.ContainsRune("，。、；：！？）」", []rune(l)[0]) {
			t.Errorf("line %q starts with closing punctuation", l)
		}
		if l != "" && strings.ContainsRune("（「『《【", []rune(l)[len([]rune(l))-1]) {
			t.Errorf("line %q ends with opening punctuation", l)
		}
		if len(lines) > 1 && LoneHan(l) {
			t.Errorf("line %q of %q is one Chinese character alone", l, lines)
		}
	}
	strip := func(s string) string { return strings.Join(strings.Fields(s), "") }
	if strip(strings.Join(lines, "")) != strip(text) {
		t.Errorf("wrapping changed the text: %q -> %q", text, lines)
	}
}

func FuzzWrap(f *testing.F) {
	for _, s := range []string{"在后台查找当前页面的数据是否有返利，点击激活模拟用户出站种下cookie", "定制了用户，商家，coupon首页,其余页面是嵌套网页移动端内容", "a-b/c d", "。。。。", "（（（（"} {
		f.Add(s, 60.0)
	}
	f.Fuzz(func(t *testing.T, text string, maxWidth float64) {
		if math.IsNaN(maxWidth) || maxWidth < 15 || maxWidth > 1e6 || strings.ContainsAny(text, "\n\r") {
			return
		}
		lines := Wrap(text, maxWidth, 10)
		// A single glyph wider than the line cannot be helped, and kinsoku
		// may keep one punctuation mark with the character before it.
		for _, l := range lines {
			if Width(l, 10) > maxWidth+2*10+1e-9 {
				t.Fatalf("line %q too wide (%v > %v)", l, Width(l, 10), maxWidth)
			}
		}
		strip := func(s string) string { return strings.Join(strings.Fields(s), "") }
		if strip(strings.Join(lines, "")) != strip(strings.ToValidUTF8(text, "\uFFFD")) {
			t.Fatalf("text changed: %q -> %q", text, lines)
		}
	})
}

func BenchmarkWidth(b *testing.B) {
	for b.Loop() {
		Width("在后台查找当前页面的数据是否有返利 Coupon业务 Deals", 14)
	}
}

func TestWrapGrow(t *testing.T) {
	const fs = 10
	tests := []struct {
		name       string
		text       string
		max, limit float64
		want       []string
	}{
		{"a word up to the limit keeps whole", "recommendationservice", 60, 120, []string{"recommendationservice"}},
		{"its neighbours wrap as usual", "the recommendationservice of it", 60, 120, []string{"the", "recommendationservice", "of it"}},
		{"a word wider than the limit is cut", "recommendationservice", 40, 60, nil},
		{"soft breaks come first", "HomeTimelineService", 75, 200, []string{"HomeTimeline", "Service"}},
		{"a piece up to the limit keeps whole", "X-recommendationservice", 40, 120, []string{"X-", "recommendationservice"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := WrapGrow(tt.text, tt.max, tt.limit, fs)
			if tt.want != nil && !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("WrapGrow(%q, %v, %v) = %q, want %q", tt.text, tt.max, tt.limit, got, tt.want)
			}
			checkWrapped(t, tt.text, got, tt.limit, fs)
			for _, l := range got {
				if Width(l, fs) > tt.max && len(softPieces(l)) > 1 {
					t.Errorf("line %q is wider than %v though it could break", l, tt.max)
				}
			}
		})
	}
}

func TestUnwrap(t *testing.T) {
	for _, tt := range []struct {
		lines []string
		want  string
	}{
		{[]string{"catalog domain 7·合", "并"}, "catalog domain 7·合并"},
		{[]string{"writes", "search"}, "writes search"},
		{[]string{"用户中心", "模块"}, "用户中心模块"},
		{[]string{"种下", "cookie"}, "种下 cookie"},
		{[]string{"one"}, "one"},
		{nil, ""},
	} {
		if got := Unwrap(tt.lines); got != tt.want {
			t.Errorf("Unwrap(%q) = %q, want %q", tt.lines, got, tt.want)
		}
	}
}
