package site

import (
	"sync"

	"github.com/archdoc/archdoc/render/scene"
)

// Drawings keeps the SVG drawn for each scene between builds (serve's
// rebuilds), so a view whose layout did not change is not drawn again:
// render.Layouts hands back the same *scene.Scene for it. A drawing is
// reused only when every link it holds still goes where it went; the
// ones no build used since the last began are forgotten. The zero value
// is not usable: use NewDrawings.
type Drawings struct {
	mu    sync.Mutex
	drawn map[drawingKey]*drawing
	used  map[drawingKey]bool
}

type drawingKey struct {
	s          *scene.Scene
	root       string
	standalone bool
}

type drawing struct {
	svg   []byte
	links map[string]string // element id -> the href the drawing gave it
}

// NewDrawings returns an empty set of drawings.
func NewDrawings() *Drawings {
	return &Drawings{drawn: map[drawingKey]*drawing{}, used: map[drawingKey]bool{}}
}

// WithDrawings lets Build and Render reuse the drawings in d and keep
// the ones they make there.
func WithDrawings(d *Drawings) Option {
	return func(c *config) { c.drawings = d }
}

// begin starts a build: the drawings the previous one did not use go.
func (d *Drawings) begin() {
	d.mu.Lock()
	defer d.mu.Unlock()
	for k := range d.drawn {
		if !d.used[k] {
			delete(d.drawn, k)
		}
	}
	d.used = map[drawingKey]bool{}
}

// draw returns the drawing of k, drawn by draw unless a kept one links
// every element where href does now. draw's href calls are recorded.
func (d *Drawings) draw(k drawingKey, href func(id string) string, draw func(href func(string) string) ([]byte, error)) ([]byte, error) {
	d.mu.Lock()
	old := d.drawn[k]
	d.used[k] = true
	d.mu.Unlock()
	if old != nil && sameLinks(old.links, href) {
		return old.svg, nil
	}
	var mu sync.Mutex
	links := map[string]string{}
	svg, err := draw(func(id string) string {
		u := href(id)
		mu.Lock()
		links[id] = u
		mu.Unlock()
		return u
	})
	if err != nil {
		return nil, err
	}
	d.mu.Lock()
	d.drawn[k] = &drawing{svg: svg, links: links}
	d.mu.Unlock()
	return svg, nil
}

func sameLinks(links map[string]string, href func(string) string) bool {
	for id, u := range links {
		if href(id) != u {
			return false
		}
	}
	return true
}
