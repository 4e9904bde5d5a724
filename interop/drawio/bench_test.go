package drawio

import (
	"bytes"
	"testing"
)

// BenchmarkDecodeSeed: importing the seed diagram end to end (XML,
// analysis, YAML with comments).
func BenchmarkDecodeSeed(b *testing.B) {
	data := readSeed(b)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Decode(bytes.NewReader(data), Options{Source: "business-model.drawio"}); err != nil {
			b.Fatal(err)
		}
	}
}
