package render

import (
	"encoding/xml"
	"html"
	"os"
	"regexp"
	"strings"
	"unicode"
)

// seedCell is one mxCell of a draw.io diagram.
type seedCell struct {
	ID     string `xml:"id,attr"`
	Value  string `xml:"value,attr"`
	Style  string `xml:"style,attr"`
	Vertex string `xml:"vertex,attr"`
	Edge   string `xml:"edge,attr"`
	Parent string `xml:"parent,attr"`
	Source string `xml:"source,attr"`
	Target string `xml:"target,attr"`
	Geom   struct {
		X      float64 `xml:"x,attr"`
		Y      float64 `xml:"y,attr"`
		Width  float64 `xml:"width,attr"`
		Height float64 `xml:"height,attr"`
	} `xml:"mxGeometry"`
}

// seedDiagram is what the seed's business diagram shows: labelled boxes
// (containers get the text placed inside them), and arrows with labels.
type seedDiagram struct {
	boxes map[string]string // cell id -> plain text
	kinds map[string]string // cell id -> "box", "text", "container"
	edges []seedEdge
}

type seedEdge struct{ id, source, target, label string }

func readSeed(path string) (*seedDiagram, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var doc struct {
		Cells []seedCell `xml:"diagram>mxGraphModel>root>mxCell"`
	}
	if err := xml.Unmarshal(data, &doc); err != nil {
		return nil, err
	}
	d := &seedDiagram{boxes: map[string]string{}, kinds: map[string]string{}}
	labels := map[string]string{} // edge id -> label
	var texts, containers []seedCell
	for _, c := range doc.Cells {
		text := stripHTML(c.Value)
		switch {
		case c.Edge == "1":
			d.edges = append(d.edges, seedEdge{id: c.ID, source: c.Source, target: c.Target})
		case c.Vertex != "1":
		case strings.HasPrefix(c.Style, "edgeLabel"):
			labels[c.Parent] = text
		case text == "":
			containers = append(containers, c)
		case strings.HasPrefix(c.Style, "text;"):
			texts = append(texts, c)
			d.boxes[c.ID], d.kinds[c.ID] = text, "text"
		default:
			d.boxes[c.ID], d.kinds[c.ID] = text, "box"
		}
	}
	// An empty box is a container; its title is the text cell drawn in it.
	for _, c := range containers {
		for _, t := range texts {
			if inside(t, c) {
				d.boxes[c.ID], d.kinds[c.ID] = d.boxes[t.ID], "container"
				delete(d.boxes, t.ID)
				delete(d.kinds, t.ID)
			}
		}
	}
	for i := range d.edges {
		d.edges[i].label = labels[d.edges[i].id]
	}
	return d, nil
}

func inside(a, b seedCell) bool {
	return a.Geom.X >= b.Geom.X && a.Geom.Y >= b.Geom.Y &&
		a.Geom.X+a.Geom.Width <= b.Geom.X+b.Geom.Width && a.Geom.Y+a.Geom.Height <= b.Geom.Y+b.Geom.Height
}

var (
	htmlBreak = regexp.MustCompile(`(?i)<br\s*/?>|</li>|</div>|</p>`)
	htmlTag   = regexp.MustCompile(`<[^>]*>`)
)

// stripHTML turns a draw.io HTML label into plain text, one line per
// <br> or list item.
func stripHTML(s string) string {
	s = htmlBreak.ReplaceAllString(s, "\n")
	s = html.UnescapeString(htmlTag.ReplaceAllString(s, ""))
	var lines []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(strings.ReplaceAll(l, "\u00a0", " ")); l != "" {
			lines = append(lines, l)
		}
	}
	return strings.Join(lines, "\n")
}

// normalize keeps letters and digits, lower-cased, for comparing texts
// written with different punctuation and spacing.
func normalize(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// coverage is the share of a's character pairs that also occur in b: how
// much of the seed's wording the diagram carries, whatever the order.
func coverage(a, b string) float64 {
	ra, rb := []rune(normalize(a)), []rune(normalize(b))
	if len(ra) < 2 {
		if len(ra) == 1 && strings.ContainsRune(string(rb), ra[0]) {
			return 1
		}
		return 0
	}
	have := map[string]bool{}
	for i := 0; i+1 < len(rb); i++ {
		have[string(rb[i:i+2])] = true
	}
	hit := 0
	for i := 0; i+1 < len(ra); i++ {
		if have[string(ra[i:i+2])] {
			hit++
		}
	}
	return float64(hit) / float64(len(ra)-1)
}
