package site

import (
	"context"

	"github.com/archdoc/archdoc/internal/uilang"
	"github.com/archdoc/archdoc/model"
	"github.com/archdoc/archdoc/model/delta"
	"github.com/archdoc/archdoc/render"
	"github.com/archdoc/archdoc/render/scene"
)

// since is the model as it was at an earlier revision (build --since).
type since struct {
	rev string
	old *model.Model
}

// WithSince adds a "changes" page, linked from the home page: what
// changed since the model old, as it was at revision rev, with the
// business view before and after, changes marked.
func WithSince(rev string, old *model.Model) Option {
	return func(c *config) { c.since = &since{rev: rev, old: old} }
}

// Ids of the before and after drawings of the changes page.
const (
	sinceBefore = "diff-before"
	sinceAfter  = "diff-after"
)

func (s *since) scenes(ctx context.Context, m *model.Model) ([]*scene.Scene, error) {
	before, after, err := render.DiffScenes(ctx, s.old, m, delta.Compare(s.old, m))
	if err != nil {
		return nil, err
	}
	return []*scene.Scene{before, after}, nil
}

// sinceWords are the changes page's words, kept with the feature.
var sinceWords = map[string]map[string]string{
	"en": {"title": "Changes since ", "added": "Added", "removed": "Removed", "changed": "Changed", "renamed": "Renamed", "was": "was", "none": "Nothing changed.", "before": "Before", "after": "Now"},
	"zh": {"title": "自此版本以来的变化：", "added": "新增", "removed": "移除", "changed": "修改", "renamed": "改名", "was": "原为", "none": "没有变化。", "before": "之前", "after": "现在"},
}

func (b *builder) sinceWords() map[string]string {
	if uilang.IsChinese(b.m.Language) {
		return sinceWords["zh"]
	}
	return sinceWords["en"]
}

type changeGroup struct {
	Title   string
	Changes []delta.Change
}

func (b *builder) changesPage() error {
	s := b.cfg.since
	if s == nil {
		return nil
	}
	w := b.sinceWords()
	p := b.newPage("changes.html", w["title"]+s.rev)
	d := delta.Compare(s.old, b.m)
	var groups []changeGroup
	for _, g := range []changeGroup{{w["added"], d.Added}, {w["removed"], d.Removed}, {w["changed"], d.Changed}, {w["renamed"], d.Renamed}} {
		if len(g.Changes) > 0 {
			groups = append(groups, g)
		}
	}
	p.D = struct {
		Counts string
		Groups []changeGroup
		W      map[string]string
	}{d.Counts(), groups, w}
	return b.emit("changes", p)
}

// ChangesLink is the home page's link to the changes page, when built
// with WithSince.
func (p *page) ChangesLink() *link {
	if p.b.cfg.since == nil {
		return nil
	}
	return &link{Href: "changes.html", Label: p.b.sinceWords()["title"] + p.b.cfg.since.rev}
}
