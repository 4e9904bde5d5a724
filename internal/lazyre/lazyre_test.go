package lazyre

import "testing"

func TestNewCompilesOnceOnFirstUse(t *testing.T) {
	re := New(`^a+$`)
	first := re()
	if !first.MatchString("aaa") || first.MatchString("b") {
		t.Fatalf("%v does not match as ^a+$", first)
	}
	if re() != first {
		t.Error("a second call compiled the expression again")
	}
}

func TestNewPanicsOnBadExpressionAtFirstUse(t *testing.T) {
	re := New(`(`) // no panic yet: nothing is compiled until used
	defer func() {
		if recover() == nil {
			t.Error("a bad expression did not panic on first use")
		}
	}()
	re()
}
