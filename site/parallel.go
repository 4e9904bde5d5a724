package site

import (
	"bytes"
	"fmt"
	"runtime"
	"sync"
)

// Pages are gathered in order while the site is walked (emit), then
// their templates run on every core (renderPages): at a thousand modules
// a serial walk kept one core busy for seconds. Each page keeps its own
// output, warnings and the diagrams it links to, and those are merged in
// walk order afterwards, so the site is byte for byte the same however
// many workers ran and in whatever order they finished.

// emit queues p to be rendered with the template of the given kind.
func (b *builder) emit(kind string, p *page) error {
	if _, ok := b.pages[kind]; !ok {
		return fmt.Errorf("site: no template for %q pages", kind)
	}
	p.kind = kind
	b.queue = append(b.queue, p)
	return nil
}

// workers is how many pages are rendered at once.
func (b *builder) workers() int {
	if b.cfg.workers > 0 {
		return b.cfg.workers
	}
	return runtime.GOMAXPROCS(0)
}

// renderPages runs the queued pages' templates, then draws the
// standalone SVG of every diagram they show, and adds both to the files.
func (b *builder) renderPages() error {
	pages := b.queue
	b.queue = nil
	errs := make([]error, len(pages))
	b.parallel(len(pages), func(i int) {
		p := pages[i]
		var buf bytes.Buffer
		if err := b.pages[p.kind].ExecuteTemplate(&buf, "layout", p); err != nil {
			errs[i] = fmt.Errorf("site: page %s: %w", p.Path, err)
			return
		}
		p.out = buf.Bytes()
	})
	var views []string // standalone diagrams, in the order pages first show them
	seen := map[string]bool{}
	for i, p := range pages {
		if errs[i] != nil {
			return errs[i]
		}
		b.files[p.Path] = p.out
		b.report.Pages++
		b.report.Warnings = append(b.report.Warnings, p.warnings...)
		for _, id := range p.diagrams {
			if !seen[id] {
				seen[id] = true
				views = append(views, id)
			}
		}
	}
	b.standaloneDiagrams(views)
	return nil
}

// standaloneDiagrams draws each view as its own .svg file, linked from
// the pages that show it (for zooming on a phone or saving).
func (b *builder) standaloneDiagrams(views []string) {
	out := make([][]byte, len(views))
	errs := make([]error, len(views))
	b.parallel(len(views), func(i int) {
		file := diagramFile(views[i])
		out[i], errs[i] = b.svg(b.scenes[views[i]], relTo(file), true)
	})
	for i, id := range views {
		if errs[i] != nil {
			b.report.Warnings = append(b.report.Warnings, id+": "+errs[i].Error())
			continue
		}
		b.files[diagramFile(id)] = out[i]
		b.report.Diagrams++
	}
}

// parallel calls f(0) ... f(n-1) on up to b.workers() goroutines.
func (b *builder) parallel(n int, f func(i int)) { forEach(b.workers(), n, f) }

// forEach calls f(0) ... f(n-1) on up to workers goroutines and returns
// when all have returned.
func forEach(workers, n int, f func(i int)) {
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(workers, n) {
		wg.Go(func() {
			for i := range next {
				f(i)
			}
		})
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}
