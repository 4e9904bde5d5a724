package pptx

// markColours are the fill and line of a changed element (an idea's
// before and after), as the SVG renderer draws them.
var markColours = map[string][2]string{
	"added":   {"DAFBE1", "1A7F37"},
	"removed": {"FFEBE9", "CF222E"},
	"changed": {"FFF8C5", "BF8700"},
}

// marked returns the colours of element id: its change's when the scene
// marks it, else fill and stroke unchanged.
func (c *canvas) marked(id, fill, stroke string) (string, string) {
	if m, ok := markColours[c.marks[id]]; ok {
		return m[0], m[1]
	}
	return fill, stroke
}
