package model

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"
)

// Kinds a flow (or a step of one) may connect.
var flowEnds = []Kind{KindActor, KindDomain, KindModule, KindStore, KindTech}

// checkReferences checks that every id the model mentions names an
// element of the right kind.
func (v *validator) checkReferences() {
	m := v.m
	for i, f := range m.Flows {
		p := fmt.Sprintf("flows[%d]", i)
		v.ref(p+".from", f.From, flowEnds...)
		v.ref(p+".to", f.To, flowEnds...)
		for j, s := range f.Steps {
			sp := fmt.Sprintf("%s.steps[%d]", p, j)
			v.ref(sp+".from", s.From, flowEnds...)
			v.ref(sp+".to", s.To, flowEnds...)
		}
	}
	for i, n := range m.Notes {
		v.ref(fmt.Sprintf("notes[%d].on", i), n.On)
	}
	for _, e := range m.Elements() {
		switch e.Kind {
		case KindDomain:
			if d := e.Domain.Defaults; d != nil {
				v.refs(e.Path+".defaults.tech", d.Tech, KindTech)
			}
		case KindModule:
			v.refs(e.Path+".tech", e.Module.Tech, KindTech)
		case KindStore:
			v.ref(e.Path+".tech", e.Store.Tech, KindTech)
		case KindTech:
			v.refs(e.Path+".used_by", e.Tech.UsedBy, KindModule)
		}
	}
	for i, t := range m.Tasks {
		p := fmt.Sprintf("tasks[%d]", i)
		v.refs(p+".tech", t.Tech, KindTech)
		v.refs(p+".modules", t.Modules, KindModule)
	}
	for i, x := range m.Ideas {
		v.refs(fmt.Sprintf("ideas[%d].related", i), x.Related)
	}
	v.checkViews()
	v.checkPresentation()
	v.checkChanges()
}

func (v *validator) refs(path string, ids []string, kinds ...Kind) {
	for i, id := range ids {
		v.ref(fmt.Sprintf("%s[%d]", path, i), id, kinds...)
	}
}

// ref checks one reference; kinds empty means any kind of element.
func (v *validator) ref(path, id string, kinds ...Kind) {
	if id == "" {
		return // missing values are reported by the decoder
	}
	if msg := v.refProblem(id, kinds); msg != "" {
		v.errorf(path, "%s", msg)
	}
}

// refProblem says what is wrong with a reference to id, or "".
func (v *validator) refProblem(id string, kinds []Kind) string {
	e, ok := v.m.Element(id)
	if !ok {
		if msg := v.m.fanoutProblem(id); msg != "" {
			return msg
		}
		what := "element"
		if len(kinds) == 1 {
			what = kindName(kinds[0])
		}
		hint := ""
		if v.suggestions < maxSuggestions {
			v.suggestions++
			hint = didYouMean(id, v.idsOf(kinds))
		}
		return fmt.Sprintf("unknown %s %q%s", what, id, hint)
	}
	if len(kinds) == 0 || hasKind(kinds, e.Kind) {
		return ""
	}
	return fmt.Sprintf("%q is %s, expected %s", id, article(kindName(e.Kind)), kindList(kinds))
}

func hasKind(kinds []Kind, k Kind) bool {
	for _, x := range kinds {
		if x == k {
			return true
		}
	}
	return false
}

// idsOf lists the ids of the given kinds (all ids when none), sorted,
// as did-you-mean candidates.
func (v *validator) idsOf(kinds []Kind) []string {
	key := fmt.Sprint(kinds)
	if ids, ok := v.candidates[key]; ok {
		return ids
	}
	if v.candidates == nil {
		v.candidates = map[string][]string{}
	}
	v.candidates[key] = v.listIDs(kinds)
	return v.candidates[key]
}

func (v *validator) listIDs(kinds []Kind) []string {
	var out []string
	for _, e := range v.m.Elements() {
		if len(kinds) == 0 || hasKind(kinds, e.Kind) {
			out = append(out, e.ID)
		}
	}
	sort.Strings(out)
	return out
}

func article(word string) string {
	if strings.ContainsRune("aeiou", rune(word[0])) {
		return "an " + word
	}
	return "a " + word
}

// kindList reads "an actor, a domain, a module, a store or a technology".
func kindList(kinds []Kind) string {
	words := make([]string, len(kinds))
	for i, k := range kinds {
		words[i] = article(kindName(k))
	}
	if len(words) == 1 {
		return words[0]
	}
	return strings.Join(words[:len(words)-1], ", ") + " or " + words[len(words)-1]
}

// checkViews checks custom views: ids, "tag:NAME" naming a used tag, or "*".
func (v *validator) checkViews() {
	tags := v.tags()
	for i, vs := range v.m.Views {
		for _, list := range []struct {
			name  string
			items []string
		}{{"include", vs.Include}, {"exclude", vs.Exclude}} {
			for j, item := range list.items {
				path := fmt.Sprintf("views[%d].%s[%d]", i, list.name, j)
				switch {
				case item == "*" && list.name == "include":
				case item == "*":
					v.errorf(path, `"*" only makes sense in include`)
				case strings.HasPrefix(item, "tag:"):
					tag := strings.TrimPrefix(item, "tag:")
					if !tags[tag] {
						v.errorf(path, "no element has the tag %q%s", tag, didYouMean(tag, sortedKeys(tags)))
					}
				default:
					v.ref(path, item)
				}
			}
		}
	}
}

func (v *validator) tags() map[string]bool {
	out := map[string]bool{}
	for _, e := range v.m.Elements() {
		for _, t := range e.Tags {
			out[t] = true
		}
	}
	return out
}

func sortedKeys(set map[string]bool) []string {
	out := make([]string, 0, len(set))
	for k := range set {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// checkPresentation checks sections' element lists and where hand-written
// slides go (section names are enum-checked by the decoder).
func (v *validator) checkPresentation() {
	p := v.m.Presentation
	if p == nil {
		return
	}
	for i, s := range p.Sections {
		v.refs(fmt.Sprintf("presentation.sections[%d].only", i), s.Only)
	}
	sections := SectionNames()
	for i, s := range p.Slides {
		if s.After == "" {
			continue
		}
		found := false
		for _, name := range sections {
			found = found || name == s.After
		}
		if !found {
			v.errorf(fmt.Sprintf("presentation.slides[%d].after", i), "%q is not a section: one of %s%s",
				s.After, strings.Join(sections, ", "), didYouMean(s.After, sections))
		}
	}
}

// SectionNames lists the deck's sections in their default order (the enum
// of SectionSpec.Section).
func SectionNames() []string {
	for _, f := range structInfoOf(typeOf[SectionSpec]()).fields {
		if f.name == "section" {
			return append([]string(nil), f.enum...)
		}
	}
	return nil
}

// maxIconSize bounds an icon file: it is inlined in every diagram and
// page that shows the technology.
const maxIconSize = 256 << 10

// checkIcons checks that an icon file is an SVG or PNG inside the model's
// folder, and reads it for the renderers (nothing else reads it).
func (v *validator) checkIcons() {
	for li := range v.m.Stack.Layers {
		for ti := range v.m.Stack.Layers[li].Technologies {
			t := &v.m.Stack.Layers[li].Technologies[ti]
			if !IsIconFile(t.Icon) {
				continue
			}
			path := fmt.Sprintf("stack.layers[%d].technologies[%d].icon", li, ti)
			rel := filepath.FromSlash(t.Icon)
			lower := strings.ToLower(t.Icon)
			switch {
			case filepath.IsAbs(rel) || strings.HasPrefix(t.Icon, "/"):
				v.errorf(path, "%q is an absolute path: an icon file must be inside the model's folder", t.Icon)
				continue
			case !filepath.IsLocal(rel):
				v.errorf(path, "%q is outside the model's folder", t.Icon)
				continue
			case !strings.HasSuffix(lower, ".svg") && !strings.HasSuffix(lower, ".png"):
				v.errorf(path, "%q: an icon file must be .svg or .png", t.Icon)
				continue
			case v.root == nil:
				continue
			}
			b, err := readInRoot(v.root, rel)
			switch {
			case err != nil:
				v.errorf(path, "%s", fileProblem(rel, err))
			case len(b) > maxIconSize:
				v.errorf(path, "%q is %s; an icon file may be at most 256 KB", t.Icon, megabytes(int64(len(b))))
			case strings.HasSuffix(lower, ".png") && !bytes.HasPrefix(b, []byte("\x89PNG\r\n\x1a\n")):
				v.errorf(path, "%q is not a PNG file", t.Icon)
			case strings.HasSuffix(lower, ".svg") && !bytes.Contains(b, []byte("<svg")):
				v.errorf(path, "%q is not an SVG file", t.Icon)
			default:
				t.IconFile = b
			}
		}
	}
}

// checkDocs checks that each doc names a file inside the model's folder.
func (v *validator) checkDocs() {
	for i, d := range v.m.Docs {
		path := fmt.Sprintf("docs[%d].path", i)
		if d.Path == "" {
			continue
		}
		rel := filepath.FromSlash(d.Path)
		switch {
		case filepath.IsAbs(rel) || strings.HasPrefix(d.Path, "/"):
			v.errorf(path, "%q is an absolute path: docs must be inside the model's folder", d.Path)
			continue
		case !filepath.IsLocal(rel):
			v.errorf(path, "%q is outside the model's folder", d.Path)
			continue
		case v.root == nil:
			continue
		}
		st, err := v.root.Stat(rel)
		switch {
		case err != nil && errors.Is(err, fs.ErrNotExist):
			v.errorf(path, "file %q not found", d.Path)
		case err != nil:
			v.errorf(path, "%s", fileProblem(rel, err))
		case st.IsDir():
			v.errorf(path, "%q is a folder, not a Markdown file", d.Path)
		default:
			v.checkDocText(path, rel, d.Path)
		}
	}
}

// checkDocText refuses a doc the site would turn into a huge or garbled
// page: over MaxFileSize, not UTF-8 text (a binary file named by mistake
// or malice), or text with hidden controls (see IsHiddenControl), which
// the page would carry to the reader as they are.
func (v *validator) checkDocText(path, rel, shown string) {
	data, err := readInRoot(v.root, rel)
	if err != nil {
		v.errorf(path, "%s", fileProblem(rel, err))
		return
	}
	off, ok := firstNonText(data)
	if ok {
		return
	}
	line, col := lineCol(data, off)
	if r, _ := utf8.DecodeRune(data[off:]); r != utf8.RuneError && r != 0 {
		v.errorf(path, "file %q %s at %d:%d", shown, hiddenControlProblem(string(r)), line, col)
		return
	}
	v.errorf(path, "file %q is not UTF-8 text (byte 0x%02x at %d:%d): is it a binary file?", shown, data[off], line, col)
}

// firstNonText finds the first byte that cannot be in a Markdown text
// file: invalid UTF-8 or a hidden control; form feed is allowed (old
// text files separate pages with it and Markdown reads it as a space).
func firstNonText(data []byte) (int, bool) {
	for off := 0; off < len(data); {
		r, size := utf8.DecodeRune(data[off:])
		if r == utf8.RuneError && size <= 1 || r != '\f' && IsHiddenControl(r) {
			return off, false
		}
		off += size
	}
	return 0, true
}
