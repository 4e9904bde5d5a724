package scene

// Sample returns points along a cubic Bézier path (P0, then C1, C2, P
// triples), steps+1 per segment.
func Sample(path []Point, steps int) []Point {
	var out []Point
	for i := 0; i+3 < len(path); i += 3 {
		p0, p1, p2, p3 := path[i], path[i+1], path[i+2], path[i+3]
		for k := 0; k <= steps; k++ {
			t := float64(k) / float64(steps)
			u := 1 - t
			out = append(out, Point{
				X: u*u*u*p0.X + 3*u*u*t*p1.X + 3*u*t*t*p2.X + t*t*t*p3.X,
				Y: u*u*u*p0.Y + 3*u*u*t*p1.Y + 3*u*t*t*p2.Y + t*t*t*p3.Y,
			})
		}
	}
	return out
}
