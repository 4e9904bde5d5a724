package svg

import (
	"strconv"
	"strings"
	"sync"

	"github.com/archdoc/archdoc/internal/lazyre"
)

// colour is one themeable colour: the site overrides it by setting the
// custom property --ad-<name>; otherwise the light or dark default applies
// according to prefers-color-scheme.
type colour struct{ name, light, dark string }

var colours = []colour{
	{"bg", "#ffffff", "#0d1117"},
	{"text", "#1f2328", "#e6edf3"},
	{"muted", "#59636e", "#9198a1"},
	{"module-fill", "#ffffff", "#161b22"},
	{"module-stroke", "#59636e", "#8b949e"},
	{"actor-fill", "#ffffff", "#0d1117"},
	{"actor-stroke", "#1f2328", "#e6edf3"},
	{"note-fill", "#fff8c5", "#3b2f0b"},
	{"note-stroke", "#d4a72c", "#9e6a03"},
	{"external-fill", "#f6f8fa", "#21262d"},
	{"external-stroke", "#59636e", "#8b949e"},
	{"cluster-fill", "#f6f8fa", "#161b22"},
	{"cluster-stroke", "#afb8c1", "#3d444d"},
	{"edge-stroke", "#59636e", "#9198a1"},
	{"edge-text", "#1f2328", "#e6edf3"},
	{"label-bg", "#ffffff", "#0d1117"},
	{"lifeline", "#8c959f", "#6e7681"},
	{"seq-fill", "#0969da", "#1f6feb"},
	{"seq-text", "#ffffff", "#ffffff"},
}

// paletteColours are the per-group slots: a tint for cluster backgrounds
// and a stronger colour for borders. Slot n is --ad-pal-<n>-fill/-stroke.
var paletteColours = [][4]string{ // light fill, light stroke, dark fill, dark stroke
	{"#eef6ff", "#4a90e2", "#0d2340", "#4a8fe0"},
	{"#effaf1", "#3fa55b", "#0f2a17", "#3fa55b"},
	{"#fff8e6", "#d49a1a", "#2e2308", "#c69026"},
	{"#f5f0ff", "#8a63d2", "#231a3a", "#9a7ae0"},
	{"#fff0f0", "#d9534f", "#3a1414", "#e0605c"},
	{"#eafaf8", "#21a79a", "#0c2a27", "#2bb5a7"},
	{"#fff3ea", "#e07b2a", "#33200d", "#e58a3e"},
	{"#f3f5f8", "#6c7a89", "#1c2128", "#7d8a99"},
}

var paletteSize = len(paletteColours)

// rules are the style sheet; {name} stands for the themeable colour name.
// Every selector is scoped to .archdoc-diagram so inlined SVGs do not leak
// styles into the page.
var rules = [][2]string{
	{"", "font-family:" + FontFamily + ";fill:{text}"},
	{" .bg", "fill:{bg}"},
	{" text", "fill:{text}"},
	{" .sub", "fill:{muted}"},
	{" .node .shape", "fill:{module-fill};stroke:{module-stroke};stroke-width:1.2"},
	{" .node.shape-external .shape", "fill:{external-fill};stroke:{external-stroke}"},
	{" .node .inner", "fill:none;stroke:{external-stroke};stroke-width:1"},
	{" .node.shape-note .shape", "fill:{note-fill};stroke:{note-stroke}"},
	{" .node .fold", "fill:none;stroke:{note-stroke};stroke-width:1"},
	{" .node.shape-actor .shape", "fill:{actor-fill};stroke:{actor-stroke};stroke-width:1.6"},
	{" .node .figure", "fill:none;stroke:{actor-stroke};stroke-width:1.6;stroke-linecap:round;stroke-linejoin:round"},
	{" .node .hit", "fill:transparent;stroke:none"},
	{" .node .divider", "fill:none;stroke:{module-stroke};stroke-opacity:.35;stroke-width:1"},
	{" .node .details", "fill:{muted}"},
	{" .cluster .shape", "fill:{cluster-fill};stroke:{cluster-stroke};stroke-width:1.2"},
	{" .cluster .label", "font-weight:600"},
	{" .edge .line", "fill:none;stroke:{edge-stroke};stroke-width:1.4"},
	{" .edge.dashed .line", "stroke-dasharray:6 4"},
	{" .edge.note .line", "stroke-dasharray:2 3"},
	{" .edge .hit", "fill:none;stroke:transparent;stroke-width:12;pointer-events:stroke"},
	{" .edge-label .label-bg", "fill:{label-bg};fill-opacity:.92;stroke:none"},
	{" .edge-label text", "fill:{edge-text}"},
	{" .arrow path", "fill:{edge-stroke}"},
	{" .arrow.open path", "fill:none;stroke:{edge-stroke};stroke-width:1.4;stroke-linejoin:miter"},
	{" .lifeline", "stroke:{lifeline};stroke-width:1.2;stroke-dasharray:5 4"},
	{" .seq circle", "fill:{seq-fill}"},
	{" .seq text", "fill:{seq-text};font-weight:600"},
	{" a", "cursor:pointer"},
	{" a:hover .shape, .archdoc-diagram a:hover .line", "stroke-width:2.4"},
	{" .dim", "opacity:.25"},
	{" .hl .shape, .archdoc-diagram .hl .line", "stroke-width:2.6"},
	{" .node, .archdoc-diagram .edge", "transition:opacity .15s"},
}

func paletteRules() [][2]string {
	var out [][2]string
	for i := range paletteColours {
		n := strconv.Itoa(i)
		out = append(out,
			[2]string{" .cluster.pal-" + n + " > .shape, .archdoc-diagram .cluster.pal-" + n + " > a > .shape",
				"fill:{pal-" + n + "-fill};stroke:{pal-" + n + "-stroke}"},
			[2]string{" .node.pal-" + n + " .shape", "stroke:{pal-" + n + "-stroke}"},
			[2]string{" .node.shape-domain.pal-" + n + " .shape", "fill:{pal-" + n + "-fill};stroke-width:1.8"},
		)
	}
	return out
}

var placeholder = lazyre.New(`\{([a-z0-9-]+)\}`)

// styleSheet builds the CSS on first use: light defaults, then a dark
// block repeating only the rules that use colours.
var styleSheet = sync.OnceValue(func() string {
	light, dark := map[string]string{}, map[string]string{}
	for _, c := range colours {
		light[c.name], dark[c.name] = c.light, c.dark
	}
	for i, p := range paletteColours {
		n := "pal-" + strconv.Itoa(i)
		light[n+"-fill"], light[n+"-stroke"] = p[0], p[1]
		dark[n+"-fill"], dark[n+"-stroke"] = p[2], p[3]
	}
	all := append(append([][2]string{}, rules...), paletteRules()...)
	var b strings.Builder
	write := func(defaults map[string]string, onlyColoured bool, indent string) {
		for _, r := range all {
			if onlyColoured && !placeholder().MatchString(r[1]) {
				continue
			}
			decl := placeholder().ReplaceAllStringFunc(r[1], func(m string) string {
				name := m[1 : len(m)-1]
				return "var(--ad-" + name + "," + defaults[name] + ")"
			})
			b.WriteString(indent + ".archdoc-diagram" + r[0] + "{" + decl + "}\n")
		}
	}
	write(light, false, "")
	b.WriteString("@media (prefers-color-scheme: dark){\n")
	write(dark, true, " ")
	b.WriteString("}\n")
	return b.String()
})

func (r *renderer) style() {
	// The style sheet is our own constant text, never model text; CDATA
	// keeps it readable and valid XML.
	r.p("<style><![CDATA[\n" + styleSheet() + r.markSheet() + "]]></style>\n")
}

// ThemeVars returns every themeable colour as CSS custom property
// declarations ("--ad-bg:#ffffff;--ad-text:..."), light or dark, for pages
// that switch themes themselves (set them on an element enclosing the
// SVG; they win over the SVG's prefers-color-scheme defaults).
func ThemeVars(dark bool) string {
	var b strings.Builder
	for _, c := range colours {
		v := c.light
		if dark {
			v = c.dark
		}
		b.WriteString("--ad-" + c.name + ":" + v + ";")
	}
	for i, p := range paletteColours {
		n := "--ad-pal-" + strconv.Itoa(i)
		fill, stroke := p[0], p[1]
		if dark {
			fill, stroke = p[2], p[3]
		}
		b.WriteString(n + "-fill:" + fill + ";" + n + "-stroke:" + stroke + ";")
	}
	return b.String()
}
