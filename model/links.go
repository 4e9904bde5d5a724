package model

import (
	"fmt"
	"reflect"
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
	walkStrings(reflect.ValueOf(v.m).Elem(), "", func(path, s string) {
		for _, match := range LinkRE().FindAllStringSubmatch(s, -1) {
			kind, ok := linkKinds[match[1]]
			if !ok {
				if hint := kindHint(match[1]); hint != "" {
					v.errorf(path, "link (%s:%s): unknown kind %q (did you mean %q?); links to elements use %s", match[1], match[2], match[1], hint, linkKindList)
				}
				continue
			}
			target := match[1] + ":" + match[2]
			if match[2] == "" {
				v.errorf(path, "link (%s) names no element", target)
				continue
			}
			if msg := v.refProblem(match[2], []Kind{kind}); msg != "" {
				v.errorf(path, "link (%s): %s", target, msg)
			}
		}
	})
}

// walkStrings calls fn for every string in v (a model value), with its
// model path, in model order.
func walkStrings(v reflect.Value, path string, fn func(path, s string)) {
	switch v.Kind() {
	case reflect.String:
		if v.String() != "" {
			fn(path, v.String())
		}
	case reflect.Pointer:
		if !v.IsNil() {
			walkStrings(v.Elem(), path, fn)
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			walkStrings(v.Index(i), fmt.Sprintf("%s[%d]", path, i), fn)
		}
	case reflect.Map:
		iter := v.MapRange()
		for iter.Next() {
			walkStrings(iter.Value(), join(path, iter.Key().String()), fn)
		}
	case reflect.Struct:
		for _, f := range structInfoOf(v.Type()).fields {
			walkStrings(v.Field(f.index), join(path, f.name), fn)
		}
	}
}

func typeOf[T any]() reflect.Type { return reflect.TypeOf((*T)(nil)).Elem() }
