package likec4

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// tok is one token of a .c4 file: a word (names, kinds, dotted
// references, #tags), a string, an arrow or one of { } = , ; :.
type tok struct {
	kind      byte // 'w' word, 's' string, '>' arrow, or the punctuation itself
	text      string
	line, col int
}

// scanC4 splits LikeC4 source into tokens: // and /* */ comments,
// strings in ' or " (with \ escapes, across lines), arrows -> and
// -[kind]-> (the kind kept as the arrow's text).
func scanC4(file string, src []byte) ([]tok, error) {
	s := strings.ToValidUTF8(string(src), "\uFFFD")
	var out []tok
	line, col := 1, 1
	i := 0
	adv := func(n int) {
		for k := 0; k < n && i < len(s); k++ {
			if s[i] == '\n' {
				line, col = line+1, 1
			} else if s[i]&0xC0 != 0x80 {
				col++
			}
			i++
		}
	}
	for i < len(s) {
		c := s[i]
		l, cl := line, col
		switch {
		case c == ' ' || c == '\t' || c == '\r' || c == '\n':
			adv(1)
		case strings.HasPrefix(s[i:], "//"):
			for i < len(s) && s[i] != '\n' {
				adv(1)
			}
		case strings.HasPrefix(s[i:], "/*"):
			end := strings.Index(s[i+2:], "*/")
			if end < 0 {
				return nil, fmt.Errorf("%s:%d:%d: comment /* is never closed with */", file, l, cl)
			}
			adv(end + 4)
		case c == '\'' || c == '"':
			var b strings.Builder
			adv(1)
			for {
				if i >= len(s) {
					return nil, fmt.Errorf("%s:%d:%d: string is never closed with %c", file, l, cl, c)
				}
				if s[i] == '\\' && i+1 < len(s) {
					b.WriteByte(s[i+1])
					adv(2)
					continue
				}
				if s[i] == c {
					adv(1)
					break
				}
				r, n := utf8.DecodeRuneInString(s[i:])
				b.WriteRune(r)
				adv(n)
			}
			out = append(out, tok{'s', strings.TrimSpace(b.String()), l, cl})
		case strings.HasPrefix(s[i:], "->"):
			adv(2)
			out = append(out, tok{'>', "", l, cl})
		case strings.HasPrefix(s[i:], "-["):
			end := strings.Index(s[i:], "]->")
			if end < 0 {
				return nil, fmt.Errorf("%s:%d:%d: arrow -[kind] is not closed with ]->", file, l, cl)
			}
			kind := strings.TrimSpace(s[i+2 : i+end])
			adv(end + 3)
			out = append(out, tok{'>', kind, l, cl})
		case strings.ContainsRune("{}=,;:", rune(c)):
			adv(1)
			out = append(out, tok{c, string(c), l, cl})
		default:
			start := i
			for i < len(s) {
				r, n := utf8.DecodeRuneInString(s[i:])
				if !(unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("_-.#*@/", r)) || strings.HasPrefix(s[i:], "->") || strings.HasPrefix(s[i:], "-[") {
					break
				}
				adv(n)
			}
			if i == start {
				return nil, fmt.Errorf("%s:%d:%d: unexpected character %q", file, l, cl, s[i:i+1])
			}
			if strings.HasPrefix(s[i:], "://") { // an unquoted URL: its // is no comment
				for i < len(s) && !strings.ContainsRune(" \t\r\n", rune(s[i])) {
					adv(1)
				}
			}
			out = append(out, tok{'w', s[start:i], l, cl})
		}
	}
	return out, nil
}
