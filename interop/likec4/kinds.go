package likec4

import "strings"

// shapeKinds are the LikeC4 shapes that say what a module is.
var shapeKinds = map[string]string{
	"storage": "database", "cylinder": "database", "queue": "queue", "browser": "frontend", "mobile": "frontend",
}

// kindOf is a module's kind from its element's shape, else from its
// element kind when the specification names one archdoc knows
// ("database", "queue" ...); "" for a plain service.
func kindOf(e jsonElement) string {
	if k, ok := shapeKinds[e.Style.Shape]; ok {
		return k
	}
	switch k := strings.ToLower(e.Kind); k {
	case "database", "cache", "queue", "gateway", "frontend", "job":
		return k
	}
	return ""
}
