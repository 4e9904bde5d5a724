package structurizr

import (
	"encoding/json"
	"strings"

	"github.com/archdoc/archdoc/interop/internal/importkit"
)

// The parts of a Structurizr JSON workspace the import reads.
type (
	jsonWorkspace struct {
		Name        string                     `json:"name"`
		Description string                     `json:"description"`
		Model       jsonModel                  `json:"model"`
		Views       map[string]json.RawMessage `json:"views"`
	}
	jsonModel struct {
		People          []jsonElement     `json:"people"`
		SoftwareSystems []jsonElement     `json:"softwareSystems"`
		DeploymentNodes []json.RawMessage `json:"deploymentNodes"`
		CustomElements  []json.RawMessage `json:"customElements"`
		Properties      map[string]string `json:"properties"`
	}
	jsonElement struct {
		ID            string            `json:"id"`
		Name          string            `json:"name"`
		Description   string            `json:"description"`
		Technology    string            `json:"technology"`
		Tags          string            `json:"tags"`
		Group         string            `json:"group"`
		Location      string            `json:"location"`
		Properties    map[string]string `json:"properties"`
		Relationships []jsonRelation    `json:"relationships"`
		Containers    []jsonElement     `json:"containers"`
		Components    []jsonElement     `json:"components"`
	}
	jsonRelation struct {
		SourceID      string `json:"sourceId"`
		DestinationID string `json:"destinationId"`
		Description   string `json:"description"`
		Technology    string `json:"technology"`
		Tags          string `json:"tags"`
		Linked        string `json:"linkedRelationshipId"`
	}
)

// ParseJSON reads a workspace.json as Structurizr tools write it.
func ParseJSON(f importkit.File) (*workspace, error) {
	if err := importkit.CheckSize(f.Name, f.Data); err != nil {
		return nil, err
	}
	var jw jsonWorkspace
	if err := json.Unmarshal(f.Data, &jw); err != nil {
		return nil, importkit.JSONError(f, err)
	}
	ws := &workspace{name: jw.Name, desc: jw.Description, views: map[string]int{}, files: 1}
	sep := jw.Model.Properties["structurizr.groupSeparator"]
	byID := map[string]*element{}
	var rels []jsonRelation
	var add func(je jsonElement, kind string, parent *element) *element
	add = func(je jsonElement, kind string, parent *element) *element {
		e := &element{kind: kind, ident: jsonIdent(je), name: je.Name, desc: je.Description, tech: je.Technology,
			tags: splitTags(je.Tags), group: groupPath(je.Group, sep), parent: parent,
			external: strings.EqualFold(je.Location, "External"), at: f.Name + ": element " + je.ID}
		for k, v := range je.Properties {
			if strings.HasPrefix(k, "structurizr.") {
				continue
			}
			e.props = append(e.props, [2]string{k, v})
		}
		sortProps(e.props)
		if e.external && !e.hasTag("External") {
			e.tags = append(e.tags, "External")
		}
		byID[je.ID] = e
		rels = append(rels, je.Relationships...)
		for _, c := range je.Containers {
			e.children = append(e.children, add(c, "container", e))
		}
		for _, c := range je.Components {
			e.children = append(e.children, add(c, "component", e))
		}
		return e
	}
	for _, p := range jw.Model.People {
		ws.elements = append(ws.elements, add(p, "person", nil))
	}
	for _, s := range jw.Model.SoftwareSystems {
		ws.elements = append(ws.elements, add(s, "softwaresystem", nil))
	}
	for _, r := range rels {
		if r.Linked != "" {
			continue // implied by a relationship between children
		}
		from, to := byID[r.SourceID], byID[r.DestinationID]
		if from == nil || to == nil {
			ws.warn("%s: relationship %s -> %s names an element the workspace does not have; skipped", f.Name, r.SourceID, r.DestinationID)
			continue
		}
		ws.rels = append(ws.rels, &relation{from: from, to: to, desc: r.Description, tech: r.Technology, tags: splitTags(r.Tags)})
	}
	if len(jw.Model.DeploymentNodes) > 0 {
		ws.skip("deployment environments")
	}
	if len(jw.Model.CustomElements) > 0 {
		ws.skip("%d custom elements", len(jw.Model.CustomElements))
	}
	for k, raw := range jw.Views {
		var list []json.RawMessage
		if strings.HasSuffix(k, "Views") && json.Unmarshal(raw, &list) == nil && len(list) > 0 {
			ws.views[strings.TrimSuffix(k, "Views")] += len(list)
		}
	}
	if jw.Views["configuration"] != nil {
		ws.skip("views: styles and configuration")
	}
	return ws, nil
}

// jsonIdent is the DSL identifier the element had (Structurizr keeps it
// as a property) unless it was generated, else "id-" and the JSON id.
func jsonIdent(je jsonElement) string {
	id := je.Properties["structurizr.dsl.identifier"]
	if id == "" || len(id) == 36 && strings.Count(id, "-") == 4 {
		return "id-" + je.ID
	}
	if i := strings.LastIndexByte(id, '.'); i >= 0 {
		id = id[i+1:] // hierarchical: the element's own part
	}
	return id
}

// groupPath writes a group name with the workspace's separator as "/".
func groupPath(g, sep string) string {
	g = strings.ReplaceAll(g, "/", "\u2215")
	if sep != "" && sep != "/" {
		g = strings.ReplaceAll(g, sep, "/")
	} else if sep == "/" {
		g = strings.ReplaceAll(g, "\u2215", "/")
	}
	return g
}

func sortProps(ps [][2]string) {
	for i := 1; i < len(ps); i++ {
		for j := i; j > 0 && ps[j][0] < ps[j-1][0]; j-- {
			ps[j], ps[j-1] = ps[j-1], ps[j]
		}
	}
}
