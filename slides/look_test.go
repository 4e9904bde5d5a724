package slides

import (
	"os"
	"path/filepath"
	"testing"
)

// TestWriteLookFiles writes the decks of the cases to $ARCHDOC_LOOK for a
// human to open; it does nothing without the variable.
func TestWriteLookFiles(t *testing.T) {
	dir := os.Getenv("ARCHDOC_LOOK")
	if dir == "" {
		t.Skip("set ARCHDOC_LOOK=DIR to write the decks there for a look")
	}
	for _, c := range deckCases {
		d := buildCase(t, c)
		f, err := os.Create(filepath.Join(dir, c.name+".html"))
		if err != nil {
			t.Fatal(err)
		}
		if err := WriteHTML(f, d, HTMLOptions{}); err != nil {
			t.Fatal(err)
		}
		f.Close()
		p, _ := os.Create(filepath.Join(dir, c.name+".pptx"))
		if err := WritePPTX(p, d); err != nil {
			t.Fatal(err)
		}
		p.Close()
	}
}
