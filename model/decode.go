package model

import (
	"fmt"
	"iter"
	"reflect"
	"strconv"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"
)

// Limits that keep hostile input cheap. A real model has a few thousand
// values and nests less than ten levels deep.
const (
	// MaxDepth is how deeply values may nest.
	MaxDepth = 100
	// MaxValues is how many values one file may hold.
	MaxValues = 200_000
	// MaxAliasValues is how many values one file may reach through
	// aliases: it stops "billion laughs" alias bombs early.
	MaxAliasValues = 10_000
)

// decoder walks yaml.Node trees against the Go types, by yaml tags,
// recording the position of every value and collecting every problem
// instead of stopping at the first.
type decoder struct {
	file    string // name shown in errors
	src     []byte // the file's text, to point at a character inside a value
	lines   []int  // offsets where src's lines start, computed when first needed
	m       *Model
	errs    Errors
	budget  int        // values left
	aliased int        // values reachable through aliases left
	inAlias int        // > 0 while walking what an alias points at
	aborted bool       // a limit was hit: stop walking, the rest is noise
	target  *yaml.Node // the one target of the flow being expanded (see decodeFlows)
}

func newDecoder(m *Model) *decoder {
	return &decoder{m: m, budget: MaxValues, aliased: MaxAliasValues}
}

func (d *decoder) pos(n *yaml.Node) Pos { return Pos{File: d.file, Line: n.Line, Col: n.Column} }

func (d *decoder) errorf(n *yaml.Node, path, format string, args ...any) {
	d.errs = append(d.errs, &Error{Pos: d.pos(n), Path: path, Msg: fmt.Sprintf(format, args...)})
}

// abortf reports a limit being hit and stops the walk.
func (d *decoder) abortf(n *yaml.Node, path, format string, args ...any) {
	if !d.aborted {
		d.errorf(n, shortPath(path), format, args...)
	}
	d.aborted = true
}

// shortPath keeps the start of a very deep path: hostile nesting makes
// paths hundreds of segments long, and the position says where anyway.
func shortPath(path string) string {
	const keep = 60
	if len(path) <= keep {
		return path
	}
	if i := strings.IndexByte(path[keep:], '.'); i >= 0 && keep+i < len(path)-1 {
		return path[:keep+i] + ".…"
	}
	return path
}

// resolve follows aliases, charging the budget for every node reached
// so that alias bombs stop early.
func (d *decoder) resolve(n *yaml.Node, path string) *yaml.Node {
	for hops := 0; n != nil && n.Kind == yaml.AliasNode; hops++ {
		if n.Alias == nil || hops > MaxDepth {
			d.errorf(n, path, "alias *%s does not name an anchor", n.Value)
			return nil
		}
		n = n.Alias
	}
	return n
}

// take charges one value against the budget; false means stop.
func (d *decoder) take(n *yaml.Node, path string) bool {
	if d.aborted {
		return false
	}
	d.budget--
	if d.budget < 0 {
		d.abortf(n, path, "document too large: more than %d values", MaxValues)
		return false
	}
	if d.inAlias > 0 {
		d.aliased--
		if d.aliased < 0 {
			d.abortf(n, path, "aliases expand to more than %d values (an alias bomb?)", MaxAliasValues)
			return false
		}
	}
	return true
}

// decode stores node n into v (addressable), recording positions under path.
func (d *decoder) decode(n *yaml.Node, v reflect.Value, path string, depth int) {
	if !d.take(n, path) {
		return
	}
	if depth > MaxDepth {
		d.abortf(n, path, "nested too deeply (more than %d levels)", MaxDepth)
		return
	}
	if path != "" {
		d.m.SetPos(path, d.pos(n))
	}
	alias := n
	if n = d.resolve(n, path); n == nil {
		return
	}
	if n != alias {
		d.inAlias++
		defer func() { d.inAlias-- }()
		if !d.take(n, path) {
			return
		}
	}
	if isNull(n) {
		return // an empty value leaves the zero value; required checks see it
	}
	d.decodeValue(n, v, path, depth)
}

// decodeValue stores a resolved, non-null node into v by v's kind.
func (d *decoder) decodeValue(n *yaml.Node, v reflect.Value, path string, depth int) {
	switch v.Kind() {
	case reflect.String:
		d.decodeString(n, v, path)
	case reflect.Bool:
		d.decodeBool(n, v, path)
	case reflect.Float64:
		d.decodeFloat(n, v, path)
	case reflect.Slice:
		d.decodeSlice(n, v, path, depth)
	case reflect.Struct:
		d.decodeStruct(n, v, path, depth)
	case reflect.Pointer:
		if v.IsNil() {
			v.Set(reflect.New(v.Type().Elem()))
		}
		d.decodeValue(n, v.Elem(), path, depth)
	case reflect.Map:
		d.decodeMap(n, v, path, depth)
	default:
		// Only reachable when types.go gains a field of a new kind.
		panic(fmt.Sprintf("model: decoder cannot handle %s", v.Type()))
	}
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null"
}

// describe names what a node is, for "expected X, got Y" messages.
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		switch n.ShortTag() {
		case "!!int", "!!float":
			return "the number " + n.Value
		case "!!bool":
			return n.Value
		}
		return strconv.Quote(n.Value)
	}
	return "a document"
}

// decodeString accepts any scalar: `version: 1.10` means the text "1.10".
func (d *decoder) decodeString(n *yaml.Node, v reflect.Value, path string) {
	if n.Kind != yaml.ScalarNode {
		d.errorf(n, path, "expected a string, got %s", describe(n))
		return
	}
	d.checkHidden(n, path, "")
	v.SetString(n.Value)
}

func (d *decoder) decodeBool(n *yaml.Node, v reflect.Value, path string) {
	if n.Kind == yaml.ScalarNode && n.ShortTag() == "!!bool" {
		v.SetBool(strings.EqualFold(n.Value, "true"))
		return
	}
	d.errorf(n, path, "expected true or false, got %s", describe(n))
}

func (d *decoder) decodeFloat(n *yaml.Node, v reflect.Value, path string) {
	if n.Kind == yaml.ScalarNode && (n.ShortTag() == "!!int" || n.ShortTag() == "!!float") {
		if f, err := strconv.ParseFloat(strings.ReplaceAll(n.Value, "_", ""), 64); err == nil {
			v.SetFloat(f)
			return
		}
	}
	d.errorf(n, path, "expected a number, got %s", describe(n))
}

// decodeSlice appends, so that included files extend the main file's lists
// and paths index into the merged slice.
func (d *decoder) decodeSlice(n *yaml.Node, v reflect.Value, path string, depth int) {
	if n.Kind != yaml.SequenceNode {
		d.errorf(n, path, "expected a list, got %s", describe(n))
		return
	}
	if path == "flows" && v.Type().Elem() == flowType {
		d.decodeFlows(n, v, path, depth)
		return
	}
	for _, item := range n.Content {
		if d.aborted {
			return
		}
		i := v.Len()
		if d.emptyItem(item, fmt.Sprintf("%s[%d]", path, i)) {
			continue
		}
		v.Set(reflect.Append(v, reflect.Zero(v.Type().Elem())))
		d.decode(item, v.Index(i), fmt.Sprintf("%s[%d]", path, i), depth+1)
	}
}

// emptyItem reports a list item with no value (a bare "-" or ~): it
// would otherwise vanish or become a nameless element without a word.
func (d *decoder) emptyItem(item *yaml.Node, path string) bool {
	n := unalias(item)
	if n == nil || !isNull(n) {
		return false
	}
	at := d.pos(item)
	if item.Value == "" && at.Col > 1 {
		at.Col-- // yaml.v3 puts a bare "-"'s missing value just after it
	}
	d.errs = append(d.errs, &Error{Pos: at, Path: path, Msg: `empty item: give it a value or remove it`})
	return true
}

func (d *decoder) decodeMap(n *yaml.Node, v reflect.Value, path string, depth int) {
	if n.Kind != yaml.MappingNode {
		d.errorf(n, path, "expected a mapping, got %s", describe(n))
		return
	}
	if v.IsNil() {
		v.Set(reflect.MakeMap(v.Type()))
	}
	for _, kv := range d.pairs(n, path, depth) {
		d.checkHidden(kv.key, path, fmt.Sprintf("key %q ", kv.key.Value))
		val := reflect.New(v.Type().Elem()).Elem()
		d.decode(kv.value, val, join(path, kv.key.Value), depth+1)
		v.SetMapIndex(reflect.ValueOf(kv.key.Value), val)
	}
}

func (d *decoder) decodeStruct(n *yaml.Node, v reflect.Value, path string, depth int) {
	if n.Kind != yaml.MappingNode {
		d.errorf(n, path, "expected a mapping, got %s", describe(n))
		return
	}
	info := structInfoOf(v.Type())
	isFlow, target := v.Type() == flowType, d.target
	d.target = nil // for this flow only, not for what it holds
	const seen, bad = 1, 2
	marks := make([]uint8, len(info.fields)) // by position in info.fields
	for _, kv := range d.pairs(n, path, depth) {
		name := kv.key.Value
		fp := join(path, name)
		i, ok := info.field(name)
		if !ok {
			d.errorf(kv.key, fp, "unknown field %q%s", name, didYouMean(name, info.names))
			continue
		}
		f := info.fields[i]
		marks[i] |= seen
		fv := v.Field(f.index)
		before := len(d.errs)
		if !isFlow || !d.flowField(name, kv.value, fv, fp, depth, target) {
			d.decode(kv.value, fv, fp, depth+1)
		}
		if len(d.errs) > before {
			marks[i] |= bad // already explained; "must not be empty" would be noise
		}
		if f.enum != nil && fv.Kind() == reflect.String && fv.String() != "" {
			d.checkEnum(kv.value, fp, fv.String(), f.enum)
		}
	}
	if d.aborted {
		return
	}
	for i, f := range info.fields {
		if !f.required {
			continue
		}
		fv := v.Field(f.index)
		switch {
		case marks[i]&seen == 0:
			d.errorf(n, path, "missing required field %q", f.name)
		case marks[i]&bad != 0:
		case fv.IsZero() || (fv.Kind() == reflect.Slice && fv.Len() == 0):
			fp := join(path, f.name)
			d.errs = append(d.errs, &Error{Pos: d.m.Pos(fp), Path: fp, Msg: "must not be empty"})
		}
	}
}

func (d *decoder) checkEnum(n *yaml.Node, path, value string, allowed []string) {
	for _, a := range allowed {
		if a == value {
			return
		}
	}
	d.errorf(n, path, "%q is not one of %s%s", value, strings.Join(allowed, ", "), didYouMean(value, allowed))
}

type keyValue struct{ key, value *yaml.Node }

// pairs lists a mapping's keys and values, flattening `<<` merge keys
// (explicit keys win) and reporting keys given twice.
func (d *decoder) pairs(n *yaml.Node, path string, depth int) []keyValue {
	var out []keyValue
	first := make(map[string]*yaml.Node, len(n.Content)/2)
	var merged []keyValue
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			d.errorf(k, path, "mapping keys must be plain strings, got %s", describe(k))
			continue
		}
		if k.ShortTag() == "!!merge" {
			merged = append(merged, d.mergePairs(val, path, depth+1)...)
			continue
		}
		if prev, dup := first[k.Value]; dup {
			d.errorf(k, join(path, k.Value), "key %q given twice (first at line %d)", k.Value, prev.Line)
			continue
		}
		first[k.Value] = k
		out = append(out, keyValue{k, val})
	}
	for _, kv := range merged {
		if _, explicit := first[kv.key.Value]; !explicit {
			first[kv.key.Value] = kv.key
			out = append(out, kv)
		}
	}
	return out
}

// mergePairs returns the pairs a `<<: *anchor` (or a list of anchors) brings in.
func (d *decoder) mergePairs(v *yaml.Node, path string, depth int) []keyValue {
	if depth > MaxDepth {
		d.abortf(v, path, "nested too deeply (more than %d levels)", MaxDepth)
		return nil
	}
	if v.Kind == yaml.AliasNode {
		d.inAlias++
		defer func() { d.inAlias-- }()
	}
	if v = d.resolve(v, path); v == nil || !d.take(v, path) {
		return nil
	}
	switch v.Kind {
	case yaml.MappingNode:
		return d.pairs(v, path, depth)
	case yaml.SequenceNode:
		var out []keyValue
		for _, item := range v.Content {
			out = append(out, d.mergePairs(item, path, depth+1)...)
		}
		return out
	}
	d.errorf(v, path, "<< merges a mapping, got %s", describe(v))
	return nil
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// fieldInfo is what the decoder and the schema generator need about a field.
type fieldInfo struct {
	name     string // yaml name
	index    int
	required bool // yaml tag lacks omitempty
	enum     []string
	doc      string
	many     bool   // `many:"true"`: one value or a list of them (see fanout.go)
	oneDoc   string // `one:`: the doc where a many field takes one value
	// single: `single:"true"` on a struct field: its type's many fields
	// take one value there (an idea's added flow has one target).
	single bool
}

type structInfo struct {
	fields []fieldInfo
	names  []string // the fields' yaml names, for "did you mean"
}

// field returns the position in fields of the field named name. A scan:
// a struct has a few dozen fields at most, and a map would cost more to
// build in every process than all the lookups of a model.
func (si *structInfo) field(name string) (int, bool) {
	for i := range si.fields {
		if si.fields[i].name == name {
			return i, true
		}
	}
	return 0, false
}

var structInfoCache sync.Map // reflect.Type -> *structInfo

// fieldOf reads a field's tag in one pass (the doc: values are long, and
// every command that loads a model reads them all once); ok is false for
// a field without a yaml name.
func fieldOf(tag reflect.StructTag) (f fieldInfo, ok bool) {
	for key, value := range tagPairs(string(tag)) {
		switch key {
		case "yaml":
			name, opts, _ := strings.Cut(value, ",")
			f.name, f.required = name, !strings.Contains(opts, "omitempty")
		case "doc":
			f.doc = value
		case "many":
			f.many = value == "true"
		case "single":
			f.single = value == "true"
		case "one":
			f.oneDoc = value
		case "enum":
			if value != "" {
				f.enum = strings.Split(value, ",")
			}
		}
	}
	return f, f.name != "" && f.name != "-"
}

// tagPairs yields a struct tag's key:"value" pairs in order, by the
// convention reflect.StructTag.Lookup reads; it stops at a malformed pair.
func tagPairs(tag string) iter.Seq2[string, string] {
	return func(yield func(string, string) bool) {
		for tag != "" {
			tag = strings.TrimLeft(tag, " ")
			i := 0
			for i < len(tag) && tag[i] > ' ' && tag[i] != ':' && tag[i] != '"' && tag[i] != 0x7f {
				i++
			}
			if i == 0 || i+1 >= len(tag) || tag[i] != ':' || tag[i+1] != '"' {
				return
			}
			key := tag[:i]
			tag = tag[i+1:]
			i = 1
			for i < len(tag) && tag[i] != '"' {
				if tag[i] == '\\' {
					i++
				}
				i++
			}
			if i >= len(tag) {
				return
			}
			value, err := strconv.Unquote(tag[:i+1])
			tag = tag[i+1:]
			if err != nil || !yield(key, value) {
				return
			}
		}
	}
}

func structInfoOf(t reflect.Type) *structInfo {
	if si, ok := structInfoCache.Load(t); ok {
		return si.(*structInfo)
	}
	n := t.NumField()
	si := &structInfo{fields: make([]fieldInfo, 0, n), names: make([]string, 0, n)}
	for i := range n {
		sf := t.Field(i)
		if !sf.IsExported() {
			continue
		}
		f, ok := fieldOf(sf.Tag)
		if !ok {
			continue
		}
		f.index = i
		si.fields = append(si.fields, f)
		si.names = append(si.names, f.name)
	}
	structInfoCache.Store(t, si)
	return si
}
