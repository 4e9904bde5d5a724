package view

import (
	"reflect"
	"testing"

	"github.com/archdoc/archdoc/internal/synth"
	"github.com/archdoc/archdoc/model"
)

// AllFlowEnds gives every flow the same picture FlowEnds gives it alone.
func TestAllFlowEndsAgreesWithFlowEnds(t *testing.T) {
	m, err := model.Parse("architecture.yaml", synth.Model(50, 1))
	if err != nil {
		t.Fatal(err)
	}
	all := AllFlowEnds(m)
	if len(all) == 0 {
		t.Fatal("no flow without steps; the test compares nothing")
	}
	for i := range m.Flows {
		id := m.Flows[i].ID
		one, ok := FlowEnds(m, id)
		if got, found := all[id]; found != ok || !reflect.DeepEqual(got, one) {
			t.Errorf("flow %s: AllFlowEnds %v %+v, FlowEnds %v %+v", id, found, got, ok, one)
		}
	}
}

// flowsTouching finds every flow a module or domain view would find by
// testing each flow in turn.
func TestFlowsTouchingMissesNoFlow(t *testing.T) {
	m, err := model.Parse("architecture.yaml", synth.Model(100, 1))
	if err != nil {
		t.Fatal(err)
	}
	x := newIndex(m)
	for _, e := range x.elems {
		if e.Kind != model.KindModule && e.Kind != model.KindDomain && e.Kind != model.KindStore {
			continue
		}
		var want []int
		for i, f := range m.Flows {
			if x.within(f.From, e.ID) || x.within(f.To, e.ID) || x.within(e.ID, f.From) || x.within(e.ID, f.To) {
				want = append(want, i)
			}
		}
		if got := x.flowsTouching(e.ID); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: flowsTouching %v, want %v", e.ID, got, want)
		}
	}
}
