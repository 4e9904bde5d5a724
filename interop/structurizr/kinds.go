package structurizr

import "strings"

// tagKinds are the container tags that say what a module is: archdoc's
// own export tags a container with its kind, and Structurizr workspaces
// commonly tag theirs "Database", "Web Browser" or "Mobile App" to shape
// them.
var tagKinds = map[string]string{
	"database": "database", "cache": "cache", "queue": "queue", "message queue": "queue",
	"gateway": "gateway", "api gateway": "gateway",
	"frontend": "frontend", "web browser": "frontend", "mobile app": "frontend",
	"job": "job", "external": "external",
}

// asyncTags reports whether a relationship's tags say it is
// asynchronous: archdoc's export tags it Async; workspaces also write
// Asynchronous or Event.
func asyncTags(tags []string) bool {
	for _, t := range tags {
		switch strings.ToLower(strings.TrimSpace(t)) {
		case "async", "asynchronous", "event":
			return true
		}
	}
	return false
}

// kindOfTags is the module kind the first telling tag gives ("" none).
func kindOfTags(tags []string) string {
	for _, t := range tags {
		if k, ok := tagKinds[strings.ToLower(strings.TrimSpace(t))]; ok {
			return k
		}
	}
	return ""
}
