package builder

import (
	"fmt"
	"io"

	"github.com/archdoc/archdoc/render/dot"
	"github.com/archdoc/archdoc/render/mermaid"
	"github.com/archdoc/archdoc/render/mxfile"
	"github.com/archdoc/archdoc/render/png"
	"github.com/archdoc/archdoc/render/scene"
	"github.com/archdoc/archdoc/render/svg"
)

// DiagramFormats maps each format `archdoc diagram` draws to its file
// extension.
var DiagramFormats = map[string]string{
	"svg": ".svg", "png": ".png", "dot": ".dot", "mermaid": ".mmd", "drawio": ".drawio",
}

// DrawOptions tune Draw.
type DrawOptions struct {
	Font string           // PNG: a font file for CJK text
	Warn func(msg string) // hears what a picture cannot show (PNG text no font draws)
}

// Draw renders scenes in format into w: drawio puts every scene in one
// file, a page each; the other formats draw the one scene given.
func Draw(w io.Writer, format string, scenes []*scene.Scene, o DrawOptions) error {
	if format == "drawio" {
		return mxfile.Render(w, scenes...)
	}
	if len(scenes) != 1 {
		return fmt.Errorf("%s draws one view at a time, not %d", format, len(scenes))
	}
	s := scenes[0]
	switch format {
	case "svg":
		return svg.Render(w, s, svg.Options{Standalone: true})
	case "png":
		return png.Render(w, s, png.Options{FontPath: o.Font, Warn: o.Warn})
	case "dot":
		return dot.Render(w, s)
	case "mermaid":
		return mermaid.Render(w, s)
	}
	return fmt.Errorf("unknown format %q", format)
}
