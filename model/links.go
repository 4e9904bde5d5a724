package model

import (
	"reflect"
	"strconv"
	"strings"

	"github.com/archdoc/archdoc/internal/lazyre"
)

// LinkRE matches Markdown links to elements, `[text](kind:id)`; group 1
// is the kind, group 2 the id. Other schemes (https:, mailto:) are left
// alone by the validator because their "kind" is not a Kind.
var LinkRE = lazyre.New(`\[[^\]\n]*\]\(([a-z]+):([^)\s]*)(?:\s+"[^"\n]*")?\)`)

// linkKinds maps the kind written in a link to the element kind.
var linkKinds = map[string]Kind{
	"actor": KindActor, "domain": KindDomain, "module": KindModule, "layer": KindLayer,
	"tech": KindTech, "flow": KindFlow, "idea": KindIdea, "task": KindTask,
	"doc": KindDoc, "note": KindNote, "view": KindView,
}

// linkKindList names the kinds a link may use, for messages.
const linkKindList = "actor, domain, module, layer, tech, flow, idea, task, doc, note or view"

// kindHint returns the link kind a mistyped one most likely means: a
// natural spelling ("technology", "modules") or a typo ("tec"), or ""
// for anything else, such as a URL scheme (https:, mailto:, vscode:),
// which is left alone.
func kindHint(kind string) string {
	switch kind {
	case "technology", "technologies", "techs":
		return "tech"
	case "person", "people", "system":
		return "actor"
	case "service", "component", "container":
		return "module"
	case "document", "page":
		return "doc"
	}
	if k, ok := strings.CutSuffix(kind, "s"); ok {
		if _, known := linkKinds[k]; known {
			return k
		}
	}
	names := make([]string, 0, len(linkKinds))
	for k := range linkKinds {
		names = append(names, k)
	}
	return closest(kind, names)
}

// checkLinks checks every `[text](kind:id)` in every text of the model.
func (v *validator) checkLinks() {
	walkStrings(reflect.ValueOf(v.m).Elem(), func(s string, path func() string) {
		if !strings.Contains(s, "](") {
			return // no link; most texts, and the walk's hot path
		}
		for _, match := range LinkRE().FindAllStringSubmatch(s, -1) {
			kind, ok := linkKinds[match[1]]
			if !ok {
				if hint := kindHint(match[1]); hint != "" {
					v.errorf(path(), "link (%s:%s): unknown kind %q (did you mean %q?); links to elements use %s", match[1], match[2], match[1], hint, linkKindList)
				}
				continue
			}
			target := match[1] + ":" + match[2]
			if match[2] == "" {
				v.errorf(path(), "link (%s) names no element", target)
				continue
			}
			if msg := v.refProblem(match[2], []Kind{kind}); msg != "" {
				v.errorf(path(), "link (%s): %s", target, msg)
			}
		}
	})
}

// walkStrings calls fn for every string in v (a model value), in model
// order, with a function that returns the string's model path: paths are
// only made for the few strings that need one in a message.
func walkStrings(v reflect.Value, fn func(s string, path func() string)) {
	w := &stringWalker{fn: fn}
	w.pathOf = func() string { return string(w.path) }
	w.walk(v)
}

type stringWalker struct {
	path   []byte // of the value being walked, e.g. modules[3].description
	pathOf func() string
	fn     func(s string, path func() string)
}

func (w *stringWalker) walk(v reflect.Value) {
	switch v.Kind() {
	case reflect.String:
		if s := v.String(); s != "" {
			w.fn(s, w.pathOf)
		}
	case reflect.Pointer:
		if !v.IsNil() {
			w.walk(v.Elem())
		}
	case reflect.Slice:
		n := len(w.path)
		for i := range v.Len() {
			w.path = append(strconv.AppendInt(append(w.path[:n], '['), int64(i), 10), ']')
			w.walk(v.Index(i))
		}
		w.path = w.path[:n]
	case reflect.Map:
		iter := v.MapRange()
		for iter.Next() {
			n := w.down(iter.Key().String())
			w.walk(iter.Value())
			w.path = w.path[:n]
		}
	case reflect.Struct:
		for _, f := range structInfoOf(v.Type()).fields {
			n := w.down(f.name)
			w.walk(v.Field(f.index))
			w.path = w.path[:n]
		}
	}
}

// down appends key to the path, as join does, and returns the length to
// cut it back to.
func (w *stringWalker) down(key string) int {
	n := len(w.path)
	if n > 0 {
		w.path = append(w.path, '.')
	}
	w.path = append(w.path, key...)
	return n
}

func typeOf[T any]() reflect.Type { return reflect.TypeOf((*T)(nil)).Elem() }
