package uilang

import "testing"

func TestOf(t *testing.T) {
	for _, tc := range []struct {
		tag        string
		ui         string
		translated bool
	}{
		{"", English, true},
		{"en", English, true},
		{"en-GB", English, true},
		{"zh", Chinese, true},
		{"zh-CN", Chinese, true},
		{"ZH-CN", Chinese, true},
		{"zh-cn", Chinese, true},
		{"zh-Hans", Chinese, true},
		{"zh-TW", Chinese, true},
		{"zh-Hant-HK", Chinese, true},
		{"ja", English, false},
		{"fr-FR", English, false},
		{"zhx", English, false}, // another language whose code starts with zh: no false match on the prefix
	} {
		ui, translated := Of(tc.tag)
		if ui != tc.ui || translated != tc.translated {
			t.Errorf("Of(%q) = %q, %v; want %q, %v", tc.tag, ui, translated, tc.ui, tc.translated)
		}
	}
}

// TestTermsSameKeys: every language names every concept.
func TestTermsSameKeys(t *testing.T) {
	for ui, table := range terms {
		for k := range terms[English] {
			if table[k] == "" {
				t.Errorf("%s has no word for %q", ui, k)
			}
		}
		if len(table) != len(terms[English]) {
			t.Errorf("%s has %d terms, English %d", ui, len(table), len(terms[English]))
		}
	}
}
