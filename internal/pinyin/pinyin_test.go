package pinyin

import "testing"

func TestSpell(t *testing.T) {
	for _, tc := range []struct{ in, full, initials string }{
		{"红包模块", "hongbaomokuai", "hbmk"},
		{"卡券", "kaquan", "kq"},
		{"提现模块", "tixianmokuai", "txmk"},
		{"API 网关", "api wangguan", "api wg"},
		{"用户中心（UC）", "yonghuzhongxin uc", "yhzx uc"},
		{"Redis", "", ""},
		{"", "", ""},
	} {
		full, initials := Spell(tc.in)
		if full != tc.full || initials != tc.initials {
			t.Errorf("Spell(%q) = %q, %q; want %q, %q", tc.in, full, initials, tc.full, tc.initials)
		}
	}
}

// TestTableCoversCommonCharacters guards against a truncated or empty
// generated table.
func TestTableCoversCommonCharacters(t *testing.T) {
	for r, want := range map[rune]string{'中': "zhong", '国': "guo", '钱': "qian", '龙': "long"} {
		if got := Of(r); got != want {
			t.Errorf("Of(%q) = %q, want %q", r, got, want)
		}
	}
}
