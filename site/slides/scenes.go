package slides

import (
	"context"
	"strings"

	"github.com/archdoc/archdoc/model"
	"github.com/archdoc/archdoc/render"
	"github.com/archdoc/archdoc/render/scene"
)

// Scenes lays out the views a deck can show (business, stack, the
// top-level domains and the flows with steps) and indexes them by view
// id, as Build wants them. They are laid out as a build lays them out
// (render.Layouts: side by side, a large model's overviews at domain
// level), so 'archdoc slides' shows what the site's deck shows. Module
// and custom views are not laid out: no slide uses them, and layout is
// the slow step.
func Scenes(ctx context.Context, m *model.Model) (map[string]*scene.Scene, error) {
	list, err := render.NewLayouts().ScenesOf(ctx, m, deckView)
	if err != nil {
		return nil, err
	}
	options, err := render.OptionScenes(ctx, m) // ideas' before/after
	return ByID(append(list, options...)), err
}

func deckView(id string) bool {
	return id == "business" || id == "stack" || strings.HasPrefix(id, "domain/") || strings.HasPrefix(id, "flow/")
}

// ByID indexes scenes by their view id.
func ByID(list []*scene.Scene) map[string]*scene.Scene {
	out := make(map[string]*scene.Scene, len(list))
	for _, s := range list {
		out[s.ID] = s
	}
	return out
}
