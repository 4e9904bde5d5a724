package pptx

import (
	"fmt"
	"path"
	"sort"
	"strconv"
	"strings"

	"github.com/archdoc/archdoc/internal/lazyre"
)

// Template is a user's .pptx or .potx: a deck written with it uses its
// slide masters, layouts and theme (and their pictures) instead of
// archdoc's, and places diagrams where its content layout puts content.
type Template struct {
	parts   map[string][]byte
	types   contentTypeList
	masters []string // sldMasterId elements of presentation.xml, r:id replaced by %s
	targets []string // the masters' parts, in the same order
	theme   string   // presentation's theme part
	size    [2]int   // slide size, EMU
	style   string   // presentation.xml's defaultTextStyle element
	layouts map[string]templateLayout
}

// templateLayout is the layout a kind of archdoc slide uses.
type templateLayout struct {
	kind           string // the Layout* whose placeholders it has
	part           string
	body           box    // where its content goes
	footer, number string // idx of its footer and slide number placeholders ("" = none)
}

// contentTypeList is [Content_Types].xml: extension defaults and part overrides.
type contentTypeList struct {
	defaults  map[string]string
	overrides map[string]string
}

// ReadTemplate reads a .pptx or .potx as a template. The warnings say
// which layouts the template lacks and what stands in for them.
func ReadTemplate(data []byte) (*Template, []string, error) {
	parts, err := readParts(data)
	if err != nil {
		return nil, nil, fmt.Errorf("template: %w", err)
	}
	pres, ok := parts["ppt/presentation.xml"]
	if !ok {
		return nil, nil, fmt.Errorf("template: not a PowerPoint file (no ppt/presentation.xml)")
	}
	t := &Template{parts: parts, types: readContentTypes(parts["[Content_Types].xml"]), layouts: map[string]templateLayout{}}
	rels := readRels(parts["ppt/_rels/presentation.xml.rels"], "ppt")
	for _, m := range sldMasterID().FindAllStringSubmatch(string(pres), -1) {
		target, ok := rels[m[1]]
		if !ok || parts[target] == nil {
			continue
		}
		t.masters = append(t.masters, strings.Replace(m[0], `r:id="`+m[1]+`"`, `r:id="%s"`, 1))
		t.targets = append(t.targets, target)
	}
	if len(t.masters) == 0 {
		return nil, nil, fmt.Errorf("template: it has no slide master")
	}
	for id, target := range rels {
		if strings.HasPrefix(target, "ppt/theme/") && relType(parts["ppt/_rels/presentation.xml.rels"], id) == "theme" {
			t.theme = target
		}
	}
	if t.theme == "" {
		t.theme = readRelsOfType(parts, t.targets[0], "theme")
	}
	t.size = [2]int{SlideWidth, SlideHeight}
	if m := sldSz().FindStringSubmatch(string(pres)); m != nil {
		t.size[0], _ = strconv.Atoi(m[1])
		t.size[1], _ = strconv.Atoi(m[2])
	}
	if m := defaultTextStyle().FindString(string(pres)); m != "" {
		t.style = m
	}
	warnings := t.pickLayouts()
	return t, warnings, nil
}

var (
	sldMasterID      = lazyre.New(`<p:sldMasterId\b[^>]*?\br:id="([^"]*)"[^>]*/>`)
	sldSz            = lazyre.New(`<p:sldSz\b[^>]*?\bcx="(\d+)"[^>]*?\bcy="(\d+)"`)
	defaultTextStyle = lazyre.New(`(?s)<p:defaultTextStyle>.*?</p:defaultTextStyle>`)
	layoutType       = lazyre.New(`<p:sldLayout\b[^>]*?\btype="([^"]*)"`)
	layoutName       = lazyre.New(`<p:cSld\b[^>]*?\bname="([^"]*)"`)
	relElem          = lazyre.New(`<Relationship\b[^>]*/>`)
	attr             = lazyre.New(`(\w+)="([^"]*)"`)
	shapeElem        = lazyre.New(`(?s)<p:sp>.*?</p:sp>`)
	phElem           = lazyre.New(`<p:ph\b[^>]*>`)
	offElem          = lazyre.New(`<a:off x="(-?\d+)" y="(-?\d+)"/>\s*<a:ext cx="(\d+)" cy="(\d+)"/>`)
)

// pickLayouts chooses the layout of each kind of slide and says what is
// missing: archdoc needs a title slide and a title-and-content layout.
func (t *Template) pickLayouts() []string {
	byType := map[string]string{}
	var names []string
	for name, data := range t.parts {
		if strings.HasPrefix(name, "ppt/slideLayouts/") && strings.HasSuffix(name, ".xml") {
			names = append(names, name)
			if m := layoutType().FindSubmatch(data); m != nil {
				if _, seen := byType[string(m[1])]; !seen {
					byType[string(m[1])] = name
				}
			}
		}
	}
	sort.Slice(names, func(i, j int) bool { return layoutNumber(names[i]) < layoutNumber(names[j]) })
	var warnings []string
	pick := func(kind, what string, types ...string) string {
		for _, ty := range types {
			if p, ok := byType[ty]; ok {
				if ty != types[0] {
					warnings = append(warnings, fmt.Sprintf("the template has no %s layout; %s slides use its %q layout", what, kind, t.layoutName(p)))
				}
				return p
			}
		}
		return ""
	}
	content := pick("content", "Title and Content", "obj", "tx", "twoObj", "objTx", "titleOnly")
	if content == "" && len(names) > 0 {
		content = names[0]
		warnings = append(warnings, fmt.Sprintf("the template has no Title and Content layout; content slides use its first layout, %q", t.layoutName(content)))
	}
	title := pick("title", "Title Slide", "title", "secHead")
	if title == "" {
		title = content
		warnings = append(warnings, fmt.Sprintf("the template has no Title Slide layout; the title slide uses %q", t.layoutName(content)))
	}
	if content == "" {
		return append(warnings, "the template has no slide layouts")
	}
	t.layouts[LayoutContent] = t.layout(content, LayoutContent)
	t.layouts[LayoutTitle] = t.layout(title, LayoutTitle)
	if section, ok := byType["secHead"]; ok {
		t.layouts[LayoutSection] = t.layout(section, LayoutSection)
	}
	return warnings
}

func layoutNumber(name string) int {
	n, _ := strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(path.Base(name), "slideLayout"), ".xml"))
	return n
}

func (t *Template) layoutName(part string) string {
	if m := layoutName().FindSubmatch(t.parts[part]); m != nil && len(m[1]) > 0 {
		return string(m[1])
	}
	return path.Base(part)
}

// layout reads where a layout puts its content (its body placeholder,
// else its master's, else the slide less a margin) and its footers.
func (t *Template) layout(part, kind string) templateLayout {
	l := templateLayout{kind: kind, part: part}
	w, h := t.size[0], t.size[1]
	l.body = box{w / 20, h * 2 / 9, w * 9 / 10, h * 2 / 3}
	found := false
	master := readRelsOfType(t.parts, part, "slideMaster")
	for _, p := range []string{part, master} {
		for _, sp := range shapeElem().FindAll(t.parts[p], -1) {
			ph := phElem().Find(sp)
			if ph == nil {
				continue
			}
			a := attrs(string(ph))
			switch {
			case a["type"] == "ftr" && p == part:
				l.footer = a["idx"]
			case a["type"] == "sldNum" && p == part:
				l.number = a["idx"]
			case !found && (a["idx"] == "1" || a["type"] == "body" && p == master):
				if m := offElem().FindSubmatch(sp); m != nil {
					x, _ := strconv.Atoi(string(m[1]))
					y, _ := strconv.Atoi(string(m[2]))
					cx, _ := strconv.Atoi(string(m[3]))
					cy, _ := strconv.Atoi(string(m[4]))
					l.body, found = box{x, y, cx, cy}, true
				}
			}
		}
	}
	return l
}

func attrs(elem string) map[string]string {
	out := map[string]string{}
	for _, m := range attr().FindAllStringSubmatch(elem, -1) {
		out[m[1]] = m[2]
	}
	return out
}

// readRels maps the relationship ids of a rels part to their target
// parts, resolved against dir.
func readRels(data []byte, dir string) map[string]string {
	out := map[string]string{}
	for _, r := range relElem().FindAll(data, -1) {
		a := attrs(string(r))
		if a["TargetMode"] == "External" {
			continue
		}
		out[a["Id"]] = resolve(dir, a["Target"])
	}
	return out
}

func resolve(dir, target string) string {
	if strings.HasPrefix(target, "/") {
		return strings.TrimPrefix(target, "/")
	}
	return path.Clean(path.Join(dir, target))
}

func relType(data []byte, id string) string {
	for _, r := range relElem().FindAll(data, -1) {
		a := attrs(string(r))
		if a["Id"] == id {
			return path.Base(a["Type"])
		}
	}
	return ""
}

// readRelsOfType is the first target of the given type among part's relationships.
func readRelsOfType(parts map[string][]byte, part, typ string) string {
	rels := parts[path.Join(path.Dir(part), "_rels", path.Base(part)+".rels")]
	for _, r := range relElem().FindAll(rels, -1) {
		a := attrs(string(r))
		if path.Base(a["Type"]) == typ {
			return resolve(path.Dir(part), a["Target"])
		}
	}
	return ""
}

var (
	defaultElem  = lazyre.New(`<Default\b[^>]*/>`)
	overrideElem = lazyre.New(`<Override\b[^>]*/>`)
)

func readContentTypes(data []byte) contentTypeList {
	ct := contentTypeList{defaults: map[string]string{}, overrides: map[string]string{}}
	for _, d := range defaultElem().FindAll(data, -1) {
		a := attrs(string(d))
		ct.defaults[strings.ToLower(a["Extension"])] = a["ContentType"]
	}
	for _, o := range overrideElem().FindAll(data, -1) {
		a := attrs(string(o))
		ct.overrides[strings.TrimPrefix(a["PartName"], "/")] = a["ContentType"]
	}
	return ct
}

// kept says whether a template part goes into the deck: its masters,
// layouts, themes and what they refer to, not its slides, notes, handout
// or presentation-level parts, which the deck writes itself.
func kept(name string) bool {
	for _, drop := range []string{"ppt/slides/", "ppt/notesSlides/", "ppt/notesMasters/", "ppt/handoutMasters/", "docProps/", "customXml/",
		"ppt/comments/", "ppt/commentAuthors.xml", "ppt/presentation.xml", "ppt/_rels/presentation.xml.rels", "ppt/presProps.xml",
		"ppt/viewProps.xml", "ppt/tableStyles.xml", "[Content_Types].xml", "_rels/.rels", "ppt/revisionInfo.xml", "ppt/changesInfos/"} {
		if strings.HasPrefix(name, drop) {
			return false
		}
	}
	return true
}
