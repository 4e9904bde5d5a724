// Package pinyin spells Han characters in pinyin so that a Chinese reader
// can search by typing Latin letters (hongbao, or the initials hb).
package pinyin

import (
	_ "embed"
	"strings"
	"sync"
	"unicode"
)

//go:generate go run -C gen . ../table.txt

// table lists each reading, then the characters read so. The first
// reading of a character with several is the one used.
//
//go:embed table.txt
var table string

var (
	loadOnce sync.Once
	readings map[rune]string
)

func load() {
	readings = make(map[rune]string, 21000)
	for _, line := range strings.Split(table, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		reading, chars, ok := strings.Cut(line, " ")
		if !ok {
			continue
		}
		for _, r := range chars {
			readings[r] = reading
		}
	}
}

// Of returns the reading of r without tones, or "" if r is not a Han
// character the table knows.
func Of(r rune) string {
	loadOnce.Do(load)
	return readings[r]
}

// Spell returns s in pinyin twice over: the full spelling of each run of
// Han characters with no spaces between syllables ("hongbaomokuai"), and
// their initials ("hbmk"). Other letters and digits are kept lowercased,
// so "API 网关" gives "api wangguan" and "api wg". Both are "" when s has
// no Han character.
func Spell(s string) (full, initials string) {
	var f, i strings.Builder
	han := false
	for _, r := range s {
		if p := Of(r); p != "" {
			han = true
			f.WriteString(p)
			i.WriteByte(p[0])
			continue
		}
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			f.WriteRune(unicode.ToLower(r))
			i.WriteRune(unicode.ToLower(r))
		case f.Len() > 0 && !strings.HasSuffix(f.String(), " "):
			f.WriteByte(' ')
			i.WriteByte(' ')
		}
	}
	if !han {
		return "", ""
	}
	return strings.TrimSpace(f.String()), strings.TrimSpace(i.String())
}
