package slides

import (
	"fmt"
	"strings"

	"github.com/archdoc/archdoc/model"
	"github.com/archdoc/archdoc/render/scene"
)

// Step is one stage of a diagram slide that builds up in the HTML deck:
// the first shows when the slide opens, each press of → adds the next.
// PDF, PPTX and Markdown show the slide complete.
type Step struct {
	Caption string   `json:"caption"`         // what appears, for the presenter's notes
	Nodes   []string `json:"nodes,omitempty"` // boxes and containers (a participant brings its lifeline)
	Edges   []string `json:"edges,omitempty"` // arrows
}

// graphSteps builds a graph up as the talk tells it: the boxes outside
// every container (users, outside systems), then each top-level
// container (a domain) with the arrows inside it, then the arrows
// between them. A scene with fewer than two such stages does not build.
func graphSteps(s *scene.Scene, w words) []Step {
	top := topContainers(s)
	var loose Step
	byTop := map[string]*Step{}
	var steps []*Step
	for _, c := range s.Clusters { // parents come first
		if c.Parent == "" {
			byTop[c.ID] = &Step{Caption: clusterName(c)}
			steps = append(steps, byTop[c.ID])
		}
		st := byTop[top[c.ID]]
		st.Nodes = append(st.Nodes, c.ID)
	}
	var names []string
	for _, n := range s.Nodes {
		if st := byTop[top[n.ID]]; st != nil {
			st.Nodes = append(st.Nodes, n.ID)
			continue
		}
		loose.Nodes = append(loose.Nodes, n.ID)
		names = append(names, nodeName(n))
	}
	loose.Caption = strings.Join(names, w.nameSep())
	flows := Step{Caption: w.Flows}
	for _, e := range s.Edges {
		if t := top[e.From]; t != "" && t == top[e.To] {
			byTop[t].Edges = append(byTop[t].Edges, e.ID)
			continue
		}
		flows.Edges = append(flows.Edges, e.ID)
	}
	var out []Step
	if len(loose.Nodes) > 0 {
		out = append(out, loose)
	}
	for _, st := range steps {
		out = append(out, *st)
	}
	if len(flows.Edges) > 0 {
		out = append(out, flows)
	}
	if len(out) < 2 {
		return nil
	}
	return out
}

// topContainers maps every container and box to the top-level container
// it is in ("" for a box outside every container).
func topContainers(s *scene.Scene) map[string]string {
	top := map[string]string{}
	for _, c := range s.Clusters { // parents come first
		if c.Parent == "" {
			top[c.ID] = c.ID
		} else {
			top[c.ID] = top[c.Parent]
		}
	}
	for _, n := range s.Nodes {
		if n.Parent != "" {
			top[n.ID] = top[n.Parent]
		}
	}
	return top
}

// sequenceSteps builds a sequence up message by message, after its
// participants. caption says what message seq (1-based) is.
func sequenceSteps(s *scene.Scene, caption func(seq int, e scene.Edge) string) []Step {
	if len(s.Edges) == 0 {
		return nil
	}
	first := Step{}
	var names []string
	for _, n := range s.Nodes {
		first.Nodes = append(first.Nodes, n.ID)
		names = append(names, nodeName(n))
	}
	first.Caption = strings.Join(names, " · ")
	out := []Step{first}
	for i, e := range s.Edges {
		seq := e.Seq
		if seq == 0 { // a scene made by hand numbers nothing
			seq = i + 1
		}
		out = append(out, Step{Caption: caption(seq, e), Edges: []string{e.ID}})
	}
	return out
}

// buildUp gives each diagram slide its steps, unless presentation.reveal
// is false.
func (b *builder) buildUp(slides []Slide, steps func(*scene.Scene) []Step) []Slide {
	if p := b.m.Presentation; p != nil && p.Reveal != nil && !*p.Reveal {
		return slides
	}
	for i, s := range slides {
		if sc := b.scenes[s.Diagram]; sc != nil && s.Layout == LayoutDiagram {
			slides[i].Steps = steps(sc)
		}
	}
	return slides
}

// flowSteps builds a flow's sequence up, captioning each message with
// the model's step and its note.
func (b *builder) flowSteps(f *model.Flow) func(*scene.Scene) []Step {
	return func(sc *scene.Scene) []Step {
		return sequenceSteps(sc, func(seq int, e scene.Edge) string {
			if seq < 1 || seq > len(f.Steps) {
				return stepCaption(b.words, seq, e.From, e.To, e.Text)
			}
			st := f.Steps[seq-1]
			c := stepCaption(b.words, seq, b.name(st.From), b.name(st.To), st.Label)
			if note := strings.TrimSpace(st.Note); note != "" {
				c += " — " + oneLine(note)
			}
			return c
		})
	}
}

// stepCaption is a message's line in the notes: "3. 插件 → 服务：激活返利".
func stepCaption(w words, seq int, from, to, label string) string {
	c := fmt.Sprintf("%d. %s → %s", seq, from, to)
	if label = strings.TrimSpace(label); label != "" {
		c += w.Colon + label
	}
	return c
}

func clusterName(c scene.Cluster) string {
	if c.Text != "" {
		return oneLine(c.Text)
	}
	return strings.Join(c.Label, " ")
}

func nodeName(n scene.Node) string {
	if n.Text != "" {
		return oneLine(n.Text)
	}
	lines := n.Label
	if n.NameLines > 0 && n.NameLines < len(lines) {
		lines = lines[:n.NameLines]
	}
	return strings.Join(lines, " ")
}
