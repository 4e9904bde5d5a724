package layout

import "fmt"

// SettingsKey describes everything opts change about a layout, so a
// cache of scenes (render.Layouts) can tell when laying out again would
// give a different scene. Equal keys mean equal settings.
func SettingsKey(opts ...Option) string {
	c := newConfig(opts)
	return fmt.Sprintf("font=%g label=%g edge=%g note=%g budget=%v grid=%v", c.fontSize, c.labelWidth, c.edgeWidth, c.noteWidth, c.budget, c.gridOnly)
}
