package layout

import "github.com/archdoc/archdoc/internal/gvcache"

// graphvizCacheDir is where go-graphviz keeps its compiled module (see
// internal/gvcache). Initialising it restores TMPDIR, which gvcache
// pointed at that folder only while go-graphviz started.
var graphvizCacheDir = gvcache.Restore()
