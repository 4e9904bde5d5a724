package main

import "testing"

// The memory limit never sits under twice the live heap, so a large
// model's collector does not run all the time; small heaps get the floor.
func TestGCLimit(t *testing.T) {
	for _, tt := range []struct {
		live uint64
		want int64
	}{
		{0, gcFloor},
		{20 << 20, gcFloor},
		{gcFloor / 2, gcFloor},
		{180 << 20, 360 << 20},
		{1 << 62, 1 << 62},
	} {
		if got := gcLimit(tt.live); got != tt.want {
			t.Errorf("gcLimit(%d) = %d, want %d", tt.live, got, tt.want)
		}
	}
}
