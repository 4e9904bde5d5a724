package delta

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// kindWords is how output names a kind.
var kindWords = map[string]string{"tech": "technology"}

func kindWord(k string) string {
	if w, ok := kindWords[k]; ok {
		return w
	}
	return k
}

// maxValue is how many characters of a field's value text and Markdown
// show; JSON has it all.
const maxValue = 60

func short(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > maxValue {
		return string(r[:maxValue-1]) + "…"
	}
	if s == "" {
		return "(none)"
	}
	return s
}

// Counts reads "2 added, 1 removed, 1 changed, 0 renamed".
func (d *Diff) Counts() string {
	return fmt.Sprintf("%d added, %d removed, %d changed, %d renamed", len(d.Added), len(d.Removed), len(d.Changed), len(d.Renamed))
}

// WriteText writes the diff for a terminal.
func WriteText(w io.Writer, d *Diff) error {
	var b strings.Builder
	if d.Empty() {
		b.WriteString("no differences\n")
	} else {
		b.WriteString(d.Counts() + "\n")
	}
	section := func(title, sign string, cs []Change) {
		if len(cs) == 0 {
			return
		}
		b.WriteString("\n" + title + ":\n")
		for _, c := range cs {
			fmt.Fprintf(&b, "  %s %s %s", sign, kindWord(c.Kind), c.label())
			if c.OldID != "" {
				fmt.Fprintf(&b, ", was %s", c.OldID)
			}
			b.WriteString("\n")
			for _, f := range c.Fields {
				fmt.Fprintf(&b, "      %s: %s → %s\n", f.Name, short(f.Old), short(f.New))
			}
		}
	}
	section("added", "+", d.Added)
	section("removed", "-", d.Removed)
	section("changed", "~", d.Changed)
	section("renamed", ">", d.Renamed)
	_, err := io.WriteString(w, visible(b.String()))
	return err
}

// WriteMarkdown writes the diff for a pull-request comment; model text
// is escaped so it cannot add links, HTML or formatting.
func WriteMarkdown(w io.Writer, d *Diff) error {
	var b strings.Builder
	b.WriteString("### Architecture changes\n\n")
	if d.Empty() {
		b.WriteString("No differences.\n")
		_, err := io.WriteString(w, b.String())
		return err
	}
	b.WriteString(d.Counts() + ".\n")
	section := func(title string, cs []Change) {
		if len(cs) == 0 {
			return
		}
		b.WriteString("\n#### " + title + "\n\n")
		for _, c := range cs {
			fmt.Fprintf(&b, "- %s %s", kindWord(c.Kind), mdEscape(c.label()))
			if c.OldID != "" {
				fmt.Fprintf(&b, ", was `%s`", strings.ReplaceAll(c.OldID, "`", ""))
			}
			b.WriteString("\n")
			for _, f := range c.Fields {
				fmt.Fprintf(&b, "  - %s: %s → %s\n", mdEscape(f.Name), mdEscape(short(f.Old)), mdEscape(short(f.New)))
			}
		}
	}
	section("Added", d.Added)
	section("Removed", d.Removed)
	section("Changed", d.Changed)
	section("Renamed", d.Renamed)
	_, err := io.WriteString(w, visible(b.String()))
	return err
}

// mdEscape backslash-escapes Markdown's punctuation and HTML's < and &.
func mdEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune("\\`*_{}[]()#+-.!|<>&~", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// WriteJSON writes the diff as indented JSON, full values included.
func WriteJSON(w io.Writer, d *Diff) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(d)
}

// visible spells out control characters (other than newlines and tabs)
// so model text cannot drive the terminal.
func visible(s string) string {
	var b strings.Builder
	for _, r := range s {
		if (r < 0x20 && r != '\n' && r != '\t') || r == 0x7f || (r >= 0x80 && r < 0xa0) || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) {
			fmt.Fprintf(&b, "\\u%04x", r)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Summary is one line saying what an option does, for its idea's page:
// "adds MongoDB, vouchers → mongodb; changes 卡券模块 (tech)".
func Summary(d *Diff, zh bool) string {
	w := map[string]string{"adds": "adds ", "removes": "removes ", "changes": "changes ", "renames": "renames ", "sep": ", ", "parts": "; ", "none": "no changes to the architecture"}
	if zh {
		w = map[string]string{"adds": "新增 ", "removes": "移除 ", "changes": "修改 ", "renames": "改名 ", "sep": "、", "parts": "；", "none": "不改变架构"}
	}
	var parts []string
	list := func(verb string, cs []Change, fields bool) {
		if len(cs) == 0 {
			return
		}
		var names []string
		for _, c := range cs {
			n := c.Name
			if n == "" {
				n = c.ID
			}
			if fields && len(c.Fields) > 0 {
				var fs []string
				for _, f := range c.Fields {
					fs = append(fs, f.Name)
				}
				n += " (" + strings.Join(fs, ", ") + ")"
			}
			names = append(names, n)
		}
		parts = append(parts, w[verb]+strings.Join(names, w["sep"]))
	}
	list("adds", d.Added, false)
	list("removes", d.Removed, false)
	list("changes", d.Changed, true)
	list("renames", d.Renamed, false)
	if len(parts) == 0 {
		return w["none"]
	}
	return strings.Join(parts, w["parts"])
}
