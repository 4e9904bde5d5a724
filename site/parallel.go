package site

import (
	"bytes"
	"fmt"
	"runtime"
	"sync"
)

// Pages are gathered in order while the site is walked (emit), then
// their templates run on every core (renderPages): at a thousand modules
// a serial walk kept one core busy for seconds. A page's output goes
// out as soon as it is made; its warnings and the diagrams it links to
// are merged in walk order afterwards, so the site is byte for byte the
// same however many workers ran and in whatever order they finished.

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
// standalone SVG of every diagram they show, and puts both out as they
// are made.
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
		b.out.put(p.Path, buf.Bytes())
	})
	var views []string // standalone diagrams, in the order pages first show them
	seen := map[string]bool{}
	for i, p := range pages {
		if errs[i] != nil {
			return errs[i]
		}
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
	errs := make([]error, len(views))
	b.parallel(len(views), func(i int) {
		file := diagramFile(views[i])
		var out []byte
		if out, errs[i] = b.svg(b.scenes[views[i]], relTo(file), true); errs[i] == nil {
			b.out.put(file, out)
		}
	})
	for i, id := range views {
		if errs[i] != nil {
			b.report.Warnings = append(b.report.Warnings, id+": "+errs[i].Error())
			continue
		}
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
