package icon

import (
	"math"
	"strconv"

	"github.com/archdoc/archdoc/render/scene"
)

// Outline flattens an SVG path (a bundled icon's, in its 24 x 24 box)
// into closed polygons, one per sub-path, for renderers that fill
// polygons (PNG) or draw them as shapes (PPTX). Windings are kept: with
// the non-zero rule, a hole is a sub-path turning the other way. A path
// it cannot read ends where it stops making sense.
func Outline(d string) [][]scene.Point {
	p := pathReader{d: d}
	var out [][]scene.Point
	var cur []scene.Point
	var pos, start, ctrl scene.Point
	var cmd, prev byte
	flush := func() {
		if len(cur) > 2 {
			out = append(out, cur)
		}
		cur = nil
	}
	for {
		if c, ok := p.command(); ok {
			cmd = c
		} else if cmd == 0 || !p.more() {
			break
		}
		rel := cmd >= 'a'
		at := func(x, y float64) scene.Point {
			if rel {
				return scene.Point{X: pos.X + x, Y: pos.Y + y}
			}
			return scene.Point{X: x, Y: y}
		}
		reflect := func(isCubic bool) scene.Point {
			if isCubic && (prev == 'C' || prev == 'S') || !isCubic && (prev == 'Q' || prev == 'T') {
				return scene.Point{X: 2*pos.X - ctrl.X, Y: 2*pos.Y - ctrl.Y}
			}
			return pos
		}
		upper := cmd &^ 0x20
		n, ok := p.numbers(map[byte]int{'M': 2, 'L': 2, 'H': 1, 'V': 1, 'C': 6, 'S': 4, 'Q': 4, 'T': 2, 'A': 7, 'Z': 0}[upper])
		if !ok {
			break
		}
		switch upper {
		case 'M':
			flush()
			pos = at(n[0], n[1])
			start = pos
			cur = []scene.Point{pos}
			cmd = map[bool]byte{true: 'l', false: 'L'}[rel] // further pairs are lines
		case 'L':
			pos = at(n[0], n[1])
			cur = append(cur, pos)
		case 'H':
			pos.X = n[0] + map[bool]float64{true: pos.X, false: 0}[rel]
			cur = append(cur, pos)
		case 'V':
			pos.Y = n[0] + map[bool]float64{true: pos.Y, false: 0}[rel]
			cur = append(cur, pos)
		case 'C', 'S':
			c1 := reflect(true)
			var c2, end scene.Point
			if upper == 'C' {
				c1, c2, end = at(n[0], n[1]), at(n[2], n[3]), at(n[4], n[5])
			} else {
				c2, end = at(n[0], n[1]), at(n[2], n[3])
			}
			cur = append(cur, cubic(pos, c1, c2, end)...)
			pos, ctrl = end, c2
		case 'Q', 'T':
			c := reflect(false)
			var end scene.Point
			if upper == 'Q' {
				c, end = at(n[0], n[1]), at(n[2], n[3])
			} else {
				end = at(n[0], n[1])
			}
			c1 := scene.Point{X: pos.X + 2*(c.X-pos.X)/3, Y: pos.Y + 2*(c.Y-pos.Y)/3}
			c2 := scene.Point{X: end.X + 2*(c.X-end.X)/3, Y: end.Y + 2*(c.Y-end.Y)/3}
			cur = append(cur, cubic(pos, c1, c2, end)...)
			pos, ctrl = end, c
		case 'A':
			end := at(n[5], n[6])
			cur = append(cur, arc(pos, end, n[0], n[1], n[2], n[3] != 0, n[4] != 0)...)
			pos = end
		case 'Z':
			flush()
			pos = start
			cur = []scene.Point{pos}
		}
		prev = upper
	}
	flush()
	return out
}

// cubic returns points along a cubic Bézier, its start left out.
func cubic(p0, c1, c2, p3 scene.Point) []scene.Point {
	const steps = 8
	out := make([]scene.Point, 0, steps)
	for s := 1; s <= steps; s++ {
		t := float64(s) / steps
		u := 1 - t
		out = append(out, scene.Point{
			X: u*u*u*p0.X + 3*u*u*t*c1.X + 3*u*t*t*c2.X + t*t*t*p3.X,
			Y: u*u*u*p0.Y + 3*u*u*t*c1.Y + 3*u*t*t*c2.Y + t*t*t*p3.Y,
		})
	}
	return out
}

// arc returns points along an SVG elliptical arc (endpoint
// parametrisation, SVG 1.1 F.6.5), its start left out.
func arc(from, to scene.Point, rx, ry, rotDeg float64, large, sweep bool) []scene.Point {
	rx, ry = math.Abs(rx), math.Abs(ry)
	if rx == 0 || ry == 0 || from == to {
		return []scene.Point{to}
	}
	phi := rotDeg * math.Pi / 180
	cos, sin := math.Cos(phi), math.Sin(phi)
	dx, dy := (from.X-to.X)/2, (from.Y-to.Y)/2
	x1, y1 := cos*dx+sin*dy, -sin*dx+cos*dy
	if l := x1*x1/(rx*rx) + y1*y1/(ry*ry); l > 1 {
		rx, ry = rx*math.Sqrt(l), ry*math.Sqrt(l)
	}
	num := rx*rx*ry*ry - rx*rx*y1*y1 - ry*ry*x1*x1
	k := math.Sqrt(math.Max(0, num/(rx*rx*y1*y1+ry*ry*x1*x1)))
	if large == sweep {
		k = -k
	}
	cx1, cy1 := k*rx*y1/ry, -k*ry*x1/rx
	cx, cy := cos*cx1-sin*cy1+(from.X+to.X)/2, sin*cx1+cos*cy1+(from.Y+to.Y)/2
	angle := func(ux, uy, vx, vy float64) float64 { return math.Atan2(ux*vy-uy*vx, ux*vx+uy*vy) }
	t1 := angle(1, 0, (x1-cx1)/rx, (y1-cy1)/ry)
	dt := angle((x1-cx1)/rx, (y1-cy1)/ry, (-x1-cx1)/rx, (-y1-cy1)/ry)
	if !sweep && dt > 0 {
		dt -= 2 * math.Pi
	} else if sweep && dt < 0 {
		dt += 2 * math.Pi
	}
	steps := int(math.Max(4, math.Ceil(math.Abs(dt)/(math.Pi/12))))
	out := make([]scene.Point, 0, steps)
	for s := 1; s <= steps; s++ {
		t := t1 + dt*float64(s)/float64(steps)
		x, y := rx*math.Cos(t), ry*math.Sin(t)
		out = append(out, scene.Point{X: cos*x - sin*y + cx, Y: sin*x + cos*y + cy})
	}
	out[len(out)-1] = to
	return out
}

// pathReader reads SVG path data: command letters and numbers, with the
// compact forms icons use ("1.5.5" is 1.5 and .5; "1-2" is 1 and -2; arc
// flags may touch the next number).
type pathReader struct {
	d string
	i int
}

func (p *pathReader) skip() {
	for p.i < len(p.d) && (p.d[p.i] == ' ' || p.d[p.i] == ',' || p.d[p.i] == '\n' || p.d[p.i] == '\t' || p.d[p.i] == '\r') {
		p.i++
	}
}

func (p *pathReader) more() bool { p.skip(); return p.i < len(p.d) }

func (p *pathReader) command() (byte, bool) {
	p.skip()
	if p.i < len(p.d) {
		c := p.d[p.i]
		if (c|0x20) >= 'a' && (c|0x20) <= 'z' && c != 'e' && c != 'E' {
			p.i++
			return c, true
		}
	}
	return 0, false
}

func (p *pathReader) numbers(n int) ([]float64, bool) {
	out := make([]float64, n)
	for k := range out {
		p.skip()
		start, dot := p.i, false
		if p.i < len(p.d) && (p.d[p.i] == '-' || p.d[p.i] == '+') {
			p.i++
		}
		for p.i < len(p.d) {
			c := p.d[p.i]
			switch {
			case c >= '0' && c <= '9':
			case c == '.' && !dot:
				dot = true
			case (c == 'e' || c == 'E') && p.i+1 < len(p.d):
				p.i++
				if p.d[p.i] == '-' || p.d[p.i] == '+' {
					p.i++
				}
				continue
			default:
				goto done
			}
			p.i++
			if n == 7 && (k == 3 || k == 4) { // an arc flag is one digit
				break
			}
		}
	done:
		v, err := strconv.ParseFloat(p.d[start:p.i], 64)
		if err != nil {
			return nil, false
		}
		out[k] = v
	}
	return out, true
}
