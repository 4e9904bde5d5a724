package site

import (
	"fmt"
	"net/url"
	"strings"
	"unicode"

	"github.com/archdoc/archdoc/model"
)

// PageURL returns the site-relative URL of the page (or page section)
// that shows e, e.g. "module/user-center.html" or "ideas.html#sharding".
// Pages live at most one folder deep; a page in a folder reaches another
// with "../" + PageURL(e). Notes have no page of their own: "" (the site
// links a note to the page of the element it is on).
func PageURL(e model.Element) string {
	f := fileName(e.ID)
	switch e.Kind {
	case model.KindActor:
		return "index.html#" + fragment(e.ID)
	case model.KindDomain:
		return "domain/" + f + ".html"
	case model.KindModule:
		return "module/" + f + ".html"
	case model.KindStore: // a section of its module's page
		return "module/" + fileName(e.Parent) + ".html#" + fragment(e.ID)
	case model.KindLayer:
		return "stack.html#" + fragment(e.ID)
	case model.KindTech:
		return "tech/" + f + ".html"
	case model.KindFlow:
		return "flow/" + f + ".html"
	case model.KindIdea:
		return "ideas.html#" + fragment(e.ID)
	case model.KindTask:
		return "tasks.html#" + fragment(e.ID)
	case model.KindDoc:
		return "docs/" + f + ".html"
	case model.KindView:
		return "view/" + f + ".html"
	}
	return ""
}

// filePath is where the page for e is written, relative to the output
// folder ("" for elements shown as a section of another page).
func filePath(e model.Element) string {
	u := PageURL(e)
	if u == "" || strings.Contains(u, "#") {
		return ""
	}
	p, _ := url.PathUnescape(u)
	return p
}

// fileName turns an element id into a file name that is safe on every OS
// and inside URLs: letters (any script), digits, '-', '_' and '.' stay;
// anything else, and a leading '.', becomes "~XX" hex bytes. Ids are
// validated upstream; this is the last line of defence against an id
// such as "../../etc" escaping the output folder.
func fileName(id string) string {
	var b strings.Builder
	for i, r := range id {
		ok := unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_' || (r == '.' && i > 0)
		if ok && r < unicode.MaxASCII || ok && unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul, unicode.Latin, unicode.Cyrillic, unicode.Greek) {
			b.WriteRune(r)
			continue
		}
		for _, c := range []byte(string(r)) {
			fmt.Fprintf(&b, "~%02X", c)
		}
	}
	if b.Len() == 0 {
		return "~"
	}
	return url.PathEscape(b.String())
}

// fragment makes an id usable after '#': ASCII outside the URL-safe set
// is percent-escaped, letters of other scripts stay readable (browsers
// match "#第-1-天" against id="第-1-天").
func fragment(id string) string {
	var b strings.Builder
	for _, r := range id {
		if r < unicode.MaxASCII && !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-_.~!$&'()*+,;=:@/?", r)) {
			fmt.Fprintf(&b, "%%%02X", r)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// relTo returns the prefix that leads from the page at path back to the
// site root: "" for top-level pages, "../" for pages in a folder.
func relTo(path string) string {
	return strings.Repeat("../", strings.Count(path, "/"))
}
