// Package uilang is the one place that decides which language archdoc's
// own words (site frame, deck, diagram titles) are in, from the model's
// language tag.
package uilang

import (
	"strings"

	"golang.org/x/text/language"
)

// The UI languages archdoc has translations for.
const (
	English = "en"
	Chinese = "zh"
)

// Of returns the UI language for a BCP 47 tag, compared case-insensitively
// (zh, zh-CN, ZH-cn, zh-Hans, zh-TW are Chinese), and whether archdoc has a
// translation for it: a tag it has none for (ja, fr) falls back to English
// with translated false, so validate can say so. An empty or unparsable
// tag is English.
func Of(tag string) (ui string, translated bool) {
	tag = strings.TrimSpace(tag)
	if tag == "" {
		return English, true
	}
	t, err := language.Parse(tag)
	if err != nil {
		return English, true // validate reports the malformed tag itself
	}
	switch base, _ := t.Base(); base.String() {
	case Chinese:
		return Chinese, true
	case English:
		return English, true
	}
	return English, false
}

// IsChinese reports whether tag gets the Chinese UI.
func IsChinese(tag string) bool {
	ui, _ := Of(tag)
	return ui == Chinese
}
