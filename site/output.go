package site

import "sync"

// output is where a build puts the site's files as it makes them: in
// memory for Render (serve writes them itself), or straight into the new
// folder for Build (newSite), so a thousand-module site (4,000 files,
// 125 MB) is never held whole. put is safe for concurrent use: pages
// are written as their templates finish.
type output interface {
	put(name string, data []byte)
	has(name string) bool
	len() int
}

// memOutput keeps the files in memory.
type memOutput struct {
	mu    sync.Mutex
	files map[string][]byte
}

func newMemOutput() *memOutput { return &memOutput{files: map[string][]byte{}} }

func (o *memOutput) put(name string, data []byte) {
	o.mu.Lock()
	o.files[name] = data
	o.mu.Unlock()
}

func (o *memOutput) has(name string) bool {
	o.mu.Lock()
	defer o.mu.Unlock()
	_, ok := o.files[name]
	return ok
}

func (o *memOutput) len() int {
	o.mu.Lock()
	defer o.mu.Unlock()
	return len(o.files)
}
