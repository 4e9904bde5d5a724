package model

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// Model text reaches HTML, SVG, draw.io and PPTX (XML), PNG and the
// terminal. YAML escapes ("\e", "\x07", "\u202E") can put characters in it
// that no author means to show: C0 and C1 control characters make XML
// invalid or drive the terminal (ESC [ ... colours, moves the cursor), and
// bidirectional overrides and isolates reorder the text around them, so
// that a name displays differently from what it is ("Trojan Source").
// The decoder refuses them in every string, wherever it comes from (the
// main file, an include), and the validator in docs files.

// IsHiddenControl reports whether r is a character model text must not
// hold: a C0 control other than tab, line feed and carriage return, DEL,
// a C1 control, a bidirectional embedding, override or isolate, or one of
// the noncharacters U+FFFE and U+FFFF (not allowed in XML). The marks
// U+200E, U+200F and U+061C stay allowed: Arabic and Hebrew text needs them
// and they do not reorder anything beyond themselves.
func IsHiddenControl(r rune) bool {
	switch {
	case r < 0x20:
		return r != '\t' && r != '\n' && r != '\r'
	case r >= 0x7f && r <= 0x9f:
		return true
	case isBidiControl(r):
		return true
	}
	return r == 0xFFFE || r == 0xFFFF
}

// isBidiControl: U+202A-U+202E (LRE, RLE, PDF, LRO, RLO) and
// U+2066-U+2069 (LRI, RLI, FSI, PDI).
func isBidiControl(r rune) bool {
	return r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x2069
}

// StripHiddenControls drops the characters IsHiddenControl reports, for
// code that takes text from elsewhere (importers) and would rather clean
// it than refuse it. Terminal escape sequences (ESC [ ... m colours, ESC ]
// ... titles and links) go whole, so "\x1b[31mred" becomes "red", not
// "[31mred". Where something is dropped, invalid UTF-8 becomes U+FFFD.
func StripHiddenControls(s string) string {
	if strings.IndexFunc(s, IsHiddenControl) < 0 {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		if n := escapeSequenceLen(s[i:]); n > 0 {
			i += n
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !IsHiddenControl(r) {
			// An invalid byte is written as U+FFFD: copied as is, it could
			// join with the bytes around a dropped control into a character.
			b.WriteRune(r)
		}
		i += size
	}
	return b.String()
}

// escapeSequenceLen is the length of the ANSI escape sequence s starts
// with, 0 if none: CSI (ESC [ parameters intermediates final) or OSC
// (ESC ] text ended by BEL or ESC \).
func escapeSequenceLen(s string) int {
	if len(s) < 2 || s[0] != 0x1b {
		return 0
	}
	switch s[1] {
	case '[':
		i := 2
		for i < len(s) && s[i] >= 0x20 && s[i] <= 0x3f {
			i++
		}
		if i < len(s) && s[i] >= 0x40 && s[i] <= 0x7e {
			return i + 1
		}
	case ']':
		for i := 2; i < len(s); i++ {
			switch {
			case s[i] == 0x07:
				return i + 1
			case s[i] == 0x1b && i+1 < len(s) && s[i+1] == '\\':
				return i + 2
			}
		}
	}
	return 0
}

// maxListedControls is how many different characters one message names.
const maxListedControls = 3

// hiddenControlProblem describes the hidden characters in s, "" when
// there are none: "contains a control character (U+0007)".
func hiddenControlProblem(s string) string {
	if strings.IndexFunc(s, IsHiddenControl) < 0 {
		return ""
	}
	var found []rune
	what := ""
	for _, r := range s {
		if !IsHiddenControl(r) || containsRune(found, r) {
			continue
		}
		if w := hiddenKind(r); what == "" || what == w {
			what = w
		} else {
			what = "hidden character" // a mix of kinds
		}
		found = append(found, r)
	}
	codes := make([]string, 0, maxListedControls+1)
	for i, r := range found {
		if i == maxListedControls {
			codes = append(codes, "...")
			break
		}
		codes = append(codes, fmt.Sprintf("%U", r))
	}
	if len(found) == 1 {
		return fmt.Sprintf("contains a %s (%s)", what, codes[0])
	}
	return fmt.Sprintf("contains %ss (%s)", what, strings.Join(codes, ", "))
}

// hiddenKind names what a hidden character is, for messages.
func hiddenKind(r rune) string {
	switch {
	case isBidiControl(r):
		return "bidirectional control character"
	case r == 0xFFFE || r == 0xFFFF:
		return "noncharacter"
	}
	return "control character"
}

func containsRune(rs []rune, r rune) bool {
	for _, x := range rs {
		if x == r {
			return true
		}
	}
	return false
}

// checkHidden reports hidden controls in scalar n (prefix starts the
// message, for map keys), at the first one when the file shows it.
func (d *decoder) checkHidden(n *yaml.Node, path, prefix string) {
	msg := hiddenControlProblem(n.Value)
	if msg == "" {
		return
	}
	first, _ := utf8.DecodeRuneInString(n.Value[strings.IndexFunc(n.Value, IsHiddenControl):])
	d.errs = append(d.errs, &Error{Pos: d.runePos(n, first), Path: path, Msg: prefix + msg})
}

// runePos is where r, a character of scalar n, stands in the file: a long
// block of text is reported at the line holding it, not where the block
// starts. In a double-quoted scalar r is usually written as an escape
// ("\e", "\u202E"), so the scalar's own position is given.
func (d *decoder) runePos(n *yaml.Node, r rune) Pos {
	start := d.offset(n.Line, n.Column)
	if n.Style&yaml.DoubleQuotedStyle != 0 || start < 0 {
		return d.pos(n)
	}
	i := bytes.IndexRune(d.src[start:], r)
	if i < 0 {
		return d.pos(n)
	}
	before := d.src[start : start+i]
	nl := bytes.LastIndexByte(before, '\n')
	if nl < 0 {
		return Pos{File: d.file, Line: n.Line, Col: n.Column + utf8.RuneCount(before)}
	}
	return Pos{File: d.file, Line: n.Line + bytes.Count(before, []byte("\n")), Col: utf8.RuneCount(before[nl+1:]) + 1}
}

// offset turns a 1-based line and column (in runes) into a byte offset in
// src, -1 when src does not have it.
func (d *decoder) offset(line, col int) int {
	if d.lines == nil {
		d.lines = append(d.lines, 0)
		for i, b := range d.src {
			if b == '\n' {
				d.lines = append(d.lines, i+1)
			}
		}
	}
	if line < 1 || line > len(d.lines) || col < 1 {
		return -1
	}
	off := d.lines[line-1]
	for ; col > 1 && off < len(d.src); col-- {
		_, size := utf8.DecodeRune(d.src[off:])
		off += size
	}
	return off
}
