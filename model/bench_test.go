package model

import "testing"

// BenchmarkLoad loads the shipped example: decode, includes, validation
// and index, as `archdoc validate` does.
func BenchmarkLoad(b *testing.B) {
	file := exampleFiles(b)[0]
	for b.Loop() {
		if _, err := Load(file); err != nil {
			b.Fatal(err)
		}
	}
}
