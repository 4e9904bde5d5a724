package export

import "testing"

func TestIdent(t *testing.T) {
	for in, want := range map[string]string{"user-center": "user_center", "2fa": "e_2fa", "": "e_", "a.b/c": "a_b_c"} {
		if got := Ident(in); got != want {
			t.Errorf("Ident(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestOneLine(t *testing.T) {
	for in, want := range map[string]string{
		"A [shop](domain:shop) with **bold**\ntext.\n\nSecond paragraph.": "A shop with bold text.",
		"一个返利平台，\n经由平台出站":                                                 "一个返利平台，经由平台出站",
		"  spaced   out  ": "spaced out",
		"See [Go](https://en.wikipedia.org/wiki/Go_(language)) and [x](javascript:alert(1)).": "See Go and x.",
		`A [titled](https://example.com "Example (site)") link.`:                              "A titled link.",
	} {
		if got := OneLine(in); got != want {
			t.Errorf("OneLine(%q) = %q, want %q", in, got, want)
		}
	}
	n := Names{}
	if a, b := n.Unique("Web"), n.Unique("Web"); a != "Web" || b != "Web (2)" {
		t.Errorf("Unique: %q, %q", a, b)
	}
}

func TestSingleLine(t *testing.T) {
	for in, want := range map[string]string{
		"Line one\nline two\n": "Line one line two",
		"Tab\there":            "Tab here",
		"Bell\a gone\x00":      "Bell gone",
		"  用户\r\n中心 ":          "用户 中心",
		"plain":                "plain",
	} {
		if got := SingleLine(in); got != want {
			t.Errorf("SingleLine(%q) = %q, want %q", in, got, want)
		}
	}
}
