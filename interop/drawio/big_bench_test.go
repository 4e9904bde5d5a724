package drawio

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

// BenchmarkDecodeLarge: a page near the shape limit (50 containers of
// 40 boxes, an arrow per box) stays fast: analysis is at worst quadratic
// in the shapes of one page, which the limit bounds.
func BenchmarkDecodeLarge(b *testing.B) {
	var sb strings.Builder
	for d := range 50 {
		sb.WriteString(box(fmt.Sprintf("d%d", d), fmt.Sprintf("Domain %d", d), "", d*1000, 0, 900, 5000, "1"))
		for m := range 40 {
			id := fmt.Sprintf("d%dm%d", d, m)
			sb.WriteString(box(id, "Module "+id, "", d*1000+10, 10+m*100, 100, 50, "1"))
			if m > 0 {
				sb.WriteString(edge("e"+id, "calls", "", id, fmt.Sprintf("d%dm%d", d, m-1)))
			}
		}
	}
	data := []byte(graph(sb.String()))
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		r, err := Decode(bytes.NewReader(data), Options{})
		if err != nil {
			b.Fatal(err)
		}
		if r.Summary.Modules != 2000 {
			b.Fatalf("%d modules", r.Summary.Modules)
		}
	}
}
