// Package icon finds a technology's icon: one of the bundled Simple Icons
// (CC0, see NOTICE; embedded, so diagrams work offline) matched by the
// technology's icon:, name or id, or the user's own file the model
// validated. A technology without one simply has no icon.
package icon

import (
	_ "embed"
	"encoding/json"
	"strings"
	"sync"
	"unicode"

	"github.com/archdoc/archdoc/model"
	"github.com/archdoc/archdoc/render/scene"
)

//go:embed simple-icons.json
var data []byte

type entry struct {
	Slug    string   `json:"slug"`
	Title   string   `json:"title"`
	Hex     string   `json:"hex"`
	Aliases []string `json:"aliases"`
	Path    string   `json:"path"`
}

var (
	once  sync.Once
	index map[string]*entry // normalised slug, title or alias -> icon
)

func load() {
	var all []entry
	if err := json.Unmarshal(data, &all); err != nil {
		panic("icon: bundled simple-icons.json is broken: " + err.Error()) // a build defect, caught by the tests
	}
	index = map[string]*entry{}
	for i := range all {
		e := &all[i]
		for _, k := range append([]string{e.Slug, e.Title}, e.Aliases...) {
			if _, dup := index[key(k)]; !dup && key(k) != "" {
				index[key(k)] = e
			}
		}
	}
	// A model says "NATS" or "Vue" for NATS.io or Vue.js: the short name
	// finds them unless another icon has it.
	for i := range all {
		e := &all[i]
		for _, suffix := range []string{"dotio", "dotjs"} {
			if short, ok := strings.CutSuffix(e.Slug, suffix); ok && len(short) >= 3 {
				if _, dup := index[short]; !dup {
					index[short] = e
				}
			}
		}
	}
}

// key normalises a name the way Simple Icons makes slugs: lower case,
// "+" as plus, "." as dot, letters and digits only.
func key(s string) string {
	s = strings.NewReplacer("+", "plus", ".", "dot", "&", "and").Replace(strings.ToLower(s))
	var b strings.Builder
	for _, r := range s {
		if r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Bundled returns the bundled icon with the given name, title or alias
// ("Nginx", "nginx", "Node.js"), trying the first word of a longer name
// too ("Zend Framework" is Zend).
func Bundled(name string) (*scene.Icon, bool) {
	once.Do(load)
	e, ok := index[key(name)]
	if !ok {
		if first, _, more := strings.Cut(strings.TrimSpace(name), " "); more && len(key(first)) >= 3 {
			e, ok = index[key(first)]
		}
	}
	if !ok {
		return nil, false
	}
	return &scene.Icon{Title: e.Title, Path: e.Path, Color: "#" + e.Hex}, true
}

// For returns technology t's icon: its own file, the bundled icon its
// icon: names, or the one matching its name or id; none for icon: none.
func For(t *model.Technology) (*scene.Icon, bool) {
	switch {
	case t == nil || strings.EqualFold(t.Icon, "none"):
		return nil, false
	case len(t.IconFile) > 0:
		mime := "image/png"
		if strings.HasSuffix(strings.ToLower(t.Icon), ".svg") {
			mime = "image/svg+xml"
		}
		return &scene.Icon{Title: t.Name, Image: t.IconFile, MIME: mime}, true
	case model.IsIconFile(t.Icon):
		return nil, false // not validated (or unreadable): no icon rather than a broken one
	case t.Icon != "":
		return Bundled(t.Icon)
	}
	if i, ok := Bundled(t.Name); ok {
		return i, true
	}
	return Bundled(t.ID)
}
