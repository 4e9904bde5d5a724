package pptx

import "testing"

func TestScriptChanges(t *testing.T) {
	for _, c := range []struct {
		text string
		want int
	}{
		{"返利业务", 0},
		{"Storefront", 0},
		{"Coupon业务", 1},
		{"APP 客户端", 1}, // across the space too, as LibreOffice spaces it
		{"基础设施（LNMP 的 L 与 N）", 6},
		{"1. 浏览商家页面", 1},
		{"", 0},
	} {
		if got := scriptChanges(c.text); got != c.want {
			t.Errorf("scriptChanges(%q) = %d, want %d", c.text, got, c.want)
		}
	}
}

// TestAutospaceSize: a mixed label shrinks by the office's spacing
// between scripts, a plain one keeps its size, and none goes below 12 pt.
func TestAutospaceSize(t *testing.T) {
	if got := autospaceSize([]string{"返利业务", "Storefront"}, 1600, 16); got != 1600 {
		t.Errorf("plain labels: size %d, want 1600", got)
	}
	got := autospaceSize([]string{"基础设施（LNMP 的 L 与 N）"}, 1600, 16)
	if got >= 1600 || got < 1400 {
		t.Errorf("mixed label: size %d, want a little under 1600", got)
	}
	if got := autospaceSize([]string{"基础设施（LNMP 的 L 与 N）"}, 1250, 12.5); got != 1200 {
		t.Errorf("mixed label near the floor: size %d, want 1200", got)
	}
	if got := autospaceSize([]string{"Coupon业务"}, 1100, 11); got != 1100 {
		t.Errorf("below the floor already: size %d, want it kept at 1100", got)
	}
}
