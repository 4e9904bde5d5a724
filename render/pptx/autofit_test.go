package pptx

import (
	"strings"
	"testing"
)

func TestAutofitShrinksOnlyWhatOverflows(t *testing.T) {
	short := []Paragraph{{Runs: []Run{{Text: "一行"}}}}
	if got := autofit(short, bodyW, bodyH); got != `<a:normAutofit/>` {
		t.Errorf("short text: %s, want plain normAutofit", got)
	}
	var long []Paragraph
	for i := 0; i < 30; i++ {
		long = append(long, Paragraph{Bullet: true, Runs: []Run{{Text: strings.Repeat("很长的说明文字", 6)}}})
	}
	got := autofit(long, bodyW, bodyH)
	if !strings.Contains(got, `fontScale="`) {
		t.Fatalf("30 long bullets: %s, want a fontScale", got)
	}
	half := autofit(long[:12], bodyW, bodyH)
	if half == got || !strings.Contains(half, "fontScale") {
		t.Errorf("12 long bullets should shrink less than 30: %s vs %s", half, got)
	}
}
