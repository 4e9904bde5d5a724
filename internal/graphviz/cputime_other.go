//go:build !unix

package graphviz

import "time"

// processCPU is not measured here: workers keep to wall time.
func processCPU() (time.Duration, bool) { return 0, false }
