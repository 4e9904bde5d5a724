package model

import "testing"

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
