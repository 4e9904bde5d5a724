// Package officetest opens PPTX decks in LibreOffice, as a user's office
// suite would, for the tests of every package that writes them.
package officetest

import (
	"archive/zip"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// PDF converts the PPTX data to PDF with LibreOffice and returns the
// PDF's path and page count. It skips the test loudly when LibreOffice
// or poppler-utils (pdfinfo) is missing: CI installs both. With
// $ARCHDOC_LOOK set, the pages are also written there as PNGs, named
// after the test, for a human to look at.
func PDF(t *testing.T, data []byte) (string, int) {
	t.Helper()
	dir := convert(t, data, "pdf")
	pdf := filepath.Join(dir, "deck.pdf")
	out, err := exec.Command("pdfinfo", pdf).Output()
	if err != nil {
		t.Fatalf("pdfinfo: %v (LibreOffice wrote no PDF?)", err)
	}
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindSubmatch(out)
	if m == nil {
		t.Fatalf("pdfinfo output has no page count:\n%s", out)
	}
	if look := os.Getenv("ARCHDOC_LOOK"); look != "" {
		_ = os.MkdirAll(look, 0o755)
		name := t.Name()[strings.LastIndex(t.Name(), "/")+1:]
		_ = exec.Command("pdftoppm", "-png", "-r", "60", pdf, filepath.Join(look, name)).Run()
	}
	n, _ := strconv.Atoi(string(m[1]))
	return pdf, n
}

// ODP opens the PPTX data in LibreOffice and saves it as OpenDocument:
// it returns the presentation's content.xml and styles.xml, what
// LibreOffice made of the file (which connectors it glued, the sizes of
// the text, the master pages). It skips as PDF does.
func ODP(t *testing.T, data []byte) (content, styles string) {
	t.Helper()
	dir := convert(t, data, "odp")
	zr, err := zip.OpenReader(filepath.Join(dir, "deck.odp"))
	if err != nil {
		t.Fatalf("LibreOffice wrote no ODP: %v", err)
	}
	defer zr.Close()
	read := func(name string) string {
		f, err := zr.Open(name)
		if err != nil {
			t.Fatalf("ODP lacks %s: %v", name, err)
		}
		defer f.Close()
		b, err := io.ReadAll(f)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	return read("content.xml"), read("styles.xml")
}

// convert writes data as deck.pptx in a temporary folder and has
// LibreOffice convert it to the format; it returns the folder.
func convert(t *testing.T, data []byte, format string) string {
	t.Helper()
	soffice := ""
	for _, n := range []string{"soffice", "libreoffice"} {
		if p, err := exec.LookPath(n); err == nil {
			soffice = p
			break
		}
	}
	if soffice == "" {
		t.Skip("LOUD SKIP: LibreOffice (soffice) is not installed; apt-get install libreoffice-impress to run the PPTX conversion test (CI installs it)")
	}
	if _, err := exec.LookPath("pdfinfo"); err != nil {
		t.Skip("LOUD SKIP: pdfinfo (poppler-utils) is not installed; CI installs it")
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "deck.pptx")
	if err := os.WriteFile(in, data, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(soffice, "-env:UserInstallation=file://"+filepath.ToSlash(filepath.Join(dir, "profile")),
		"--headless", "--convert-to", format, "--outdir", dir, in)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	return dir
}
