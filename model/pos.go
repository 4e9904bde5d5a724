package model

import (
	"fmt"
	"sort"
	"strings"
)

// Pos is a position in a model file. Line and Col start at 1; a zero
// Pos means "unknown".
type Pos struct {
	File string
	Line int
	Col  int
}

func (p Pos) String() string {
	switch {
	case p.File == "" && p.Line == 0:
		return "-"
	case p.Line == 0:
		return p.File
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Pos returns the position of the value at a model path such as
// "flows[3].to" or "domains[0].modules[1]". For a path with no recorded
// position it falls back to the nearest recorded ancestor, then to the file.
func (m *Model) Pos(path string) Pos {
	for p := path; p != ""; p = parentPath(p) {
		if pos, ok := m.pos[p]; ok {
			return pos
		}
	}
	return Pos{File: m.File}
}

// SetPos records the position of the value at path (used by the loader
// and by code that builds models, such as importers).
func (m *Model) SetPos(path string, p Pos) {
	if m.pos == nil {
		m.pos = make(map[string]Pos)
	}
	m.pos[path] = p
}

func parentPath(p string) string {
	i := strings.LastIndexAny(p, ".[")
	if i < 0 {
		return ""
	}
	return p[:i]
}

func pathf(format string, args ...any) string { return fmt.Sprintf(format, args...) }

// Error is one problem in a model, at a position, about the value at Path.
type Error struct {
	Pos  Pos
	Path string // e.g. "flows[3].to"; "" for file-level problems
	Msg  string
	// written: Path is already as written in the file, not a path into
	// the expanded flows that SourcePath must translate.
	written bool
}

func (e *Error) Error() string {
	if e.Path == "" {
		return visible(fmt.Sprintf("%s: %s", e.Pos, e.Msg))
	}
	return visible(fmt.Sprintf("%s: %s: %s", e.Pos, e.Path, e.Msg))
}

// visible spells out hidden controls (see IsHiddenControl) as \uXXXX:
// file names and paths come from the model's own includes and keys, and
// messages quote model text; none of it may drive the terminal that shows
// the error.
func visible(s string) string {
	if strings.IndexFunc(s, IsHiddenControl) < 0 {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if IsHiddenControl(r) {
			fmt.Fprintf(&b, "\\u%04x", r)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Errors is every problem found in a model, sorted by file, line, column.
type Errors []*Error

func (es Errors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// Sort orders the errors by position, then message, and drops exact repeats.
func (es Errors) Sort() Errors {
	sort.SliceStable(es, func(i, j int) bool {
		a, b := es[i], es[j]
		if a.Pos.File != b.Pos.File {
			return a.Pos.File < b.Pos.File
		}
		if a.Pos.Line != b.Pos.Line {
			return a.Pos.Line < b.Pos.Line
		}
		if a.Pos.Col != b.Pos.Col {
			return a.Pos.Col < b.Pos.Col
		}
		return a.Error() < b.Error()
	})
	out := es[:0]
	for i, e := range es {
		if i > 0 && e.Error() == es[i-1].Error() {
			continue
		}
		out = append(out, e)
	}
	return out
}
