package slides

import (
	"context"
	"strings"

	"github.com/archdoc/archdoc/model"
	"github.com/archdoc/archdoc/render/layout"
	"github.com/archdoc/archdoc/render/scene"
	"github.com/archdoc/archdoc/render/view"
)

// Scenes lays out the views a deck can show (business, stack, the
// top-level domains and the flows with steps) and indexes them by view
// id, as Build wants them. Module and custom views are not laid out: no
// slide uses them, and layout is the slow step.
func Scenes(ctx context.Context, m *model.Model) (map[string]*scene.Scene, error) {
	out := map[string]*scene.Scene{}
	for _, v := range view.All(m) {
		if !deckView(v.ID) {
			continue
		}
		s, err := layout.Layout(ctx, v)
		if err != nil {
			return nil, err
		}
		out[s.ID] = s
	}
	return out, nil
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
