// Package scene is the positioned drawing that layout produces and every
// renderer (svg, png, dot, mermaid, drawio, pptx) reads. Coordinates are
// in points (1/72 in), origin top-left, y growing downwards.
package scene

// Point is a position in the scene.
type Point struct{ X, Y float64 }

// Rect is an axis-aligned box; X, Y is its top-left corner.
type Rect struct{ X, Y, W, H float64 }

// Center returns the middle of the box.
func (r Rect) Center() Point { return Point{r.X + r.W/2, r.Y + r.H/2} }

// Overlap is the area r and o share (0 when they only touch).
func (r Rect) Overlap(o Rect) float64 {
	w := min(r.X+r.W, o.X+o.W) - max(r.X, o.X)
	h := min(r.Y+r.H, o.Y+o.H) - max(r.Y, o.Y)
	if w <= 0 || h <= 0 {
		return 0
	}
	return w * h
}

// Contains reports whether o lies inside r (edges included).
func (r Rect) Contains(o Rect) bool {
	const eps = 0.01
	return o.X >= r.X-eps && o.Y >= r.Y-eps && o.X+o.W <= r.X+r.W+eps && o.Y+o.H <= r.Y+r.H+eps
}

// Scene kinds.
const (
	KindGraph    = "graph"    // boxes, clusters and routed edges
	KindSequence = "sequence" // participants, lifelines and ordered messages
)

// Node shapes.
const (
	ShapeBox      = "box"      // rounded rectangle: modules, technologies
	ShapeActor    = "actor"    // stick figure with the label below
	ShapeExternal = "external" // external system: box with a double border
	ShapeNote     = "note"     // folded-corner note
	ShapeDomain   = "domain"   // a collapsed domain drawn as one node

	// Shapes of the module kinds (model.Module.Kind) and stores; a
	// service is a ShapeBox, an external API a ShapeExternal.
	ShapeDatabase = "database" // upright cylinder
	ShapeCache    = "cache"    // upright cylinder, dashed outline
	ShapeQueue    = "queue"    // cylinder lying on its side
	ShapeGateway  = "gateway"  // hexagon
	ShapeFrontend = "frontend" // parallelogram
	ShapeJob      = "job"      // trapezoid, wide at the bottom
)

// Scene is one laid-out view.
type Scene struct {
	ID       string // view id, e.g. "business", "module/user-center"
	Title    string
	Kind     string // KindGraph or KindSequence
	Width    float64
	Height   float64
	FontSize float64 // base font size in points used to measure labels

	Clusters  []Cluster  // parents before children
	Nodes     []Node     // in view order
	Edges     []Edge     // in view order
	Lifelines []Lifeline // sequence scenes only
	// Marks are the view's changes by element id (see view.View.Marks).
	Marks map[string]string `json:",omitempty"`

	// Groups lists every colour group of the model (domains, then layers,
	// in model order), so that renderers give a domain the same colour in
	// every view; see GroupIndex.
	Groups []string

	// Warnings are problems the layout worked around (an edge Graphviz
	// dropped and that was redrawn straight, a fallback layout ...), in
	// words that do not repeat the view id: every caller prints them
	// after it.
	Warnings []string
	// Fallbacks counts the same problems, for summaries.
	Fallbacks Fallbacks `json:",omitzero"`
}

// Fallbacks counts how a scene departs from a clean Graphviz layout;
// Warnings explain each in words.
type Fallbacks struct {
	StraightEdges int  // arrows Graphviz did not route, drawn straight
	DomainLevel   bool // a large view drawn with one box per domain
	// ChosenDomainLevel: drawn with one box per domain because the model
	// asks for it (level: domain), not as a fallback: no warning.
	ChosenDomainLevel bool `json:",omitempty"`
	GridLayout        bool // boxes placed on a simple grid, not by Graphviz
	HiddenEdges       int  // arrows left out of a domain-level grid: too many to read
	// CollapsedNeighbours is how many other domains a domain's view
	// draws one box each (see render's neighboursCollapsed): by design,
	// so not a warning, but the reader is told.
	CollapsedNeighbours int
	// Reason says why a view is drawn at domain level (DomainLevel), for
	// a page to tell its reader in the page's language.
	Reason *Reason `json:",omitempty"`
}

// Reason is why a view's detail was not drawn, in numbers: which check
// failed (one of the Why constants), what was measured and the limit.
type Reason struct {
	Why   string
	Value float64
	Limit float64
}

// Why a view's detail was not drawn.
const (
	WhyTooLarge       = "too-large"       // Value boxes and arrows, more than Limit
	WhyArrowsAcross   = "arrows-across"   // Value arrows between domains, at least Limit
	WhySmallText      = "small-text"      // Value px smallest text at the page's width, less than Limit
	WhyThroughDomains = "through-domains" // Value arrows cross other domains, more than Limit
	WhyLayoutFailed   = "layout-failed"   // Graphviz failed, overlapped domains or left arrows unrouted
	WhyTooLong        = "too-long"        // Value times longer than wide, more than Limit
)

// Node is a positioned box (or actor, note ...).
type Node struct {
	ID    string   // element id, stable; unique within the scene
	Kind  string   // model kind: actor, module, tech, domain, layer, note ...
	Shape string   // one of the Shape constants
	Label []string // wrapped label lines, in order
	// Text and Details are the label and detail lines as the model
	// writes them, before wrapping, for renderers whose own tool wraps
	// (draw.io): their line breaks are the model's own. Copied from the
	// view, not laid out, so left out of the scene's JSON (layout goldens).
	Text    string   `json:"-"`
	Details []string `json:"-"`
	// NameLines is how many of Label's first lines are the element's name;
	// the lines after them are details (a module's list of features).
	// 0 means every line is the name.
	NameLines int
	Sub       string // smaller second line (category, kind), may be empty
	Tooltip   string // plain-text description
	Link      string // element id whose page this node links to ("" = none)
	Group     string // id of the domain or layer that colours it ("" = none)
	Parent    string // id of the enclosing cluster ("" = top level)
	Rect      Rect
	Icon      *Icon `json:",omitempty"` // drawn at the left of the box, the text beside it
}

// Icon is a small picture on a node: a bundled vector icon (an SVG path
// in a 24 x 24 box, one colour) or the bytes of a user's SVG or PNG file.
type Icon struct {
	Title string
	Path  string `json:",omitempty"`
	Color string `json:",omitempty"` // "#RRGGBB" fill of Path
	Image []byte `json:",omitempty"` // SVG or PNG file
	MIME  string `json:",omitempty"` // of Image: image/svg+xml or image/png
}

// Icon geometry inside a node, in points.
const (
	IconSize = 22 // the icon's side
	IconPad  = 10 // box side to icon
	IconGap  = 4  // icon to the text beside it
)

// IconRect is where the node's icon is drawn (zero when it has none).
func (n Node) IconRect() Rect {
	if n.Icon == nil {
		return Rect{}
	}
	return Rect{X: n.Rect.X + IconPad, Y: n.Rect.Y + (n.Rect.H-IconSize)/2, W: IconSize, H: IconSize}
}

// TextRect is the part of the box the label is centred in: the box
// without the icon's strip and without what the shape's outline takes
// (a cylinder's ends, a hexagon's points; see ShapeInsets).
func (n Node) TextRect() Rect {
	l, t, r, b := ShapeInsets(n.Shape)
	x := Rect{X: n.Rect.X + l, Y: n.Rect.Y + t, W: n.Rect.W - l - r, H: n.Rect.H - t - b}
	if n.Icon == nil {
		return x
	}
	cut := float64(IconPad + IconSize + IconGap - 12) // the text keeps its own 12 pt side padding
	return Rect{X: x.X + cut, Y: x.Y, W: x.W - cut, H: x.H}
}

// Outline geometry of the kind shapes, in points.
const (
	// CylinderCap is the half-height of an upright cylinder's elliptic
	// ends (the half-width of a queue's, lying down).
	CylinderCap = 6
	// SlantInset is how far the sides of a hexagon, parallelogram or
	// trapezoid lean in from the box.
	SlantInset = 12
)

// ShapeInsets is the room a shape's outline takes inside its box on
// each side (left, top, right, bottom): the layout adds it around the
// label and the renderers keep the label clear of it.
func ShapeInsets(shape string) (l, t, r, b float64) {
	switch shape {
	case ShapeDatabase, ShapeCache: // the top's whole ellipse, the bottom's front half
		return 0, 2 * CylinderCap, 0, CylinderCap
	case ShapeQueue: // the same, lying on its side, the face to the right
		return CylinderCap, 0, 2 * CylinderCap, 0
	case ShapeGateway, ShapeFrontend, ShapeJob:
		return SlantInset, 0, SlantInset, 0
	}
	return 0, 0, 0, 0
}

// Cluster is a positioned container (a domain, a layer).
type Cluster struct {
	ID       string
	Kind     string
	Label    []string
	Text     string `json:"-"` // Label before wrapping
	Link     string
	Tooltip  string
	Group    string
	Parent   string // enclosing cluster id ("" = top level)
	Rect     Rect
	LabelPos Point // top-left of the label's first line box
}

// Edge is a routed, possibly labelled connection.
type Edge struct {
	ID     string // stable: flow id, or "from->to" style id made by the view
	Kind   string // flow, uses, note, step
	From   string // node or cluster id
	To     string
	Label  []string
	Text   string  `json:"-"` // Label before wrapping
	Path   []Point // cubic Bézier: P0, then (C1, C2, P) triples
	Arrow  bool    // arrow head at the To end
	Dashed bool
	// Async is a message the sender does not wait for: every renderer
	// draws it dashed with an open (unfilled) arrow head.
	Async bool `json:",omitempty"`
	// LabelRect is where the label's box sits (zero when unlabelled).
	LabelRect Rect
	// Seq is the 1-based order of a message in a sequence scene.
	Seq int
	// Link is the element id whose page the arrow links to ("" = none):
	// a flow's own page, a note's element.
	Link string `json:",omitempty"`
}

// Lifeline is the vertical line under a sequence participant.
type Lifeline struct {
	Node   string // participant node id
	X      float64
	Y1, Y2 float64
}

// GroupIndex is the colour slot of a group (a Node's or Cluster's Group):
// its position in Groups, so it is the same in every view of a model. A
// group missing from Groups (or a scene without them) is numbered after
// them in order of first appearance in the scene. "" gives -1.
func (s *Scene) GroupIndex(group string) int {
	if group == "" {
		return -1
	}
	for i, g := range s.Groups {
		if g == group {
			return i
		}
	}
	n := len(s.Groups)
	seen := map[string]bool{}
	for _, g := range s.appearance() {
		if g == group {
			return n
		}
		if !seen[g] && !s.inGroups(g) {
			seen[g] = true
			n++
		}
	}
	return n
}

// appearance lists the groups of clusters, then nodes, in scene order.
func (s *Scene) appearance() []string {
	var out []string
	for _, c := range s.Clusters {
		if c.Group != "" {
			out = append(out, c.Group)
		}
	}
	for _, n := range s.Nodes {
		if n.Group != "" {
			out = append(out, n.Group)
		}
	}
	return out
}

func (s *Scene) inGroups(g string) bool {
	for _, x := range s.Groups {
		if x == g {
			return true
		}
	}
	return false
}
