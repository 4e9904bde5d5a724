// Package words phrases importer summaries and errors for a person:
// counts with the right plural ("1 file", "2 files"), sizes in megabytes
// and YAML parser errors with the file's name and line in front.
package words

import (
	"fmt"
	"strings"

	"github.com/archdoc/archdoc/internal/lazyre"
)

// Count is "1 entity", "2 entities", "0 files".
func Count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// Size is a byte count as a person reads it: "10 MB", "1.5 MB", "512 bytes".
func Size(n int64) string {
	switch {
	case n < 1<<20:
		return Count(int(n), "byte", "bytes")
	case n%(1<<20) == 0:
		return fmt.Sprintf("%d MB", n>>20)
	}
	return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
}

var yamlLine = lazyre.New(`^yaml: line (\d+): `)

// YAMLError puts the file name (and the line, when the parser gives one)
// in front of a YAML parser error instead of Go's "yaml: line 3:"
// prefix: "catalog-info.yaml:3: mapping values are not allowed here".
func YAMLError(name string, err error) error {
	msg := err.Error()
	if m := yamlLine().FindStringSubmatch(msg); m != nil {
		return fmt.Errorf("%s:%s: %s", name, m[1], msg[len(m[0]):])
	}
	return fmt.Errorf("%s: %s", name, strings.TrimPrefix(msg, "yaml: "))
}
