// Package view turns the model into graphs to draw: which boxes, which
// containers and which arrows each diagram shows. It knows nothing about
// positions; render/layout places a View and produces a scene.
package view

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/archdoc/archdoc/model"
	"github.com/archdoc/archdoc/render/scene"
)

// View kinds (the same words as the scene kinds).
const (
	KindGraph    = "graph"
	KindSequence = "sequence"
)

// Directions a graph view is laid out in.
const (
	LeftToRight = "LR"
	TopToBottom = "TB"
)

// View is one diagram as a graph. Ids are model element ids, so a node in
// any view links to the same page and the same scene id.
type View struct {
	ID          string // "business", "stack", "domain/<id>", "module/<id>", "flow/<id>", "view/<id>"
	Title       string
	Description string
	Kind        string   // KindGraph or KindSequence
	Direction   string   // LeftToRight or TopToBottom (graph views)
	Layout      string   // "" (Graphviz) or LayoutLayers
	Groups      []string // the model's domains, then layers: colour slots shared by every view
	Nodes       []Node
	Clusters    []Cluster // parents before children
	Edges       []Edge
	// Marks are changes to draw ("added", "removed", "changed") by
	// element id; a view with marks dims the elements without one.
	Marks map[string]string `json:",omitempty"`
	// Level is the level the model asks for (LevelDomain, LevelModule),
	// "" for auto: render and slides then pick one by readability.
	Level string `json:",omitempty"`
	// DomainsInOrder says the clusters come in the model's order, as in
	// the business view (others add domains as their flows meet them):
	// the layout then keeps sibling domains in that order.
	DomainsInOrder bool `json:",omitempty"`
}

// Levels a model may ask a view to be drawn at (model.ViewSpec.Level,
// model.BusinessView.Level); auto is "".
const (
	LevelDomain = "domain"
	LevelModule = "module"
)

// level is the Level of a view from the model's level: value.
func level(asked string) string {
	if asked == "auto" {
		return ""
	}
	return asked
}

// Node is a box, actor, note or collapsed domain.
type Node struct {
	ID      string
	Kind    string   // model kind: actor, module, tech, domain, note ...
	Shape   string   // a scene.Shape* constant
	Label   string   // main text; layout wraps it
	Details []string // extra lines under the label (a module's features)
	Sub     string   // small second line: category, "external" ...
	Tooltip string
	Link    string      // element id whose page the node links to ("" = none)
	Group   string      // domain or layer id that colours it
	Parent  string      // enclosing cluster id ("" = top level)
	Icon    *scene.Icon `json:",omitempty"` // a technology's icon (see render/icon)
}

// LayoutLayers is the stack's layer cake: layers are bands stacked in
// model order, first on top, their technologies tiles inside; side
// layers are a column beside them. archdoc lays it out itself.
const LayoutLayers = "layers"

// Cluster is a container: a domain or a layer.
type Cluster struct {
	ID      string
	Kind    string
	Label   string
	Tooltip string
	Link    string
	Group   string
	Parent  string
	Side    bool `json:",omitempty"` // a layer drawn beside the bands (LayoutLayers)
}

// Edge is an arrow. From and To name a node or a cluster of the view.
type Edge struct {
	ID     string
	Kind   string // flow, uses, note, step, owns
	From   string
	To     string
	Label  string
	Arrow  bool
	Dashed bool
	// Async: the sender does not wait (model.Flow.Async); drawn dashed
	// with an open arrow head, whatever Dashed says.
	Async bool   `json:",omitempty"`
	Seq   int    // 1-based message order in sequence views
	Note  string // sequence views: a note shown beside the message
	Link  string `json:",omitempty"` // element id whose page the arrow links to ("" = none)
	// Count is how many arrows a merged arrow of a domain-level view
	// stands for (0: it is one arrow of the model).
	Count int `json:",omitempty"`
}

// Edge kinds.
const (
	EdgeFlow = "flow"
	EdgeUses = "uses"
	EdgeNote = "note"
	EdgeStep = "step"
	EdgeOwns = "owns" // a module to a store it owns
)

// Node returns the node with id, or nil.
func (v *View) Node(id string) *Node {
	for i := range v.Nodes {
		if v.Nodes[i].ID == id {
			return &v.Nodes[i]
		}
	}
	return nil
}

// Cluster returns the cluster with id, or nil.
func (v *View) Cluster(id string) *Cluster {
	for i := range v.Clusters {
		if v.Clusters[i].ID == id {
			return &v.Clusters[i]
		}
	}
	return nil
}

// All returns every view of the model in a stable order: business, stack,
// one per domain, one per module, one per flow with steps, then the custom
// views, each group in model order.
func All(m *model.Model) []*View {
	x := newIndex(m)
	out := []*View{business(x)}
	if len(m.Stack.Layers) > 0 {
		out = append(out, stack(x))
	}
	for _, e := range x.elems {
		if e.Kind == model.KindDomain {
			out = append(out, domain(x, e.ID))
		}
	}
	for _, e := range x.elems {
		if e.Kind == model.KindModule {
			out = append(out, module(x, e.ID))
		}
	}
	for i := range m.Flows {
		if len(m.Flows[i].Steps) > 0 {
			out = append(out, flow(x, flowID(m, i)))
		}
	}
	for i := range m.Views {
		if m.Views[i].ID != "" {
			out = append(out, custom(x, m.Views[i].ID))
		}
	}
	for _, v := range out {
		capLabels(v)
	}
	return out
}

// IDs lists the ids of every view of the model, in All's order.
func IDs(m *model.Model) []string {
	var ids []string
	for _, v := range All(m) {
		ids = append(ids, v.ID)
	}
	return ids
}

// Get builds the view with the given id. An unknown id is an error that
// lists the views that exist.
func Get(m *model.Model, id string) (*View, error) {
	x := newIndex(m)
	kind, arg, _ := strings.Cut(id, "/")
	ok := false
	var build func() *View
	switch kind {
	case "business":
		ok, build = arg == "", func() *View { return business(x) }
	case "stack":
		ok, build = arg == "" && len(m.Stack.Layers) > 0, func() *View { return stack(x) }
	case "domain":
		ok, build = x.kind(arg) == model.KindDomain, func() *View { return domain(x, arg) }
	case "module":
		ok, build = x.kind(arg) == model.KindModule, func() *View { return module(x, arg) }
	case "flow":
		f := x.flow(arg)
		ok, build = f != nil && len(f.Steps) > 0, func() *View { return flow(x, arg) }
	case "view":
		ok, build = x.viewSpec(arg) != nil, func() *View { return custom(x, arg) }
	}
	if !ok {
		return nil, fmt.Errorf("no view %q; the views are: %s", id, strings.Join(IDs(m), ", "))
	}
	return capLabels(build()), nil
}

// index is a read-only lookup of the model's elements, built per call so
// views never depend on (or mutate) the model's own index.
type index struct {
	m         *model.Model
	elems     []model.Element
	byID      map[string]model.Element
	techUsers map[string][]string // technology id -> ids of the modules and stores using it, sorted
	groupIDs  []string
	// Made on first use (see flowsIndex): element id -> indexes of the
	// flows with an end at or inside it, and with an end at it, ascending.
	flowsIn, flowsAt map[string][]int
}

func newIndex(m *model.Model) *index {
	x := &index{m: m, elems: m.Elements(), byID: map[string]model.Element{}}
	for _, e := range x.elems {
		if _, dup := x.byID[e.ID]; !dup {
			x.byID[e.ID] = e
		}
	}
	x.techUsers = techUsers(x.elems)
	x.groupIDs = x.groups()
	return x
}

// techUsers is model.TechUsers for every technology at once (that one
// walks the whole model per call, too slow for a thousand modules).
func techUsers(elems []model.Element) map[string][]string {
	sets := map[string]map[string]bool{}
	add := func(tech, module string) {
		if sets[tech] == nil {
			sets[tech] = map[string]bool{}
		}
		sets[tech][module] = true
	}
	for _, e := range elems {
		switch e.Kind {
		case model.KindModule:
			for _, t := range e.Module.Tech {
				add(t, e.ID)
			}
		case model.KindStore:
			if e.Store.Tech != "" {
				add(e.Store.Tech, e.ID)
			}
		case model.KindTech:
			for _, u := range e.Tech.UsedBy {
				add(e.ID, u)
			}
		}
	}
	out := make(map[string][]string, len(sets))
	for t, set := range sets {
		out[t] = sortedKeys(set)
	}
	return out
}

func (x *index) kind(id string) model.Kind {
	if id == "" {
		return ""
	}
	return x.byID[id].Kind
}

func (x *index) flow(id string) *model.Flow {
	for i := range x.m.Flows {
		if flowID(x.m, i) == id {
			return &x.m.Flows[i]
		}
	}
	return nil
}

func (x *index) viewSpec(id string) *model.ViewSpec {
	for i := range x.m.Views {
		if x.m.Views[i].ID == id && id != "" {
			return &x.m.Views[i]
		}
	}
	return nil
}

// topDomain returns the id of the top-level domain enclosing element id.
func (x *index) topDomain(id string) string {
	top := ""
	for e, ok := x.byID[id]; ok; e, ok = x.byID[e.Parent] {
		if e.Kind == model.KindDomain {
			top = e.ID
		}
		if e.Parent == "" {
			break
		}
	}
	return top
}

// ancestors returns the enclosing domains of id, outermost first.
func (x *index) ancestors(id string) []string {
	var out []string
	e, ok := x.byID[id]
	for ok && e.Parent != "" {
		out = append([]string{e.Parent}, out...)
		e, ok = x.byID[e.Parent]
	}
	return out
}

// inDomain reports whether element id lies in domain dom (a store lies
// in its module, but an arrow between the two is drawable).
func (x *index) inDomain(id, dom string) bool {
	return x.kind(dom) == model.KindDomain && x.within(id, dom)
}

// within reports whether element id is anc or lies inside it.
func (x *index) within(id, anc string) bool {
	if id == anc {
		return true
	}
	// Walks up without building the ancestor list: views ask this for
	// every flow of every module, millions of times at 1,000 modules.
	e, ok := x.byID[id]
	for ok && e.Parent != "" {
		if e.Parent == anc {
			return true
		}
		e, ok = x.byID[e.Parent]
	}
	return false
}

// flowsIndex makes flowsIn and flowsAt, so that a view finds the flows
// that concern an element without testing every flow: at 1,000 modules
// that test, once per module view, was most of the views' time.
func (x *index) flowsIndex() {
	if x.flowsIn != nil {
		return
	}
	x.flowsIn, x.flowsAt = map[string][]int{}, map[string][]int{}
	add := func(to map[string][]int, id string, i int) {
		if l := to[id]; len(l) == 0 || l[len(l)-1] != i {
			to[id] = append(l, i)
		}
	}
	for i, f := range x.m.Flows {
		for _, end := range []string{f.From, f.To} {
			add(x.flowsAt, end, i)
			add(x.flowsIn, end, i)
			e, ok := x.byID[end]
			for ok && e.Parent != "" {
				add(x.flowsIn, e.Parent, i)
				e, ok = x.byID[e.Parent]
			}
		}
	}
}

// flowsTouching lists, ascending, the flows with an end within id, plus
// those with an end at id or at one of its ancestors: every flow for
// which within(end, id) or within(id, end) holds for an end.
func (x *index) flowsTouching(id string) []int {
	x.flowsIndex()
	list := append([]int{}, x.flowsIn[id]...)
	list = append(list, x.flowsAt[id]...)
	for _, a := range x.ancestors(id) {
		list = append(list, x.flowsAt[a]...)
	}
	slices.Sort(list)
	return slices.Compact(list)
}

// flowID is the flow's id, or a stable one from its position when the
// model was built without the loader (which derives ids).
func flowID(m *model.Model, i int) string {
	if id := m.Flows[i].ID; id != "" {
		return id
	}
	return fmt.Sprintf("flow-%d", i+1)
}

// noteID is the note's id, or a stable one from its position.
func noteID(m *model.Model, i int) string {
	if id := m.Notes[i].ID; id != "" {
		return id
	}
	return fmt.Sprintf("note-%d", i+1)
}

func sortedKeys(set map[string]bool) []string {
	out := make([]string, 0, len(set))
	for k := range set {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
