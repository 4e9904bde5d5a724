package mxfile

import (
	"bytes"
	"strings"
	"testing"

	"github.com/archdoc/archdoc/render/internal/rendertest"
)

// A hand-built scene may hold characters XML cannot carry: the .drawio
// file stays well-formed (they become U+FFFD) and diagrams.net opens it.
func TestHostileTextStaysWellFormedXML(t *testing.T) {
	var b bytes.Buffer
	if err := Render(&b, rendertest.Hostile(), rendertest.Hostile()); err != nil {
		t.Fatal(err)
	}
	rendertest.CheckXML(t, "drawio", b.Bytes())
	if !strings.Contains(b.String(), "a\uFFFDb\uFFFDc") {
		t.Errorf("label text lost around the replaced characters:\n%s", b.String())
	}
}
