package model

import (
	"reflect"
	"slices"
	"strings"
	"testing"
)

// fieldOf reads tags in one pass; it must read what reflect's Get reads,
// for every field of every type a model is made of.
func TestFieldOfReadsTagsAsReflectDoes(t *testing.T) {
	seen := map[reflect.Type]bool{}
	var visit func(ty reflect.Type)
	visit = func(ty reflect.Type) {
		for ty.Kind() == reflect.Pointer || ty.Kind() == reflect.Slice || ty.Kind() == reflect.Map {
			ty = ty.Elem()
		}
		if ty.Kind() != reflect.Struct || seen[ty] {
			return
		}
		seen[ty] = true
		for i := range ty.NumField() {
			sf := ty.Field(i)
			visit(sf.Type)
			yamlTag := sf.Tag.Get("yaml")
			got, ok := fieldOf(sf.Tag)
			if wantOK := yamlTag != "" && yamlTag != "-"; ok != wantOK {
				t.Errorf("%s.%s: ok = %v, want %v", ty.Name(), sf.Name, ok, wantOK)
				continue
			}
			if !ok {
				continue
			}
			name, opts, _ := strings.Cut(yamlTag, ",")
			want := fieldInfo{name: name, required: !strings.Contains(opts, "omitempty"), doc: sf.Tag.Get("doc"),
				many: sf.Tag.Get("many") == "true", single: sf.Tag.Get("single") == "true", oneDoc: sf.Tag.Get("one")}
			if e := sf.Tag.Get("enum"); e != "" {
				want.enum = strings.Split(e, ",")
			}
			if got.name != want.name || got.required != want.required || got.doc != want.doc || got.many != want.many ||
				got.single != want.single || got.oneDoc != want.oneDoc || !slices.Equal(got.enum, want.enum) {
				t.Errorf("%s.%s: fieldOf = %+v, want %+v", ty.Name(), sf.Name, got, want)
			}
		}
	}
	visit(typeOf[Model]())
	visit(typeOf[Modification]())
	if len(seen) < 20 {
		t.Fatalf("visited %d types; the walk lost its way", len(seen))
	}
}

func TestTagPairs(t *testing.T) {
	for _, tc := range []struct {
		tag  string
		want []string
	}{
		{`yaml:"id" doc:"a \"quoted\" word"`, []string{"yaml", "id", "doc", `a "quoted" word`}},
		{`  yaml:"a"   enum:"x,y"`, []string{"yaml", "a", "enum", "x,y"}},
		{`yaml:"a" broken`, []string{"yaml", "a"}},
		{`yaml:"unterminated`, nil},
		{``, nil},
	} {
		var got []string
		for k, v := range tagPairs(tc.tag) {
			got = append(got, k, v)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("tagPairs(%q) = %q, want %q", tc.tag, got, tc.want)
		}
	}
}
