package model

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/runenames"
)

// didYouMean returns ` (did you mean "x"?)` naming the candidate closest to
// word, or "" when none is close enough to be a likely typo.
func didYouMean(word string, candidates []string) string {
	if s := closest(word, candidates); s != "" {
		return " (did you mean " + strconv.Quote(s) + "?" + lookAlikes(word, s) + ")"
	}
	return ""
}

// lookAlikes names the characters of word that are not the ASCII letters
// of the same-length candidate they stand for ("uѕer" for "user"): such a
// word looks exactly like the suggestion, so the message must say why it
// differs.
func lookAlikes(word, candidate string) string {
	w, c := []rune(word), []rune(candidate)
	if len(w) != len(c) {
		return ""
	}
	var named []string
	for i := range w {
		if w[i] == c[i] {
			continue
		}
		if w[i] < utf8.RuneSelf || c[i] >= utf8.RuneSelf {
			return "" // an ordinary typo
		}
		named = append(named, fmt.Sprintf("%U %s where %q has %q", w[i], runenames.Name(w[i]), candidate, c[i]))
	}
	if len(named) == 0 {
		return ""
	}
	return " " + strconv.Quote(word) + " has " + strings.Join(named, ", ")
}

// closest returns the candidate with the smallest edit distance to word,
// if that distance is small for the word's length; ties go to the
// alphabetically first candidate so messages are stable.
func closest(word string, candidates []string) string {
	w := []rune(word)
	limit := 1 + len(w)/4
	if limit > 3 {
		limit = 3
	}
	best, bestDist := "", limit+1
	for _, c := range candidates {
		if c == word || abs(utf8.RuneCountInString(c)-len(w)) > limit {
			continue // the distance is at least the difference in length
		}
		d := editDistance(w, []rune(c))
		if d < bestDist || (d == bestDist && c < best) {
			best, bestDist = c, d
		}
	}
	return best
}

// editDistance is the optimal string alignment distance: insertions,
// deletions, substitutions and swaps of neighbours ("centre"/"center",
// "nmae"/"name") each cost one.
func editDistance(a, b []rune) int {
	if len(a) > 64 || len(b) > 64 {
		// Long strings are not typos of each other; keep this cheap.
		if string(a) == string(b) {
			return 0
		}
		return 1 << 20
	}
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// DidYouMean is didYouMean for messages outside the model's own checks
// (an unknown view id on the command line).
func DidYouMean(word string, candidates []string) string { return didYouMean(word, candidates) }
