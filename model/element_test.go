package model

import (
	"reflect"
	"testing"
)

// Value is the one pointer matching an element's kind, for every kind
// the example has.
func TestElementValue(t *testing.T) {
	m, err := Load("../architecture.yaml")
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[Kind]bool{}
	for _, e := range m.Elements() {
		v := reflect.ValueOf(e.Value())
		if !v.IsValid() || v.IsNil() {
			t.Fatalf("%s %s: no value", e.Kind, e.ID)
		}
		if got := reflect.ValueOf(e).FieldByNameFunc(func(name string) bool {
			f, _ := reflect.TypeOf(e).FieldByName(name)
			return f.Type == v.Type()
		}); got.Pointer() != v.Pointer() {
			t.Errorf("%s %s: Value is not the element's own %s", e.Kind, e.ID, v.Type())
		}
		kinds[e.Kind] = true
	}
	if len(kinds) < 8 {
		t.Errorf("the example has only %d kinds of element", len(kinds))
	}
}
