package structurizr

import (
	"fmt"
	"strings"
)

// workspace is what a DSL or JSON workspace says about the model, before
// it becomes an archdoc model.
type workspace struct {
	name, desc string
	elements   []*element // top-level: people and software systems
	rels       []*relation
	views      map[string]int
	files      int // the workspace file and the files it includes
	skipped    []string
	warnings   []string
}

func (w *workspace) skip(format string, args ...any) {
	s := fmt.Sprintf(format, args...)
	for _, x := range w.skipped {
		if x == s {
			return
		}
	}
	w.skipped = append(w.skipped, s)
}

func (w *workspace) warn(format string, args ...any) {
	w.warnings = append(w.warnings, fmt.Sprintf(format, args...))
}

// element is a person, software system, container or component.
type element struct {
	kind     string // person, softwaresystem, container, component
	ident    string // the DSL identifier or JSON id
	key      string // the identifier register's key
	name     string
	desc     string
	tech     string
	tags     []string
	props    [][2]string
	group    string // group path inside the parent, "/"-separated
	external bool   // JSON location External
	parent   *element
	children []*element
	at       string
}

// all lists every element, parents before children.
func (w *workspace) all() []*element {
	var out []*element
	var walk func(es []*element)
	walk = func(es []*element) {
		for _, e := range es {
			out = append(out, e)
			walk(e.children)
		}
	}
	walk(w.elements)
	return out
}

// hasTag compares tags case-insensitively, as Structurizr styles do.
func (e *element) hasTag(tag string) bool {
	for _, t := range e.tags {
		if strings.EqualFold(t, tag) {
			return true
		}
	}
	return false
}

// relation is a relationship, its ends resolved (DSL references are
// resolved after the whole model is read).
type relation struct {
	from, to         *element
	fromRef, toRef   string
	ctx              *element
	desc, tech       string
	tags             []string
	at, fromAt, toAt string
}

// splitTags reads "Tag 1, Tag 2" and drops the tags every element has.
func splitTags(s string) []string {
	var out []string
	for _, t := range strings.Split(s, ",") {
		t = strings.TrimSpace(t)
		switch t {
		case "", "Element", "Person", "Software System", "Container", "Component", "Relationship", "Group":
			continue
		}
		out = append(out, t)
	}
	return out
}
