// Command gen writes the table named by its argument, the pinyin of each common Han character,
// from github.com/mozillazg/go-pinyin (MIT, see NOTICE). It is its own
// module so that archdoc itself does not depend on the dictionary: run
// `go generate ./internal/pinyin` to refresh the table.
package main

import (
	"bufio"
	"fmt"
	"os"
	"sort"
	"strings"

	pinyin "github.com/mozillazg/go-pinyin"
)

func main() {
	args := pinyin.NewArgs() // Normal style: no tone marks, first reading only
	byReading := map[string][]rune{}
	for r := rune(0x4E00); r <= 0x9FFF; r++ {
		ps := pinyin.SinglePinyin(r, args)
		if len(ps) == 0 || ps[0] == "" {
			continue
		}
		byReading[ps[0]] = append(byReading[ps[0]], r)
	}
	readings := make([]string, 0, len(byReading))
	for p := range byReading {
		readings = append(readings, p)
	}
	sort.Strings(readings)
	f, err := os.Create(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	w := bufio.NewWriter(f)
	fmt.Fprintln(w, "# pinyin (no tones) then the Han characters read so; generated from github.com/mozillazg/go-pinyin, MIT licence")
	for _, p := range readings {
		fmt.Fprintf(w, "%s %s\n", p, strings.TrimSpace(string(byReading[p])))
	}
	if err := w.Flush(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if err := f.Close(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
