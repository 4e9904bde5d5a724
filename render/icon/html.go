package icon

import (
	"encoding/base64"
	"html"

	"github.com/archdoc/archdoc/render/scene"
)

// HTML is i as inline HTML with the given class, for the site's pages
// and the HTML deck alike: a bundled icon as an inline <svg> path, the
// user's own file as an <img> of a data: URL, so pages work offline and
// from file:// with nothing to copy. "" when i is nil or not drawable.
// The picture is decorative: the technology's name always stands beside it.
func HTML(i *scene.Icon, class string) string {
	switch {
	case i == nil:
		return ""
	case i.Path != "":
		return `<svg class="` + html.EscapeString(class) + `" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="` +
			html.EscapeString(i.Color) + `" d="` + html.EscapeString(i.Path) + `"/></svg>`
	case len(i.Image) > 0 && (i.MIME == "image/svg+xml" || i.MIME == "image/png"):
		// An SVG shown through <img> runs no script; base64 needs no escaping.
		return `<img class="` + html.EscapeString(class) + `" alt="" src="data:` + i.MIME + ";base64," +
			base64.StdEncoding.EncodeToString(i.Image) + `">`
	}
	return ""
}
