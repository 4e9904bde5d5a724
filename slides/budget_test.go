package slides

import (
	"math"
	"testing"
)

// TestExampleFitsItsDuration: the example's 10-minute talk has at most
// one main slide a minute before its closing slide, nothing twice, and
// the rest in an appendix after the closing slide.
func TestExampleFitsItsDuration(t *testing.T) {
	d := exampleDeck(t, "cashback")
	minutes := int(math.Round(float64(d.Duration) / 60))
	main, closing := 0, -1
	seen := map[string]string{}
	for i, s := range d.Slides {
		if s.ID == "qa" {
			closing = i
			break
		}
		main++
		if s.Diagram == "" { // parts of a split diagram share a title
			if other, ok := seen[s.Title]; ok {
				t.Errorf("%q appears twice: slides %s and %s", s.Title, other, s.ID)
			}
			seen[s.Title] = s.ID
		}
	}
	if main > minutes {
		t.Errorf("%d main slides before the closing one for %d minutes", main, minutes)
	}
	if closing < 0 || closing+1 >= len(d.Slides) || d.Slides[closing+1].Section != SectionAppendix {
		t.Fatalf("no appendix right after the closing slide")
	}
	for _, s := range d.Slides[closing+1:] {
		if s.Seconds != 0 {
			t.Errorf("appendix slide %s has %ds of the talk's time", s.ID, s.Seconds)
		}
	}
	for _, s := range d.Slides {
		if s.Section == SectionHighlights {
			t.Errorf("highlights slide %s repeats its task; its highlights belong in the task's notes", s.ID)
		}
	}
}

func TestApportion(t *testing.T) {
	for _, c := range []struct {
		n       int
		weights []float64
		counts  []int
		want    []int
	}{
		{4, []float64{1, 2, 1}, []int{3, 3, 3}, []int{1, 2, 1}},
		{2, []float64{1, 2, 1}, []int{3, 3, 3}, []int{1, 1, 0}}, // heaviest first
		{9, []float64{1, 1}, []int{2, 3}, []int{2, 3}},          // never more than there is
		{0, []float64{1}, []int{3}, []int{0}},
	} {
		got := apportion(c.n, c.weights, c.counts)
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("apportion(%d, %v, %v) = %v, want %v", c.n, c.weights, c.counts, got, c.want)
				break
			}
		}
	}
}

// TestSplitDiagramsKeepTheTalk: Train Ticket's domain slides split into
// up to four parts each; its ten-minute talk still has the business view,
// a domain, the stack and the flows before the closing slide (cutting by
// the whole excess at once left the business slide alone).
func TestSplitDiagramsKeepTheTalk(t *testing.T) {
	d := deckOf(t, trainTicket)
	minutes := int(math.Round(float64(d.Duration) / 60))
	sections := map[string]bool{}
	main := 0
	for _, s := range d.Slides {
		if s.ID == "qa" {
			break
		}
		main++
		sections[s.Section] = true
	}
	if main > minutes {
		t.Errorf("%d main slides for %d minutes", main, minutes)
	}
	for _, want := range []string{SectionBusiness, SectionDomains, SectionStack, SectionFlows} {
		if !sections[want] {
			t.Errorf("no %s slide before the closing one (sections %v)", want, sections)
		}
	}
}
