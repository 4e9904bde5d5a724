package drawio

// moduleKind reads a module's kind from its box's draw.io shape: the
// shapes archdoc's own export draws the kinds with (render/mxfile), and
// the diagrams.net shapes people draw databases and queues with. "" is a
// plain service.
func moduleKind(st style) string {
	lying := st.get("direction") == "south" || st.get("direction") == "north"
	switch st.shape() {
	case "cylinder3", "cylinder", "datastore", "mxgraph.flowchart.database":
		switch {
		case lying:
			return "queue"
		case st.get("dashed") == "1":
			return "cache"
		}
		return "database"
	case "mxgraph.flowchart.direct_data":
		return "queue"
	case "hexagon":
		return "gateway"
	case "parallelogram":
		return "frontend"
	case "trapezoid":
		return "job"
	case "ext":
		if st.get("double") == "1" {
			return "external"
		}
	}
	return ""
}
