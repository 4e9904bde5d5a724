package drawio

import (
	"fmt"
	"strings"

	"github.com/archdoc/archdoc/interop/internal/yamlout"
	"github.com/archdoc/archdoc/model"
)

// The builder turns an analysed page into an intermediate tree first:
// element ids are handed out in output order and the model's slices are
// filled only at the end, so nothing holds pointers into growing slices.
type domainOut struct {
	s        *shape
	id, name string
	desc     string
	note     string // head comment
	modules  []*moduleOut
	subs     []*domainOut
}

type moduleOut struct {
	s        *shape
	id, name string
	desc     string
	features []string
	kind     string // from the box's shape (moduleKind)
	note     string
}

type actorOut struct {
	s        *shape
	id, name string
	external bool
	desc     string
	note     string
}

type flowOut struct {
	edge     *cell
	from, to *shape
	label    string
	protocol string
	note     string
}

type noteOut struct {
	src  *shape
	on   *shape
	text string
	note string
}

type builder struct {
	a        *analysis
	pageName string // names the one domain of a flat page
	actors   []*actorOut
	domains  []*domainOut
	flows    []*flowOut
	notes    []*noteOut
	skipped  []string // "draw.io <id>: why"

	elemID   map[*shape]string // shape -> element id
	modOf    map[*shape]*moduleOut
	domOf    map[*shape]*domainOut
	consumed map[*cell]bool // edges used up by features or notes
	ids      idSet
	counters map[string]int // placeholder numbering
}

func build(a *analysis, pageName string) *builder {
	b := &builder{a: a, pageName: pageName, elemID: map[*shape]string{}, modOf: map[*shape]*moduleOut{},
		domOf: map[*shape]*domainOut{}, consumed: map[*cell]bool{}, ids: idSet{}, counters: map[string]int{}}
	b.skipped = append(b.skipped, a.skipped...)
	b.buildActors()
	b.buildDomains()
	b.attachDetails()
	b.assignIDs()
	b.buildFlows()
	b.buildNotes()
	return b
}

func (b *builder) placeholder(kind string) string {
	b.counters[kind]++
	return fmt.Sprintf("%s %d", kind, b.counters[kind])
}

func (b *builder) skip(c *cell, why string) {
	b.skipped = append(b.skipped, fmt.Sprintf("draw.io %s: %s", c.id, why))
}

func (b *builder) buildActors() {
	var ss []*shape
	for _, s := range b.a.order {
		if s.role == roleActor || externalBox(s) {
			ss = append(ss, s)
		}
	}
	sortByPosition(ss)
	for _, s := range ss {
		ao := &actorOut{s: s, name: s.lb.name(), external: s.role == roleBox,
			desc: withTooltip(joinLines(s.lb.rest()), s.c)}
		if ao.name == "" {
			ao.name = b.placeholder("Actor")
			ao.note = fmt.Sprintf("draw.io actor %s has no label: rename it", s.c.id)
		}
		b.actors = append(b.actors, ao)
	}
}

// buildDomains walks the containment tree from the top: boxes holding
// other shapes become domains, the boxes inside them modules.
func (b *builder) buildDomains() {
	var top []*shape
	for _, s := range b.a.order {
		if s.role == roleBox && s.container == nil {
			top = append(top, s)
		}
	}
	sortByPosition(top)
	flat := true // no container on the page: a flat data-flow diagram
	for _, s := range top {
		flat = flat && !s.holds
	}
	var loose *domainOut
	for _, s := range top {
		if externalBox(s) {
			continue // an actor
		}
		if !s.holds && b.detailOrProse(s) {
			continue // becomes features or a note once the rest exists
		}
		if flat {
			// Every box its own empty domain says nothing; one domain
			// holding them all keeps the diagram as drawn.
			if loose == nil {
				loose = &domainOut{name: b.pageName, note: "the draw.io page has no containers: its boxes are the modules of one domain; rename it"}
				b.domains = append(b.domains, loose)
			}
			if m := b.module(s); m != nil {
				loose.modules = append(loose.modules, m)
			}
			continue
		}
		if d := b.domain(s); d != nil {
			if !s.holds && d.note == "" {
				d.note = fmt.Sprintf("draw.io box %s stands alone (in no container): imported as a domain without modules", s.c.id)
			}
			b.domains = append(b.domains, d)
		}
	}
}

func (b *builder) domain(s *shape) *domainOut {
	lb := s.nameLabel()
	d := &domainOut{s: s, name: lb.name(), desc: withTooltip(joinLines(lb.rest()), s.c)}
	if d.name == "" && !s.holds && len(b.edgesOf(s)) == 0 {
		b.skip(s.c, "box without a label, contents or arrows")
		return nil
	}
	switch {
	case s.nameFrom != nil:
		d.note = fmt.Sprintf("name from draw.io text %s inside box %s", s.nameFrom.c.id, s.c.id)
	case d.name == "" && shapeName(s.c.style) != "":
		d.name = shapeName(s.c.style)
		d.note = fmt.Sprintf("draw.io shape %s has no label: named from its shape", s.c.id)
	case d.name == "":
		d.name = b.placeholder("Domain")
		d.note = fmt.Sprintf("draw.io box %s has no label: rename this domain", s.c.id)
	}
	b.domOf[s] = d
	kids := append([]*shape(nil), s.children...)
	sortByPosition(kids)
	for _, k := range kids {
		switch {
		case k.role != roleBox:
		case k.holds:
			if sub := b.domain(k); sub != nil {
				d.subs = append(d.subs, sub)
			}
		default:
			if m := b.module(k); m != nil {
				d.modules = append(d.modules, m)
			}
		}
	}
	return d
}

func (b *builder) module(s *shape) *moduleOut {
	lb := s.nameLabel()
	m := &moduleOut{s: s, name: lb.name(), features: lb.details(), desc: withTooltip("", s.c), kind: moduleKind(s.c.style)}
	switch {
	case s.nameFrom != nil:
		m.note = fmt.Sprintf("name from draw.io text %s at box %s", s.nameFrom.c.id, s.c.id)
	case m.name == "" && shapeName(s.c.style) != "":
		m.name = shapeName(s.c.style)
		m.note = fmt.Sprintf("draw.io icon %s has no label: named from its shape", s.c.id)
	case m.name == "" && len(b.edgesOf(s)) == 0:
		b.skip(s.c, "box without a label, contents or arrows")
		return nil
	case m.name == "":
		m.name = b.placeholder("Module")
		m.note = fmt.Sprintf("draw.io box %s has no label: rename this module", s.c.id)
	}
	b.modOf[s] = m
	return m
}

// edgesOf lists the edges touching s (after resolving loose ends).
func (b *builder) edgesOf(s *shape) []*cell {
	var out []*cell
	for _, e := range b.a.edges {
		if b.a.resolve(e.source, e.srcPt) == s || b.a.resolve(e.target, e.tgtPt) == s {
			out = append(out, e)
		}
	}
	return out
}

// soleNeighbour is the one shape s is linked to by bare arrows, or nil
// if s has labelled arrows or several neighbours.
func (b *builder) soleNeighbour(s *shape) (*shape, []*cell) {
	var other *shape
	edges := b.edgesOf(s)
	for _, e := range edges {
		if b.a.edgeLabel(e) != "" {
			return nil, nil
		}
		o := b.a.resolve(e.source, e.srcPt)
		if o == s {
			o = b.a.resolve(e.target, e.tgtPt)
		}
		if o == nil || o == s || (other != nil && o != other) || o.role == roleText {
			return nil, nil
		}
		other = o
	}
	return other, edges
}

// detailOrProse reports whether a free-standing box is a comment on its
// one neighbour: a bare list (the neighbour's features) or a sentence.
func (b *builder) detailOrProse(s *shape) bool {
	if s.nameFrom != nil || !(s.lb.onlyList() || s.lb.prose()) {
		return false
	}
	o, _ := b.soleNeighbour(s)
	if o == nil {
		return false
	}
	// The neighbour must itself become an element, not another comment.
	return o.role == roleActor || o.holds || o.container != nil || o.nameFrom != nil ||
		!(o.lb.onlyList() || o.lb.prose())
}

// attachDetails turns the boxes detailOrProse set aside into features
// of their neighbour module, or notes on it.
func (b *builder) attachDetails() {
	for _, s := range b.a.order {
		if s.role != roleBox || s.container != nil || s.holds || !b.detailOrProse(s) {
			continue
		}
		o, edges := b.soleNeighbour(s)
		for _, e := range edges {
			b.consumed[e] = true
		}
		s.used = true
		if m := b.modOf[o]; m != nil && s.lb.onlyList() {
			m.features = append(m.features, s.lb.lines...)
			m.note = fmt.Sprintf("features from draw.io box %s, linked to this module by an arrow", s.c.id)
			continue
		}
		b.notes = append(b.notes, &noteOut{src: s, on: o, text: joinLines(s.lb.lines),
			note: fmt.Sprintf("draw.io box %s, linked to its element by an arrow", s.c.id)})
	}
}

func (b *builder) assignIDs() {
	for _, ao := range b.actors {
		ao.id = b.ids.take(slug(ao.name, "a"))
		b.elemID[ao.s] = ao.id
	}
	var walk func(ds []*domainOut)
	walk = func(ds []*domainOut) {
		for _, d := range ds {
			d.id = b.ids.take(slug(d.name, "d"))
			if d.s != nil {
				b.elemID[d.s] = d.id
			}
			for _, m := range d.modules {
				m.id = b.ids.take(slug(m.name, "m"))
				b.elemID[m.s] = m.id
			}
			walk(d.subs)
		}
	}
	walk(b.domains)
}

func (b *builder) buildFlows() {
	for _, e := range b.a.edges {
		if b.consumed[e] {
			continue
		}
		from, to := b.a.resolve(e.source, e.srcPt), b.a.resolve(e.target, e.tgtPt)
		start, end := e.style.get("startArrow"), e.style.get("endArrow")
		note, both := "", false
		switch {
		case end == "none" && start != "" && start != "none":
			from, to = to, from // drawn backwards: the arrow head is at the start
		case end == "none":
			note = "an undirected line in draw.io: check the direction"
		case start != "" && start != "none":
			both = true // a head at each end: a flow each way
			note = fmt.Sprintf("draw.io arrow %s has a head at each end: one flow each way", e.id)
		}
		switch {
		case from == nil || to == nil:
			b.skip(e, "arrow not connected to a shape at both ends")
		case from.role == roleText && to.role == roleText:
			b.skip(e, "arrow between two texts")
		case from.role == roleText || to.role == roleText:
			text, on := from, to
			if to.role == roleText {
				text, on = to, from
			}
			if b.elemID[on] == "" || text.used {
				b.skip(e, "arrow between a text and something not imported")
				continue
			}
			text.used = true
			b.notes = append(b.notes, &noteOut{src: text, on: on, text: joinLines(text.lb.lines),
				note: fmt.Sprintf("draw.io text %s, linked to its element by arrow %s", text.c.id, e.id)})
		case b.elemID[from] == "" || b.elemID[to] == "":
			b.skip(e, "an end of the arrow was not imported")
		case from == to:
			b.skip(e, "arrow from a shape to itself")
		default:
			f := &flowOut{edge: e, from: from, to: to, label: b.a.edgeLabel(e), note: note}
			if e.c4 != nil {
				f.protocol = e.c4.tech
			}
			b.flows = append(b.flows, f)
			if both {
				back := *f
				back.from, back.to, back.note = to, from, ""
				b.flows = append(b.flows, &back)
			}
		}
	}
}

// buildNotes attaches each remaining free text to the nearest element.
func (b *builder) buildNotes() {
	for _, s := range b.a.order {
		if s.role != roleText || s.used {
			continue
		}
		if s.lb.empty() {
			b.skip(s.c, "empty text")
			continue
		}
		on := b.nearest(s)
		if on == nil {
			b.skip(s.c, "text with no element to attach it to")
			continue
		}
		b.notes = append(b.notes, &noteOut{src: s, on: on, text: joinLines(s.lb.lines),
			note: fmt.Sprintf("draw.io text %s, attached to the nearest element", s.c.id)})
	}
	sortNotes(b.notes)
}

// nearest finds the element closest to s: for boxes around s, how far s
// sits from their border; for the rest, the gap between the two.
func (b *builder) nearest(s *shape) *shape {
	var best *shape
	bestD := 0.0
	for _, o := range b.a.order {
		if b.elemID[o] == "" {
			continue
		}
		d := o.abs.gap(s.abs)
		if o.abs.contains(s.abs) {
			d = o.abs.inset(s.abs)
		}
		if best == nil || d < bestD {
			best, bestD = o, d
		}
	}
	return best
}

func sortNotes(ns []*noteOut) {
	srcs := make([]*shape, len(ns))
	pos := map[*shape]*noteOut{}
	for i, n := range ns {
		srcs[i] = n.src
		pos[n.src] = n
	}
	sortByPosition(srcs)
	for i, s := range srcs {
		ns[i] = pos[s]
	}
}

// externalBox: a labelled, double-bordered box outside every container,
// the way archdoc's own draw.io export draws external systems.
func externalBox(s *shape) bool {
	st := s.c.style
	if s.role != roleBox || s.container != nil || s.holds || s.lb.empty() {
		return false
	}
	return st.shape() == "ext" && st.get("double") == "1" || c4External(s.c)
}

// c4External: a C4 software system drawn in the grey draw.io's C4
// library gives external systems, or typed external.
func c4External(c *cell) bool {
	if c.c4 == nil {
		return false
	}
	fill := strings.ToLower(c.style.get("fillColor"))
	return strings.HasPrefix(c.c4.typ, "External") ||
		strings.Contains(c.c4.typ, "System") && (fill == "#8c8496" || fill == "#999999")
}

// withTooltip adds a shape's tooltip to its description.
func withTooltip(desc string, c *cell) string {
	switch {
	case c.tooltip == "" || c.tooltip == desc:
		return desc
	case desc == "":
		return c.tooltip
	}
	return desc + "\n\n" + c.tooltip
}

// joinLines makes Markdown of a label's lines, one paragraph each: a
// single newline is a soft break in Markdown, and the seed's two-line
// note read as one run-on sentence on archdoc's pages.
func joinLines(ls []string) string {
	return strings.Join(ls, "\n\n")
}

// toModel fills a model and the comments to attach to its YAML.
func (b *builder) toModel(name string) (*model.Model, comments) {
	m := &model.Model{Name: name}
	cm := comments{yamlout.NewComments()}
	for i, ao := range b.actors {
		p := fmt.Sprintf("actors[%d]", i)
		kind := ""
		if ao.external {
			kind = "external"
		}
		m.Actors = append(m.Actors, model.Actor{ID: ao.id, Name: ao.name, Kind: kind, Description: ao.desc})
		cm.add(p, ao.note, ao.s.c.id)
	}
	m.Domains = b.domainsOut(b.domains, "domains", cm)
	for i, f := range b.flows {
		p := fmt.Sprintf("flows[%d]", i)
		m.Flows = append(m.Flows, model.Flow{From: b.elemID[f.from], To: b.elemID[f.to], Label: f.label, Protocol: f.protocol})
		cm.add(p, f.note, f.edge.id)
		cm.Line[p+".from"] = cm.Line[p+".id"]
		delete(cm.Line, p+".id")
	}
	for i, n := range b.notes {
		p := fmt.Sprintf("notes[%d]", i)
		m.Notes = append(m.Notes, model.Note{On: b.elemID[n.on], Text: n.text})
		cm.add(p, n.note, "")
	}
	m.BuildIndex()
	return m, cm
}

func (b *builder) domainsOut(ds []*domainOut, path string, cm comments) []model.Domain {
	var out []model.Domain
	for i, d := range ds {
		p := fmt.Sprintf("%s[%d]", path, i)
		md := model.Domain{ID: d.id, Name: d.name, Description: d.desc}
		drawioID := ""
		if d.s != nil {
			drawioID = d.s.c.id
		}
		cm.add(p, d.note, drawioID)
		for j, mo := range d.modules {
			md.Modules = append(md.Modules, model.Module{ID: mo.id, Name: mo.name, Kind: mo.kind, Description: mo.desc, Features: mo.features})
			cm.add(fmt.Sprintf("%s.modules[%d]", p, j), mo.note, mo.s.c.id)
		}
		md.Domains = b.domainsOut(d.subs, p+".domains", cm)
		out = append(out, md)
	}
	return out
}

// comments are YAML comments by model path: head comments above an
// item, line comments after a value (the draw.io id after each id).
type comments struct{ yamlout.Comments }

func (c comments) add(path, head, drawioID string) {
	if head != "" {
		c.Head[path] = head
	}
	if drawioID != "" {
		c.Line[path+".id"] = "draw.io " + drawioID
	}
}
