package model

import (
	"fmt"
	"strings"
	"testing"
)

// danglingModel has n actors and n flows, each to a misspelt actor id.
func danglingModel(n int) []byte {
	var b strings.Builder
	b.WriteString("name: x\nactors:\n")
	for i := range n {
		fmt.Fprintf(&b, "  - {id: actor-%d, name: A}\n", i)
	}
	b.WriteString("flows:\n")
	for i := range n {
		fmt.Fprintf(&b, "  - {from: actor-%d, to: actr-%d}\n", i, i)
	}
	return []byte(b.String())
}

// Every dangling reference is reported, but only the first maxSuggestions
// look for a did-you-mean: each search reads every id of the model, so a
// model with thousands of dangling references took minutes.
func TestDidYouMeanIsBoundedPerValidation(t *testing.T) {
	n := maxSuggestions + 20
	_, err := Parse("architecture.yaml", danglingModel(n))
	errs, ok := err.(Errors)
	if !ok || len(errs) != n {
		t.Fatalf("got %d problems (%v), want %d", len(errs), err, n)
	}
	first := fmt.Sprintf("architecture.yaml:%d:25: flows[0].to: unknown element \"actr-0\" (did you mean \"actor-0\"?)", n+4)
	if got := errs[0].Error(); got != first {
		t.Errorf("first problem:\n got %s\nwant %s", got, first)
	}
	last := errs[n-1].Error()
	if want := fmt.Sprintf("flows[%d].to: unknown element \"actr-%d\"", n-1, n-1); !strings.HasSuffix(last, want) {
		t.Errorf("last problem:\n got %s\nwant it to end in %s (no suggestion)", last, want)
	}
}

func BenchmarkValidateManyDanglingReferences(b *testing.B) {
	data := danglingModel(5000)
	for b.Loop() {
		if _, err := Parse("architecture.yaml", data); err == nil {
			b.Fatal("no problems reported")
		}
	}
}
