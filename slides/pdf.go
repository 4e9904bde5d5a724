package slides

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/archdoc/archdoc/internal/chrome"
)

// PDFOptions configure WritePDF.
type PDFOptions struct {
	// Chrome is the browser binary; "" finds one (see chrome.Find).
	Chrome string
}

// WritePDF prints the HTML deck with a headless Chromium: one 16:9 page
// per slide, text kept as text (selectable and searchable).
func WritePDF(ctx context.Context, w io.Writer, d *Deck, opts PDFOptions) error {
	bin, err := chrome.Find(opts.Chrome)
	if err != nil {
		return fmt.Errorf("PDF needs a Chromium or Chrome: %w", err)
	}
	var html bytes.Buffer
	if err := WriteHTML(&html, d, HTMLOptions{}); err != nil {
		return err
	}
	// The deck is loaded from a temporary file (not a data: URL) so large
	// decks work and it behaves exactly as the user's file:// copy.
	dir, err := os.MkdirTemp("", "archdoc-pdf-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	file := filepath.Join(dir, "deck.html")
	if err := os.WriteFile(file, html.Bytes(), 0o600); err != nil {
		return err
	}
	actx, cancel := chrome.NewAllocator(ctx, bin)
	defer cancel()
	bctx, bcancel := chromedp.NewContext(actx)
	defer bcancel()
	if err := chromedp.Do(bctx, chromedp.Navigate("file://"+filepath.ToSlash(file))); err != nil {
		return fmt.Errorf("loading the deck in %s: %w", bin, err)
	}
	// Wait for web fonts to settle so the text layout is final.
	if _, err := chromedp.Run(bctx, chromedp.Evaluate[bool](`document.fonts.ready.then(() => true)`, chromedp.EvalAwaitPromise)); err != nil {
		return fmt.Errorf("waiting for fonts: %w", err)
	}
	// The deck's script titles the page "<title> (n/N)" for the tab; the
	// PDF's title metadata is the deck's title.
	if _, err := chromedp.Run(bctx, chromedp.Evaluate[string](`document.title = `+strconv.Quote(d.Title))); err != nil {
		return fmt.Errorf("titling the PDF: %w", err)
	}
	pdf, err := chromedp.Run(bctx, chromedp.PrintToPDF(func(p *page.PrintToPDFParams) {
		yes := true
		p.PreferCSSPageSize = &yes
		p.PrintBackground = &yes
		p.PaperWidth, p.PaperHeight = 13.333333, 7.5
		zero := 0.0
		p.MarginTop, p.MarginBottom, p.MarginLeft, p.MarginRight = &zero, &zero, &zero, &zero
	}))
	if err != nil {
		return fmt.Errorf("printing to PDF: %w", err)
	}
	_, err = w.Write(pdf)
	return err
}
