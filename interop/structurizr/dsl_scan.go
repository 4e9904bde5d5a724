package structurizr

import (
	"fmt"
	"strings"
)

// token is one word or string of a DSL line.
type token struct {
	text   string
	quoted bool
	line   int
	col    int
}

// statement is one logical line of the DSL: its tokens, the last being
// an unquoted "{" when it opens a block.
type statement struct {
	file string
	toks []token
}

func (s statement) at(i int) string {
	if i >= len(s.toks) {
		i = len(s.toks) - 1
	}
	return fmt.Sprintf("%s:%d:%d", s.file, s.toks[i].line, s.toks[i].col)
}

func (s statement) opens() bool {
	n := len(s.toks)
	return n > 0 && !s.toks[n-1].quoted && s.toks[n-1].text == "{"
}

// args are the statement's tokens without a trailing "{".
func (s statement) args() []token {
	if s.opens() {
		return s.toks[:len(s.toks)-1]
	}
	return s.toks
}

// scanner splits DSL text into statements the way Structurizr's
// tokenizer does: whitespace separates tokens, double quotes make one
// token (\" is a quote inside), """ starts a text block, a line starting
// with // or # is a comment, /* ... */ a comment block, and a trailing
// backslash continues the line.
type scanner struct {
	file      string
	src       string
	i         int
	line, col int
}

func scan(file string, src []byte) ([]statement, error) {
	// Invalid UTF-8 becomes U+FFFD, as JSON decoding does: names reach YAML.
	text := strings.ToValidUTF8(strings.ReplaceAll(string(src), "\r\n", "\n"), "\uFFFD")
	s := &scanner{file: file, src: text, line: 1, col: 1}
	var out []statement
	var cur []token
	flush := func() {
		if len(cur) > 0 {
			out = append(out, statement{file: file, toks: cur})
			cur = nil
		}
	}
	for s.i < len(s.src) {
		c := s.src[s.i]
		switch {
		case c == '\n':
			flush()
			s.next()
		case c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v':
			s.next()
		case c == '\\' && s.continues():
			for s.src[s.i] != '\n' {
				s.next()
			}
			s.next()
		case len(cur) == 0 && (strings.HasPrefix(s.src[s.i:], "//") || c == '#'):
			s.skipLine()
		case len(cur) == 0 && strings.HasPrefix(s.src[s.i:], "/*"):
			if err := s.skipBlockComment(); err != nil {
				return nil, err
			}
		case strings.HasPrefix(s.src[s.i:], `"""`):
			t, err := s.textBlock()
			if err != nil {
				return nil, err
			}
			cur = append(cur, t)
		case c == '"':
			t, err := s.quoted()
			if err != nil {
				return nil, err
			}
			cur = append(cur, t)
		default:
			cur = append(cur, s.word())
		}
	}
	flush()
	return out, nil
}

func (s *scanner) next() {
	if s.src[s.i] == '\n' {
		s.line, s.col = s.line+1, 1
	} else if s.src[s.i]&0xC0 != 0x80 {
		s.col++
	}
	s.i++
}

// continues reports whether the backslash at i ends its line.
func (s *scanner) continues() bool {
	rest := s.src[s.i+1:]
	end := strings.IndexByte(rest, '\n')
	return end >= 0 && strings.TrimSpace(rest[:end]) == ""
}

func (s *scanner) skipLine() {
	for s.i < len(s.src) && s.src[s.i] != '\n' {
		s.next()
	}
}

func (s *scanner) skipBlockComment() error {
	line, col := s.line, s.col
	for s.i < len(s.src) {
		if strings.HasPrefix(s.src[s.i:], "*/") {
			s.next()
			s.next()
			return nil
		}
		s.next()
	}
	return fmt.Errorf("%s:%d:%d: comment /* is never closed with */", s.file, line, col)
}

func (s *scanner) word() token {
	t := token{line: s.line, col: s.col}
	start := s.i
	for s.i < len(s.src) && !strings.ContainsRune(" \t\r\n\f\v", rune(s.src[s.i])) {
		s.next()
	}
	t.text = s.src[start:s.i]
	return t
}

func (s *scanner) quoted() (token, error) {
	t := token{line: s.line, col: s.col, quoted: true}
	s.next()
	var b strings.Builder
	for s.i < len(s.src) && s.src[s.i] != '\n' {
		c := s.src[s.i]
		if c == '\\' && s.i+1 < len(s.src) && s.src[s.i+1] == '"' {
			b.WriteByte('"')
			s.next()
			s.next()
			continue
		}
		if c == '"' {
			s.next()
			t.text = b.String()
			return t, nil
		}
		b.WriteByte(c)
		s.next()
	}
	return t, fmt.Errorf("%s:%d:%d: string is not closed with \" before the end of the line", s.file, t.line, t.col)
}

// textBlock reads a """ block, its common indentation removed.
func (s *scanner) textBlock() (token, error) {
	t := token{line: s.line, col: s.col, quoted: true}
	for k := 0; k < 3; k++ {
		s.next()
	}
	end := strings.Index(s.src[s.i:], `"""`)
	if end < 0 {
		return t, fmt.Errorf("%s:%d:%d: text block \"\"\" is never closed", s.file, t.line, t.col)
	}
	body := s.src[s.i : s.i+end]
	for k := 0; k < end+3; k++ {
		s.next()
	}
	t.text = dedent(body)
	return t, nil
}

func dedent(body string) string {
	lines := strings.Split(strings.Trim(body, "\n"), "\n")
	indent := -1
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			continue
		}
		n := len(l) - len(strings.TrimLeft(l, " \t"))
		if indent < 0 || n < indent {
			indent = n
		}
	}
	for i, l := range lines {
		if len(l) >= indent && indent > 0 {
			lines[i] = l[indent:]
		}
		lines[i] = strings.TrimRight(lines[i], " \t")
	}
	return strings.TrimSpace(strings.Join(lines, "\n"))
}
