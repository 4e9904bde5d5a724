package main

import (
	"testing"
)

func TestPlanDiagramOutput(t *testing.T) {
	one, two := []string{"business"}, []string{"business", "stack"}
	for _, c := range []struct {
		format, out string
		ids         []string
		want        diagramPlan
		usage       bool
	}{
		{"svg", "", two, diagramPlan{dir: "diagrams"}, false},
		{"svg", "", one, diagramPlan{dir: "diagrams"}, false},
		{"svg", "x/b.svg", one, diagramPlan{file: "x/b.svg"}, false},
		{"svg", "x/B.SVG", one, diagramPlan{file: "x/B.SVG"}, false},
		{"svg", "x/b.svg", two, diagramPlan{}, true},
		{"png", "b.svg", one, diagramPlan{}, true},
		{"svg", "-", one, diagramPlan{stdout: true}, false},
		{"svg", "-", two, diagramPlan{}, true},
		{"drawio", "-", two, diagramPlan{stdout: true}, false},
		{"drawio", "all.drawio", two, diagramPlan{file: "all.drawio"}, false},
		{"mermaid", "docs/diagrams", two, diagramPlan{dir: "docs/diagrams"}, false},
		{"dot", "v1.2", two, diagramPlan{dir: "v1.2"}, false},
	} {
		got, err := planOutput(&diagramOptions{Format: c.format, Out: c.out}, c.ids)
		if c.usage {
			if _, ok := err.(*usageError); !ok {
				t.Errorf("%s -o %q with %d views: err = %v, want a usage error", c.format, c.out, len(c.ids), err)
			}
			continue
		}
		if err != nil || got != c.want {
			t.Errorf("%s -o %q with %d views = %+v, %v; want %+v", c.format, c.out, len(c.ids), got, err, c.want)
		}
	}
}
