package model

import (
	"strings"
	"testing"
)

func TestStripHiddenControls(t *testing.T) {
	for in, want := range map[string]string{
		"plain 中文 text":                      "plain 中文 text",
		"tab\tnew\nline\r\n":                 "tab\tnew\nline\r\n",
		"Cart\x1b[31m red\x1b[0m":            "Cart red",
		"\x1b[1;38;5;196mbold":               "bold",
		"link \x1b]8;;http://x\x07here":      "link here",
		"title \x1b]0;pwned\x1b\\ok":         "title ok",
		"lone \x1b escape, unfinished \x1b[": "lone  escape, unfinished [",
		"bell\a nul\x00 del\x7f nel\u0085":   "bell nul del nel",
		"\u202egnp.exe \u2066iso\u2069":      "gnp.exe iso",
		"marks \u200f\u200e\u061c stay":      "marks \u200f\u200e\u061c stay",
		"non\ufffe\uffffchar":                "nonchar",
	} {
		if got := StripHiddenControls(in); got != want {
			t.Errorf("StripHiddenControls(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzStripHiddenControls: whatever the input, the result holds no
// hidden control, keeps every other character in order, and cleaning
// twice changes nothing.
func FuzzStripHiddenControls(f *testing.F) {
	for _, s := range []string{"", "Cart\x1b[31m red", "\x1b]8;;u\x07x", "\x1b]0;t\x1b\\", "\x1b[", "\x1b", "a\u202eb\u2069", "中文\x00\u0085", "\xff\xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := StripHiddenControls(s)
		if strings.IndexFunc(got, IsHiddenControl) >= 0 {
			t.Fatalf("StripHiddenControls(%q) = %q still holds a hidden control", s, got)
		}
		if again := StripHiddenControls(got); again != got {
			t.Fatalf("not idempotent: %q -> %q -> %q", s, got, again)
		}
		if kept := strings.Map(func(r rune) rune {
			if IsHiddenControl(r) {
				return -1
			}
			return r
		}, s); !isSubsequence(got, kept) {
			t.Fatalf("StripHiddenControls(%q) = %q is not a subsequence of %q", s, got, kept)
		}
	})
}

// isSubsequence reports whether sub's runes appear in s in order.
func isSubsequence(sub, s string) bool {
	rs := []rune(s)
	i := 0
	for _, r := range sub {
		for i < len(rs) && rs[i] != r {
			i++
		}
		if i == len(rs) {
			return false
		}
		i++
	}
	return true
}
