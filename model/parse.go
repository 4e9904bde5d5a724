package model

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/archdoc/archdoc/internal/lazyre"
	"go.yaml.in/yaml/v3"
)

// parseYAML turns one file's bytes into its top-level node (nil for an
// empty document), or positioned errors. It checks what yaml.v3 would
// report without a position (size, encoding, control bytes) first.
func parseYAML(file string, data []byte) (*yaml.Node, Errors) {
	at := func(line, col int, format string, args ...any) Errors {
		return Errors{{Pos: Pos{File: file, Line: line, Col: col}, Msg: fmt.Sprintf(format, args...)}}
	}
	if len(data) > MaxFileSize {
		return nil, at(0, 0, "%v", tooBig(int64(len(data))))
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if enc := utf16Encoding(data); enc != "" {
		return nil, at(1, 1, "this file is %s text; a model file must be UTF-8: save it again as UTF-8 (in most editors: Save with Encoding, UTF-8)", enc)
	}
	if off, msg := badBytes(data); msg != "" {
		line, col := lineCol(data, off)
		return nil, at(line, col, "%s", msg)
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, nil
		}
		return nil, yamlError(file, data, err)
	}
	var extra yaml.Node
	switch err := dec.Decode(&extra); {
	case err == nil:
		return nil, at(extra.Line, extra.Column, "a model file holds one YAML document; remove the second \"---\"")
	case !errors.Is(err, io.EOF):
		return nil, yamlError(file, data, err)
	}
	if len(doc.Content) == 0 {
		return nil, nil
	}
	top := doc.Content[0]
	if isNull(top) {
		return nil, nil
	}
	if top.Kind != yaml.MappingNode {
		return nil, at(top.Line, top.Column, "expected a mapping (name: ..., domains: ...) at the top level, got %s", describe(top))
	}
	return top, nil
}

// utf16Encoding names the encoding of UTF-16 text (as Windows tools
// often save it), by its byte order mark or, without one, by ASCII
// characters that each take two bytes, one of them NUL.
func utf16Encoding(data []byte) string {
	switch {
	case bytes.HasPrefix(data, []byte{0xff, 0xfe}):
		return "UTF-16 (little-endian)"
	case bytes.HasPrefix(data, []byte{0xfe, 0xff}):
		return "UTF-16 (big-endian)"
	case len(data) >= 4 && data[0] != 0 && data[1] == 0 && data[2] != 0 && data[3] == 0:
		return "UTF-16 (little-endian)"
	case len(data) >= 4 && data[0] == 0 && data[1] != 0 && data[2] == 0 && data[3] != 0:
		return "UTF-16 (big-endian)"
	}
	return ""
}

// badBytes finds the first byte that cannot be in a YAML text file:
// invalid UTF-8 or a control character. It returns its offset and a
// message, or "" when the text is fine.
func badBytes(data []byte) (int, string) {
	for off := 0; off < len(data); {
		r, size := utf8.DecodeRune(data[off:])
		switch {
		case r == utf8.RuneError && size <= 1:
			return off, fmt.Sprintf("invalid UTF-8 (byte 0x%02x): a model file must be UTF-8 text, is this a binary file?", data[off])
		case r < 0x20 && r != '\t' && r != '\n' && r != '\r', r == 0x7f:
			return off, fmt.Sprintf("control character %U is not allowed in YAML: is this a binary file?", r)
		case r >= 0x80 && r <= 0x9f && r != 0x85, r == 0xfffe, r == 0xffff:
			// yaml.v3 refuses these too, but at line 1 column 1.
			return off, fmt.Sprintf("%s is not allowed in YAML; remove it", strings.TrimPrefix(hiddenControlProblem(string(r)), "contains "))
		}
		off += size
	}
	return 0, ""
}

// lineCol converts a byte offset to a 1-based line and column (in runes).
func lineCol(data []byte, off int) (int, int) {
	before := data[:off]
	line := bytes.Count(before, []byte("\n")) + 1
	lineStart := bytes.LastIndexByte(before, '\n') + 1
	return line, utf8.RuneCount(before[lineStart:]) + 1
}

var (
	yamlLineError     = lazyre.New(`^yaml: line (\d+): (.*)$`)
	yamlUnknownAnchor = lazyre.New(`^yaml: unknown anchor '(.*)' referenced$`)
)

// yamlParserProblems are yaml.v3's parser (not scanner) errors. For these
// yaml.v3 reports the 0-based line where the enclosing list or mapping
// starts; we show it 1-based and say that it is where the block starts.
var yamlParserProblems = map[string]string{
	"did not find expected '-' indicator":    "-",
	"did not find expected key":              "",
	"did not find expected ',' or ']'":       "[",
	"did not find expected ',' or '}'":       "{",
	"did not find expected node content":     "",
	"did not find expected <document start>": "",
	"did not find expected <stream-start>":   "",
	"found undefined tag handle":             "",
	"found duplicate %YAML directive":        "",
	"found incompatible YAML document":       "",
	"found duplicate %TAG directive":         "",
}

// blockHint says where to look when yaml.v3 points at the start of the
// block holding the mistake: only when that line does open such a block
// (when the block starts on line 1, yaml.v3 gives the mistake's own line).
func blockHint(data []byte, line int, opener string) string {
	lines := bytes.Split(data, []byte("\n"))
	if opener == "" || line < 1 || line > len(lines) {
		return ""
	}
	text := string(lines[line-1])
	switch {
	case opener == "-" && strings.HasPrefix(strings.TrimSpace(text), "-"):
		return " in the list that starts here: check the indentation of its items"
	case opener != "-" && strings.Contains(text, opener):
		return fmt.Sprintf(" in the %s...%s that starts here", opener, map[string]string{"[": "]", "{": "}"}[opener])
	}
	return ""
}

// openerCol is the column of the opener a block hint points at ("that
// starts here"), so editors jump to the [ or - itself; 1 without a hint.
func openerCol(data []byte, line int, opener, hint string) int {
	if hint == "" {
		return 1
	}
	text := bytes.Split(data, []byte("\n"))[line-1]
	i := bytes.Index(text, []byte(opener))
	if opener == "-" {
		i = bytes.IndexByte(text, '-')
	}
	if i < 0 {
		return 1
	}
	return utf8.RuneCount(text[:i]) + 1
}

// yamlError gives yaml.v3's syntax errors ("yaml: line 3: did not find
// expected key") our file:line:col form. yaml.v3 does not tell the
// column, so it is 1.
func yamlError(file string, data []byte, err error) Errors {
	msg := err.Error()
	at := func(line, col int, text string) Errors {
		return Errors{{Pos: Pos{File: file, Line: line, Col: col}, Msg: "YAML syntax: " + text}}
	}
	if m := yamlLineError().FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		if opener, parser := yamlParserProblems[m[2]]; parser {
			hint := blockHint(data, line+1, opener)
			return at(line+1, openerCol(data, line+1, opener, hint), m[2]+hint)
		}
		return at(line, 1, m[2])
	}
	if m := yamlUnknownAnchor().FindStringSubmatch(msg); m != nil {
		if i := bytes.Index(data, []byte("*"+m[1])); i >= 0 {
			line, col := lineCol(data, i)
			return at(line, col, fmt.Sprintf("alias *%s names no anchor (&%s) defined before it", m[1], m[1]))
		}
	}
	return at(1, 1, strings.TrimPrefix(msg, "yaml: "))
}
