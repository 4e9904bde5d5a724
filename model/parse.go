package model

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"unicode/utf8"

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
		return nil, yamlError(file, err)
	}
	var extra yaml.Node
	switch err := dec.Decode(&extra); {
	case err == nil:
		return nil, at(extra.Line, extra.Column, "a model file holds one YAML document; remove the second \"---\"")
	case !errors.Is(err, io.EOF):
		return nil, yamlError(file, err)
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

var yamlLineError = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// yamlError gives yaml.v3's syntax errors ("yaml: line 3: did not find
// expected key") our file:line:col form. yaml.v3 does not tell the
// column, so it is 1.
func yamlError(file string, err error) Errors {
	msg := err.Error()
	if m := yamlLineError.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		return Errors{{Pos: Pos{File: file, Line: line, Col: 1}, Msg: "YAML syntax: " + m[2]}}
	}
	if rest, ok := bytes.CutPrefix([]byte(msg), []byte("yaml: ")); ok {
		msg = string(rest)
	}
	return Errors{{Pos: Pos{File: file, Line: 1, Col: 1}, Msg: "YAML syntax: " + msg}}
}
