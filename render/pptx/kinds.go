package pptx

import (
	"math"

	"github.com/archdoc/archdoc/render/scene"
)

// kindPreset is the preset geometry PowerPoint and Impress know for a
// module kind's shape, with the adjust value that gives it render/svg's
// proportions (scene.CylinderCap, scene.SlantInset, in 1/100000 of the
// box's short side); ok is false for the other shapes. A queue is the
// magnetic drum: a cylinder lying on its side.
func kindPreset(shape string, r scene.Rect) (prst string, adj int, ok bool) {
	short := math.Max(math.Min(r.W, r.H), 1)
	per := func(pt float64) int { return int(math.Round(pt / short * 100000)) }
	switch shape {
	case scene.ShapeDatabase, scene.ShapeCache:
		return "can", per(2 * scene.CylinderCap), true // adj is the whole ellipse's height
	case scene.ShapeQueue:
		return "flowChartMagneticDrum", 0, true
	case scene.ShapeGateway:
		return "hexagon", per(scene.SlantInset), true
	case scene.ShapeFrontend:
		return "parallelogram", per(scene.SlantInset), true
	case scene.ShapeJob:
		return "trapezoid", per(scene.SlantInset), true
	}
	return "", 0, false
}
