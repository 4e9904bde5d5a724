package model

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// A flow may name several targets (`to: [a, b, c]`): the loader expands
// it into one plain flow per target, in list order, so that everything
// after the loader sees plain flows. An expanded flow's explicit id gets
// the target's id appended ("fanout" → "fanout-a"); without an id each
// gets the usual derived "<from>-<to>". Errors about an expanded flow
// name the flow as written (flows[1], flows[1].to[2]), not its copy.

var flowType = reflect.TypeOf(Flow{})

// flowOrigin says where an expanded flow was written: the index of the
// flow in its file's list (counted like the merged list's paths) and the
// index of its target in `to:` (-1: a single target).
type flowOrigin struct {
	index, target int
}

// flowTargets returns the items of a flow mapping's `to:` when it is a
// list (written there or through an alias), nil otherwise.
func flowTargets(n *yaml.Node) *yaml.Node {
	n = unalias(n)
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if k := n.Content[i]; k.Kind == yaml.ScalarNode && k.Value == "to" && k.ShortTag() != "!!merge" {
			if v := unalias(n.Content[i+1]); v != nil && v.Kind == yaml.SequenceNode {
				return v
			}
			return nil
		}
	}
	return nil
}

// unalias follows aliases (a bounded number: the decoder reports bad ones).
func unalias(n *yaml.Node) *yaml.Node {
	for hops := 0; n != nil && n.Kind == yaml.AliasNode; hops++ {
		if hops > MaxDepth {
			return nil
		}
		n = n.Alias
	}
	return n
}

// decodeFlows decodes the top-level flows list, expanding each flow
// with several targets into one flow per target.
func (d *decoder) decodeFlows(n *yaml.Node, v reflect.Value, path string, depth int) {
	first := v.Len() // included files append to the merged list
	for idx, item := range n.Content {
		if d.aborted {
			return
		}
		if d.emptyItem(item, fmt.Sprintf("%s[%d]", path, first+idx)) {
			d.errs[len(d.errs)-1].written = true
			continue
		}
		targets := flowTargets(item)
		if targets == nil || len(targets.Content) == 0 {
			d.decodeFlow(item, v, path, depth, flowOrigin{first + idx, -1}, nil)
			continue
		}
		seen := map[string]int{}
		for k, t := range targets.Content {
			if d.emptyItem(t, fmt.Sprintf("%s[%d].to[%d]", path, first+idx, k)) {
				d.errs[len(d.errs)-1].written = true
				continue
			}
			if t.Kind == yaml.ScalarNode {
				if j, dup := seen[t.Value]; dup {
					d.errorfWritten(t, fmt.Sprintf("%s[%d].to[%d]", path, first+idx, k), "target %q is already listed as to[%d]", t.Value, j)
					continue
				}
				seen[t.Value] = k
			}
			d.decodeFlow(item, v, path, depth, flowOrigin{first + idx, k}, t)
		}
	}
}

// errorfWritten reports a problem at a path as written in the file
// (flows[1].to[2]), which SourcePath must leave alone.
func (d *decoder) errorfWritten(n *yaml.Node, path, format string, args ...any) {
	d.errorf(n, path, format, args...)
	d.errs[len(d.errs)-1].written = true
}

// decodeFlow appends one flow decoded from item; target, when not nil,
// stands for the flow's `to:` list.
func (d *decoder) decodeFlow(item *yaml.Node, v reflect.Value, path string, depth int, o flowOrigin, target *yaml.Node) {
	i := v.Len()
	v.Set(reflect.Append(v, reflect.Zero(v.Type().Elem())))
	if i != o.index || o.target >= 0 {
		if d.m.origins == nil {
			d.m.origins = map[int]flowOrigin{}
		}
		d.m.origins[i] = o
	}
	d.target = target
	d.decode(item, v.Index(i), fmt.Sprintf("%s[%d]", path, i), depth+1)
	d.target = nil
	f := v.Index(i).Addr().Interface().(*Flow)
	if target != nil && f.ID != "" && f.To != "" {
		if d.m.fanouts == nil {
			d.m.fanouts = map[string][]string{}
		}
		d.m.fanouts[f.ID] = append(d.m.fanouts[f.ID], f.ID+"-"+f.To)
		f.ID += "-" + f.To
	}
}

// flowField decodes a Flow's field; it reports whether it did (the
// fields that need more than the generic decoder: `to` as a list).
func (d *decoder) flowField(name string, n *yaml.Node, fv reflect.Value, path string, depth int, target *yaml.Node) bool {
	if n = unalias(n); n == nil {
		return false // the decoder explains the broken alias
	}
	switch {
	case name == "to" && target != nil:
		d.decode(target, fv, path, depth+1)
		return true
	case name == "to" && n.Kind == yaml.SequenceNode && len(n.Content) == 0:
		d.errorf(n, path, "must not be empty")
		return true
	case name == "to" && n.Kind == yaml.SequenceNode:
		d.errorf(n, path, "expected a string, got a list (several targets are for the flows list only)")
		return true
	case name == "steps" && target != nil && n.Kind == yaml.SequenceNode && len(n.Content) > 0:
		d.errorf(n, path, "a flow with several targets cannot have steps: give the sequence a flow of its own")
		return true
	}
	return false
}

// fanoutProblem explains a reference to the id written on a flow with
// several targets, which names no flow after expansion; "" otherwise.
func (m *Model) fanoutProblem(id string) string {
	ids := m.fanouts[id]
	if len(ids) == 0 {
		return ""
	}
	return fmt.Sprintf("flow %q has several targets and became %s: name one of them", id, strings.Join(ids, ", "))
}

// SourcePath turns a model path into the path as written in the file:
// an expanded flow's "flows[4].to" becomes "flows[1].to[2]". Other paths
// come back as they are.
func (m *Model) SourcePath(path string) string {
	if len(m.origins) == 0 || !strings.HasPrefix(path, "flows[") {
		return path
	}
	end := strings.IndexByte(path, ']')
	if end < 0 {
		return path
	}
	i, err := strconv.Atoi(path[len("flows["):end])
	if err != nil {
		return path
	}
	o, ok := m.origins[i]
	if !ok {
		return path
	}
	rest := path[end+1:]
	if o.target >= 0 && (rest == ".to" || strings.HasPrefix(rest, ".to.")) {
		rest = fmt.Sprintf(".to[%d]", o.target) + strings.TrimPrefix(rest, ".to")
	}
	return fmt.Sprintf("flows[%d]%s", o.index, rest)
}
