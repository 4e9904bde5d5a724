package words

import (
	"errors"
	"testing"
)

func TestCount(t *testing.T) {
	for _, tc := range []struct {
		n    int
		want string
	}{{0, "0 files"}, {1, "1 file"}, {2, "2 files"}} {
		if got := Count(tc.n, "file", "files"); got != tc.want {
			t.Errorf("Count(%d) = %q, want %q", tc.n, got, tc.want)
		}
	}
}

func TestSize(t *testing.T) {
	for n, want := range map[int64]string{1: "1 byte", 512: "512 bytes", 10 << 20: "10 MB", 3 << 19: "1.5 MB"} {
		if got := Size(n); got != want {
			t.Errorf("Size(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestYAMLError(t *testing.T) {
	for msg, want := range map[string]string{
		"yaml: line 3: mapping values are not allowed in this context": "c.yaml:3: mapping values are not allowed in this context",
		"yaml: control characters are not allowed":                     "c.yaml: control characters are not allowed",
	} {
		if got := YAMLError("c.yaml", errors.New(msg)).Error(); got != want {
			t.Errorf("YAMLError(%q) = %q, want %q", msg, got, want)
		}
	}
}
