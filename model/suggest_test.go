package model

import "testing"

func TestDidYouMean(t *testing.T) {
	ids := []string{"user-center", "user", "redis", "front", "name", "kind"}
	for word, want := range map[string]string{
		"user-centre": ` (did you mean "user-center"?)`, // swapped neighbours cost one
		"usr":         ` (did you mean "user"?)`,
		"reddis":      ` (did you mean "redis"?)`,
		"nmae":        ` (did you mean "name"?)`,
		"db":          "", // too short to guess
		"completely":  "",
		"redis":       "", // an exact match is not a typo
		"uѕer":        ` (did you mean "user"? "uѕer" has U+0455 CYRILLIC SMALL LETTER DZE where "user" has 's')`,
		"frоnt":       ` (did you mean "front"? "frоnt" has U+043E CYRILLIC SMALL LETTER O where "front" has 'o')`,
		"uśer":        ` (did you mean "user"? "uśer" has U+015B LATIN SMALL LETTER S WITH ACUTE where "user" has 's')`,
	} {
		if got := didYouMean(word, ids); got != want {
			t.Errorf("didYouMean(%q) = %q, want %q", word, got, want)
		}
	}
}

func TestEditDistance(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"abc", "", 3}, {"centre", "center", 1}, {"kitten", "sitting", 3},
		{"用户中心", "用户中兴", 1},
	} {
		if got := editDistance([]rune(tc.a), []rune(tc.b)); got != tc.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
}
