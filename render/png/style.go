package png

import (
	"image/color"

	"github.com/archdoc/archdoc/render/scene"
)

// The colours, sizes and line widths follow render/svg's light theme so a
// PNG looks like the SVG of the same view.
var (
	colText           = hex(0x1f2328)
	colMuted          = hex(0x59636e)
	colModuleFill     = hex(0xffffff)
	colModuleStroke   = hex(0x59636e)
	colActorStroke    = hex(0x1f2328)
	colNoteFill       = hex(0xfff8c5)
	colNoteStroke     = hex(0xd4a72c)
	colExternalFill   = hex(0xf6f8fa)
	colExternalStroke = hex(0x59636e)
	colClusterFill    = hex(0xf6f8fa)
	colClusterStroke  = hex(0xafb8c1)
	colEdge           = hex(0x59636e)
	colLabelBg        = color.NRGBA{0xff, 0xff, 0xff, 0xeb} // .92 opacity
	colLifeline       = hex(0x8c959f)
	colSeqFill        = hex(0x0969da)
	colSeqText        = hex(0xffffff)
)

// palette holds a tint (cluster and domain fill) and a border colour per
// group slot, the same slots as render/svg.
var palette = [][2]color.NRGBA{
	{hex(0xeef6ff), hex(0x4a90e2)},
	{hex(0xeffaf1), hex(0x3fa55b)},
	{hex(0xfff8e6), hex(0xd49a1a)},
	{hex(0xf5f0ff), hex(0x8a63d2)},
	{hex(0xfff0f0), hex(0xd9534f)},
	{hex(0xeafaf8), hex(0x21a79a)},
	{hex(0xfff3ea), hex(0xe07b2a)},
	{hex(0xf3f5f8), hex(0x6c7a89)},
}

const (
	subScale      = 0.8  // a node's secondary line, relative to FontSize
	noteFold      = 10   // folded corner of a note
	edgeWidth     = 1.4  // edge stroke
	arrowLen      = 9.8  // svg marker: 7 × stroke width
	arrowHalf     = 4.9  // half the arrow head's base
	badgeRadius   = 0.62 // sequence number circle, in ems
	badgeFontSize = 0.75 // sequence number, in ems
)

func hex(v uint32) color.NRGBA {
	return color.NRGBA{uint8(v >> 16), uint8(v >> 8), uint8(v), 0xff}
}

// groupSlots gives every group its palette slot from scene.GroupIndex, as
// render/svg does, so a domain has the same colour in every view and in
// every format.
func groupSlots(s *scene.Scene) map[string]int {
	slots := map[string]int{}
	add := func(g string) {
		if _, ok := slots[g]; !ok && g != "" {
			slots[g] = s.GroupIndex(g) % len(palette)
		}
	}
	for _, c := range s.Clusters {
		add(c.Group)
	}
	for _, n := range s.Nodes {
		add(n.Group)
	}
	return slots
}
