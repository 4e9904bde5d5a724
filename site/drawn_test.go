package site

import (
	"bytes"
	"maps"
	"testing"

	"github.com/archdoc/archdoc/internal/synth"
	"github.com/archdoc/archdoc/render"
	"github.com/archdoc/archdoc/render/scene"
)

// Serve's rebuilds reuse the drawings of unchanged scenes, and the site
// comes out exactly as one drawn from scratch: after renaming a module
// (its neighbours' diagrams show its name) and renaming it back.
func TestDrawingsGiveTheSiteAFreshBuildGives(t *testing.T) {
	src := synth.Model(30, 1)
	renamed := bytes.Replace(src, []byte("name: 推荐服务0\n"), []byte("name: 推荐服务改名\n"), 1)
	if bytes.Equal(src, renamed) {
		t.Fatal("the generated model has no module 推荐服务0 any more; update the test")
	}
	layouts, drawings := render.NewLayouts(), NewDrawings()
	for i, version := range [][]byte{src, renamed, src} {
		kept := serveRender(t, layouts, version, WithDrawings(drawings))
		fresh := serveRender(t, render.NewLayouts(), version)
		if !maps.EqualFunc(kept, fresh, bytes.Equal) {
			for name := range fresh {
				if !bytes.Equal(kept[name], fresh[name]) {
					t.Errorf("version %d: %s differs from a fresh build's", i, name)
				}
			}
		}
	}
}

// A drawing is made again when a link in it would now go elsewhere, and
// only then.
func TestDrawingsDrawAgainWhenALinkMoved(t *testing.T) {
	d := NewDrawings()
	s := &scene.Scene{ID: "business"}
	k := drawingKey{s, "../", false}
	links := map[string]string{"cart": "../module/cart.html"}
	draws := 0
	draw := func(href func(string) string) ([]byte, error) {
		draws++
		return []byte(`<a href="` + href("cart") + `">`), nil
	}
	href := func(id string) string { return links[id] }
	d.begin()
	first, _ := d.draw(k, href, draw)
	d.begin()
	again, _ := d.draw(k, href, draw)
	if draws != 1 || !bytes.Equal(first, again) {
		t.Errorf("the same scene and links were drawn %d times, want once", draws)
	}
	links["cart"] = "" // the module lost its page
	d.begin()
	moved, _ := d.draw(k, href, draw)
	if draws != 2 || bytes.Equal(moved, first) {
		t.Errorf("after a link moved: drawn %d times, %q; want drawn again", draws, moved)
	}
	d.begin()
	d.begin() // a build that did not use it: forgotten
	if len(d.drawn) != 0 {
		t.Errorf("%d drawings kept that no build used", len(d.drawn))
	}
}
