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
