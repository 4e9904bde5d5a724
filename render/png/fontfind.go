package png

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"

	"golang.org/x/image/font/sfnt"

	"github.com/archdoc/archdoc/internal/inputfile"
)

// ErrNoFont is matched (errors.Is) by the error Render returns when the
// labels hold CJK text that no available font can draw.
var ErrNoFont = errors.New("no font can draw the labels")

// ErrBadFont is matched by the error Render returns when Options.FontPath
// cannot be read or is not a font.
var ErrBadFont = errors.New("unusable font file")

// NoFontError says which runes could not be drawn and what was tried.
type NoFontError struct {
	Missing []rune   // runes no font had, in first-seen order
	Font    string   // Options.FontPath when the user chose the font
	Tried   []string // font files looked at when searching
}

func (e *NoFontError) Error() string {
	sample := e.Missing
	if len(sample) > 12 {
		sample = sample[:12]
	}
	if e.Font != "" {
		return fmt.Sprintf("png: font %s cannot draw %q: pass --font with a CJK font (e.g. NotoSansCJK-Regular.ttc, SourceHanSansSC, msyh.ttc)",
			e.Font, string(sample))
	}
	return fmt.Sprintf("png: no installed font can draw %q (looked at %d font files): install a CJK font "+
		"(Debian/Ubuntu: apt-get install fonts-noto-cjk; Fedora: dnf install google-noto-sans-cjk-fonts; "+
		"Alpine: apk add font-noto-cjk) or pass --font FILE", string(sample), len(e.Tried))
}

// Is makes errors.Is(err, ErrNoFont) true.
func (e *NoFontError) Is(target error) bool { return target == ErrNoFont }

// knownCJK lists font file name prefixes (lower case) in order of
// preference: Simplified Chinese sans faces first, serif and broad
// fallbacks last.
var knownCJK = []string{
	"notosanscjk", "notosanssc", "sourcehansanssc", "sourcehansans", "pingfang", "msyh",
	"wqy-microhei", "wqy-zenhei", "simhei", "hiragino sans gb", "stheiti", "droidsansfallback",
	"notoserifcjk", "notoserifsc", "sourcehanserif", "simsun", "ukai", "uming",
}

// fontSearch is how candidates are found; tests replace it.
var fontSearch = struct {
	dirs   func() []string
	fcList func() []string
}{defaultFontDirs, fcListZh}

var candidates struct {
	sync.Mutex
	done  bool
	paths []string
}

func defaultFontDirs() []string {
	home, _ := os.UserHomeDir()
	dirs := []string{"/usr/share/fonts", "/usr/local/share/fonts"}
	if home != "" {
		dirs = append(dirs, filepath.Join(home, ".fonts"), filepath.Join(home, ".local/share/fonts"))
	}
	switch runtime.GOOS {
	case "darwin":
		dirs = append(dirs, "/System/Library/Fonts", "/Library/Fonts")
		if home != "" {
			dirs = append(dirs, filepath.Join(home, "Library/Fonts"))
		}
	case "windows":
		windir := os.Getenv("WINDIR")
		if windir == "" {
			windir = `C:\Windows`
		}
		dirs = append(dirs, filepath.Join(windir, "Fonts"))
		if local := os.Getenv("LOCALAPPDATA"); local != "" {
			dirs = append(dirs, filepath.Join(local, `Microsoft\Windows\Fonts`))
		}
	}
	return dirs
}

// fcListZh asks fontconfig for fonts declaring Chinese coverage. fc-match
// alone is not enough: it returns its best guess (often DejaVu) even when
// that font has no ideographs.
func fcListZh() []string {
	path, err := exec.LookPath("fc-list")
	if err != nil {
		return nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, path, ":lang=zh", "file").Output()
	if err != nil {
		return nil
	}
	var files []string
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		if f := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(sc.Text()), ":")); f != "" {
			files = append(files, f)
		}
	}
	return files
}

func isFontFile(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".ttf", ".otf", ".ttc", ".otc":
		return true
	}
	return false
}

// fontRank orders candidates: known CJK families by preference, regular
// weights before bold or light ones, unknown files last.
func fontRank(path string) int {
	base := strings.ToLower(filepath.Base(path))
	rank := len(knownCJK) * 10
	for i, k := range knownCJK {
		if strings.HasPrefix(base, k) {
			rank = i * 10
			break
		}
	}
	for _, w := range []string{"bold", "black", "heavy", "light", "thin", "medium", "semibold"} {
		if strings.Contains(base, w) {
			return rank + 5
		}
	}
	return rank
}

func scanDirs(dirs []string) []string {
	var files []string
	for _, dir := range dirs {
		_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil // unreadable folders are simply skipped
			}
			if isFontFile(p) && fontRank(p) < len(knownCJK)*10 && isRegularFile(p, d) {
				files = append(files, p)
			}
			return nil
		})
	}
	return files
}

// isRegularFile accepts files and symlinks to files (font packages often
// link into /usr/share/fonts); linked folders are not followed.
func isRegularFile(p string, d fs.DirEntry) bool {
	if d.Type()&fs.ModeSymlink != 0 {
		info, err := os.Stat(p)
		return err == nil && info.Mode().IsRegular()
	}
	return d.Type().IsRegular()
}

// candidatePaths lists CJK font files, best first, found once per process.
func candidatePaths() []string {
	candidates.Lock()
	defer candidates.Unlock()
	if !candidates.done {
		seen := map[string]bool{}
		var all []string
		for _, p := range append(fontSearch.fcList(), scanDirs(fontSearch.dirs())...) {
			if isFontFile(p) && !seen[p] {
				seen[p] = true
				all = append(all, p)
			}
		}
		slices.SortFunc(all, func(a, b string) int {
			if ra, rb := fontRank(a), fontRank(b); ra != rb {
				return ra - rb
			}
			return strings.Compare(a, b)
		})
		candidates.paths, candidates.done = all, true
	}
	return candidates.paths
}

// resetFontSearch forgets found candidates and parsed fonts (tests).
func resetFontSearch() {
	candidates.Lock()
	candidates.done, candidates.paths = false, nil
	candidates.Unlock()
	loaded.Lock()
	loaded.m = nil
	loaded.Unlock()
}

var loaded struct {
	sync.Mutex
	m map[string]*sfnt.Font
}

// loadFont parses a .ttf/.otf or a collection (.ttc/.otc), picking the
// Simplified Chinese face of a collection such as Noto Sans CJK. Parsed
// fonts are kept for the process: CJK files are tens of megabytes.
func loadFont(path string) (*sfnt.Font, error) {
	loaded.Lock()
	defer loaded.Unlock()
	if f, ok := loaded.m[path]; ok {
		return f, nil
	}
	data, err := readFont(path)
	if err != nil {
		return nil, err
	}
	coll, err := sfnt.ParseCollection(data)
	if err != nil {
		return nil, fmt.Errorf("not a TrueType/OpenType font or collection: %v", err)
	}
	f, err := pickFace(coll)
	if err != nil {
		return nil, err
	}
	if loaded.m == nil {
		loaded.m = map[string]*sfnt.Font{}
	}
	loaded.m[path] = f
	return f, nil
}

// readFont reads a font file, refusing anything but a regular file: a
// --font naming a named pipe would block for ever.
func readFont(path string) ([]byte, error) {
	f, err := inputfile.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(f)
}

// pickFace prefers a collection's Simplified Chinese, proportional face
// (Noto Sans CJK SC rather than JP or Mono).
func pickFace(coll *sfnt.Collection) (*sfnt.Font, error) {
	var best *sfnt.Font
	bestScore := -1
	var buf sfnt.Buffer
	for i := 0; i < coll.NumFonts(); i++ {
		f, err := coll.Font(i)
		if err != nil {
			continue
		}
		name, _ := f.Name(&buf, sfnt.NameIDFamily)
		score := 0
		if strings.HasSuffix(name, " SC") || strings.Contains(name, " SC ") || strings.Contains(name, "GB") {
			score += 2
		}
		if !strings.Contains(name, "Mono") {
			score++
		}
		if score > bestScore {
			best, bestScore = f, score
		}
	}
	if best == nil {
		return nil, errors.New("collection holds no usable font")
	}
	return best, nil
}

// isCJK reports runes whose absence is an error rather than a box: the
// scripts a Chinese/Japanese/Korean label is written in.
func isCJK(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul, unicode.Bopomofo) ||
		(r >= 0x3000 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFFEF)
}

// cjkFont finds a font for the runes Go Regular lacks: the user's font
// when given, else the best-ranked candidate that has every CJK rune
// among them. It returns the font and its file. Other runes (symbols,
// emoji) are best effort: a box is drawn where no font has them, and
// Render reports them through Options.Warn.
func cjkFont(need []rune, override string) (*sfnt.Font, string, error) {
	cjk := filterRunes(need, isCJK)
	if override != "" {
		f, err := loadFont(override)
		if err != nil {
			// The path is already in the message: say only what is wrong.
			return nil, "", fmt.Errorf("png: --font %s: %w: %s", override, ErrBadFont, inputfile.Problem(err))
		}
		if miss := missing(f, cjk); len(miss) > 0 {
			return nil, "", &NoFontError{Missing: miss, Font: override}
		}
		return f, override, nil
	}
	paths := candidatePaths()
	bestMiss := cjk
	for _, p := range paths {
		f, err := loadFont(p)
		if err != nil {
			continue // a broken file on the system is not the user's problem
		}
		miss := missing(f, cjk)
		if len(miss) == 0 {
			return f, p, nil
		}
		if len(miss) < len(bestMiss) {
			bestMiss = miss
		}
	}
	if len(cjk) == 0 {
		return nil, "", nil
	}
	return nil, "", &NoFontError{Missing: bestMiss, Tried: paths}
}

// missing lists the runes of need that f lacks.
func missing(f *sfnt.Font, need []rune) []rune {
	var buf sfnt.Buffer
	var out []rune
	for _, r := range need {
		if !hasGlyph(f, &buf, r) {
			out = append(out, r)
		}
	}
	return out
}

func filterRunes(rs []rune, keep func(rune) bool) []rune {
	var out []rune
	for _, r := range rs {
		if keep(r) {
			out = append(out, r)
		}
	}
	return out
}
