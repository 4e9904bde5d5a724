package drawio

import (
	"fmt"
	"hash/fnv"
	"strings"
)

// idSet hands out unique element ids.
type idSet map[string]bool

// slug makes a readable id from a label: its ASCII words, lowercased and
// joined by '-' ("Coupon业务" → "coupon", "Anonymous User" →
// "anonymous-user"). Labels without ASCII words (Chinese names) get the
// prefix and a short hash of the label, stable for as long as the label
// is: "用户中心模块" → "m-" + 6 hex digits.
func slug(name, prefix string) string {
	var words []string
	var cur strings.Builder
	flush := func() {
		if cur.Len() > 0 {
			words = append(words, cur.String())
			cur.Reset()
		}
	}
	for _, r := range name {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			cur.WriteRune(r)
		case r >= 'A' && r <= 'Z':
			cur.WriteRune(r + ('a' - 'A'))
		default:
			flush()
		}
	}
	flush()
	if len(words) > 5 {
		words = words[:5]
	}
	s := strings.Join(words, "-")
	if len(s) > 40 {
		s = strings.TrimRight(s[:40], "-")
	}
	if s == "" || (s[0] >= '0' && s[0] <= '9') {
		h := fnv.New32a()
		h.Write([]byte(name))
		if s == "" {
			return fmt.Sprintf("%s-%06x", prefix, h.Sum32()&0xffffff)
		}
		return prefix + "-" + s
	}
	return s
}

// take returns base, or base-2, base-3 ... whichever is free, and marks it used.
func (ids idSet) take(base string) string {
	id := base
	for n := 2; ids[id]; n++ {
		id = fmt.Sprintf("%s-%d", base, n)
	}
	ids[id] = true
	return id
}
