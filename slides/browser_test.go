package slides

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/archdoc/archdoc/internal/chrome"
)

// browser starts a headless Chromium for the test, or skips loudly.
func browser(t *testing.T) context.Context {
	t.Helper()
	bin, err := chrome.Find("")
	if err != nil {
		t.Skip("LOUD SKIP: no Chromium/Chrome installed (apt-get install chromium); CI installs it: ", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	t.Cleanup(cancel)
	actx, acancel := chrome.NewAllocator(ctx, bin, chromedp.WindowSize(1280, 720))
	t.Cleanup(acancel)
	bctx, bcancel := chromedp.NewContext(actx)
	t.Cleanup(bcancel)
	return bctx
}

// pageWatch records what the page does that a self-contained deck must not.
type pageWatch struct {
	mu       sync.Mutex
	problems []string
	requests []string
}

func (w *pageWatch) add(list *[]string, s string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	*list = append(*list, s)
}

func watch(t *testing.T, ctx context.Context) *pageWatch {
	t.Helper()
	w := &pageWatch{}
	if err := chromedp.Listen(ctx, func(ev any) {
		switch ev := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
				w.add(&w.problems, fmt.Sprintf("console.%s: %v", ev.Type, ev.Args))
			}
		case *runtime.EventExceptionThrown:
			w.add(&w.problems, fmt.Sprintf("exception: %s %v", ev.ExceptionDetails.Text, ev.ExceptionDetails.Exception))
		case *cdplog.EventEntryAdded:
			if ev.Entry.Level == cdplog.EntryLevelError {
				w.add(&w.problems, "log: "+ev.Entry.Text+" "+ev.Entry.URL)
			}
		case *network.EventRequestWillBeSent:
			w.add(&w.requests, ev.Request.URL)
		}
	}); err != nil {
		t.Fatal(err)
	}
	for _, step := range []chromedp.Action[chromedp.Void]{
		chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
			_, err := chromedp.Call(ctx, network.Enable, network.EnableParams{})
			return err
		}),
		chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
			_, err := chromedp.Call(ctx, cdplog.Enable, cdp.Empty{})
			return err
		}),
	} {
		if err := chromedp.Do(ctx, step); err != nil {
			t.Fatal(err)
		}
	}
	return w
}

func (w *pageWatch) check(t *testing.T) {
	t.Helper()
	w.mu.Lock()
	defer w.mu.Unlock()
	for _, p := range w.problems {
		t.Errorf("page problem: %s", p)
	}
	for _, u := range w.requests {
		if !strings.HasPrefix(u, "file://") && !strings.HasPrefix(u, "data:") && u != "about:blank" {
			t.Errorf("request leaves the file: %s", u)
		}
	}
	if len(w.requests) == 0 {
		t.Error("no request seen at all: the network watch is not working")
	}
}

func evalString(t *testing.T, ctx context.Context, js string) string {
	t.Helper()
	s, err := chromedp.Run(ctx, chromedp.Evaluate[string](js))
	if err != nil {
		t.Fatalf("%s: %v", js, err)
	}
	return s
}

func writeDeckFile(t *testing.T, d *Deck) string {
	t.Helper()
	var b bytes.Buffer
	if err := WriteHTML(&b, d, HTMLOptions{}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "deck.html")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// state is "hash|current frame index|body class".
const stateJS = `location.hash + "|" + document.querySelector(".frame.current").dataset.index + "|" + document.body.className`

func TestHTMLDeckInBrowser(t *testing.T) {
	ctx := browser(t)
	d := buildCase(t, deckCases[0])
	n := len(d.Slides)
	path := writeDeckFile(t, d)
	w := watch(t, ctx)
	if err := chromedp.Do(ctx, chromedp.Navigate("file://"+path)); err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		key  string
		want string
	}{
		{"", "#/1|1|"},
		{kb.ArrowRight, "#/2|2|"},
		{kb.ArrowRight, "#/3|3|"},
		{" ", "#/4|4|"},
		{kb.ArrowLeft, "#/3|3|"},
		{kb.End, fmt.Sprintf("#/%d|%d|", n, n)},
		{kb.Home, "#/1|1|"},
		{kb.PageDown, "#/2|2|"},
		{"o", "#/2|2|overview"},
		{kb.Escape, "#/2|2|"},
	}
	for _, s := range steps {
		if s.key != "" {
			if err := chromedp.Do(ctx, chromedp.KeyEvent(s.key)); err != nil {
				t.Fatal(err)
			}
		}
		if got := evalString(t, ctx, stateJS); got != s.want {
			t.Errorf("after key %q: state %q, want %q", s.key, got, s.want)
		}
	}
	// The overview shows every slide as a thumbnail; clicking one opens it.
	if err := chromedp.Do(ctx, chromedp.KeyEvent("o")); err != nil {
		t.Fatal(err)
	}
	visible := evalString(t, ctx, `String([...document.querySelectorAll(".frame")].filter(f => f.getBoundingClientRect().width > 100).length)`)
	if visible != strconv.Itoa(n) {
		t.Errorf("overview shows %s thumbnails, want %d", visible, n)
	}
	look(t, ctx, "overview")
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#frame-5"))); err != nil {
		t.Fatal(err)
	}
	if got := evalString(t, ctx, stateJS); got != "#/5|5|" {
		t.Errorf("after clicking thumbnail 5: %q", got)
	}
	// A click on the right of the slide moves on.
	if err := chromedp.Do(ctx, chromedp.MouseClickXY(1000, 400)); err != nil {
		t.Fatal(err)
	}
	if got := evalString(t, ctx, stateJS); got != "#/6|6|" {
		t.Errorf("after clicking the slide: %q", got)
	}
	look(t, ctx, "slide6")
	w.check(t)
}

func TestHTMLDeckDeepLinkAndPresenter(t *testing.T) {
	ctx := browser(t)
	d := buildCase(t, deckCases[0])
	path := writeDeckFile(t, d)
	w := watch(t, ctx)
	if err := chromedp.Do(ctx, chromedp.Navigate("file://"+path+"#/4")); err != nil {
		t.Fatal(err)
	}
	if got := evalString(t, ctx, stateJS); got != "#/4|4|" {
		t.Errorf("deep link #/4: state %q", got)
	}
	// The presenter view: slide 2 (whose notes come from presentation.notes), the next slide, a timer.
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank"), chromedp.Navigate("file://"+path+"#presenter/2")); err != nil {
		t.Fatal(err)
	}
	got := evalString(t, ctx, `[document.body.className, document.getElementById("p-notes").textContent.trim(),
		document.querySelector("#p-current .slide").dataset.id, document.querySelector("#p-next .slide").dataset.id,
		document.getElementById("p-total").textContent, document.getElementById("p-slide-time").textContent].join("|")`)
	want := "presenter|从左到右讲：用户 → 前台 → 后台。|business|domain-front|10:00|本页 00:00 / 01:07"
	if got != want {
		t.Errorf("presenter view:\n got %s\nwant %s", got, want)
	}
	if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.ArrowRight)); err != nil {
		t.Fatal(err)
	}
	if got := evalString(t, ctx, `location.hash + "|" + document.querySelector("#p-current .slide").dataset.id`); got != "#presenter/3|domain-front" {
		t.Errorf("presenter after →: %q", got)
	}
	look(t, ctx, "presenter")
	w.check(t)
}

// look saves a screenshot under $ARCHDOC_LOOK for a human to view.
func look(t *testing.T, ctx context.Context, name string) {
	dir := os.Getenv("ARCHDOC_LOOK")
	if dir == "" {
		return
	}
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Logf("screenshot: %v", err)
		return
	}
	_ = os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644)
}

func TestPDF(t *testing.T) {
	if _, err := chrome.Find(""); err != nil {
		t.Skip("LOUD SKIP: no Chromium/Chrome installed (apt-get install chromium); CI installs it: ", err)
	}
	for _, tool := range []string{"pdfinfo", "pdftotext"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skip("LOUD SKIP: " + tool + " (poppler-utils) not installed; CI installs it")
		}
	}
	d := buildCase(t, deckCases[0])
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	var b bytes.Buffer
	if err := WritePDF(ctx, &b, d, PDFOptions{}); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "deck.pdf")
	if err := os.WriteFile(file, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	info, err := exec.Command("pdfinfo", file).Output()
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindSubmatch(info)
	if m == nil || string(m[1]) != strconv.Itoa(len(d.Slides)) {
		t.Errorf("PDF pages: %s, want %d\n%s", m, len(d.Slides), info)
	}
	if title := regexp.MustCompile(`(?m)^Title:\s+(.*)$`).FindSubmatch(info); title == nil || string(title[1]) != d.Title {
		t.Errorf("PDF title metadata %q, want the deck's title %q", title, d.Title)
	}
	if !regexp.MustCompile(`(?m)^Page size:\s+960 x 540 pts`).Match(info) {
		t.Errorf("PDF page size is not 16:9 (960 x 540 pt):\n%s", info)
	}
	text, err := exec.Command("pdftotext", file, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"积分商城", "卡券系统的改进", "重构数据库"} {
		if !strings.Contains(string(text), want) {
			t.Errorf("PDF text lacks %q (not selectable?)", want)
		}
	}
	if dir := os.Getenv("ARCHDOC_LOOK"); dir != "" {
		_ = os.WriteFile(filepath.Join(dir, "deck.pdf"), b.Bytes(), 0o644)
	}
}

func TestPDFWithoutBrowserSaysHowToGetOne(t *testing.T) {
	d := buildCase(t, deckCases[1])
	err := WritePDF(context.Background(), &bytes.Buffer{}, d, PDFOptions{Chrome: filepath.Join(t.TempDir(), "nochrome")})
	if err == nil || !strings.Contains(err.Error(), "Chromium") || !strings.Contains(err.Error(), "--chrome") {
		t.Fatalf("err = %v", err)
	}
}

// TestPresenterWindowFollows opens the presenter window with p and checks
// that moving in the audience window moves the presenter view, and back.
func TestPresenterWindowFollows(t *testing.T) {
	ctx := browser(t)
	d := buildCase(t, deckCases[0])
	path := writeDeckFile(t, d)
	if err := chromedp.Do(ctx, chromedp.Navigate("file://"+path+"#/2")); err != nil {
		t.Fatal(err)
	}
	pctx := pressP(t, ctx)
	presenterAt := func(want string) {
		t.Helper()
		deadline := time.Now().Add(10 * time.Second)
		got := ""
		for time.Now().Before(deadline) {
			got, _ = chromedp.Run(pctx, chromedp.Evaluate[string](`document.body && document.body.className + "|" + location.hash`))
			if got == want {
				return
			}
			time.Sleep(50 * time.Millisecond)
		}
		t.Errorf("presenter window: %q, want %q", got, want)
	}
	presenterAt("presenter|#presenter/2")
	if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.ArrowRight)); err != nil {
		t.Fatal(err)
	}
	presenterAt("presenter|#presenter/3")
	// And the other way: moving in the presenter window moves the audience.
	if err := chromedp.Do(pctx, chromedp.KeyEvent(kb.End)); err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf("#/%d", len(d.Slides))
	deadline := time.Now().Add(10 * time.Second)
	got := ""
	for time.Now().Before(deadline) && got != want {
		got = evalString(t, ctx, `location.hash`)
		time.Sleep(50 * time.Millisecond)
	}
	if got != want {
		t.Errorf("audience window after End in the presenter: %q, want %q", got, want)
	}
}

// pressP presses p in the deck of ctx and returns the presenter window
// it opens.
func pressP(t *testing.T, ctx context.Context) context.Context {
	t.Helper()
	opened := chromedp.WaitNewTarget(ctx, func(info *target.Info) bool {
		return strings.Contains(info.URL, "#presenter")
	})
	if err := chromedp.Do(ctx, chromedp.KeyEvent("p")); err != nil {
		t.Fatal(err)
	}
	var id target.ID
	select {
	case id = <-opened:
	case <-time.After(20 * time.Second):
		t.Fatal("p opened no presenter window")
	}
	pctx, cancel := chromedp.NewContext(ctx, chromedp.WithTargetID(id))
	t.Cleanup(cancel)
	return pctx
}

// TestHTMLDeckSwipe swipes left and right on a touch screen.
func TestHTMLDeckSwipe(t *testing.T) {
	ctx := browser(t)
	path := writeDeckFile(t, buildCase(t, deckCases[0]))
	w := watch(t, ctx)
	defer w.check(t)
	if err := chromedp.Do(ctx, chromedp.Navigate("file://"+path+"#/3")); err != nil {
		t.Fatal(err)
	}
	swipe := func(fromX, toX float64) {
		t.Helper()
		send := func(typ input.DispatchTouchEventType, pts ...*input.TouchPoint) {
			if pts == nil {
				pts = []*input.TouchPoint{}
			}
			if _, err := chromedp.Call(ctx, input.DispatchTouchEvent, input.DispatchTouchEventParams{Type: typ, TouchPoints: pts}); err != nil {
				t.Fatal(err)
			}
		}
		send(input.DispatchTouchEventTypeTouchStart, &input.TouchPoint{X: fromX, Y: 400})
		send(input.DispatchTouchEventTypeTouchMove, &input.TouchPoint{X: (fromX + toX) / 2, Y: 405})
		send(input.DispatchTouchEventTypeTouchMove, &input.TouchPoint{X: toX, Y: 410})
		send(input.DispatchTouchEventTypeTouchEnd)
	}
	swipe(1000, 300) // finger moves left: next slide
	if got := evalString(t, ctx, stateJS); got != "#/4|4|" {
		t.Errorf("after swiping left: %q, want #/4", got)
	}
	swipe(300, 1000)
	swipe(300, 1000)
	if got := evalString(t, ctx, stateJS); got != "#/2|2|" {
		t.Errorf("after swiping right twice: %q, want #/2", got)
	}
}

// TestHTMLDeckShrinksLongText: a slide with more text than fits gets a
// smaller font instead of text cut off at the bottom.
func TestHTMLDeckShrinksLongText(t *testing.T) {
	ctx := browser(t)
	var body strings.Builder
	for i := 0; i < 20; i++ {
		fmt.Fprintf(&body, "- 第 %d 条：一段比较长的说明文字，用来把这一页撑满。\n", i+1)
	}
	d := &Deck{Title: "长", Lang: "zh-CN", Slides: []Slide{{ID: "long", Layout: LayoutContent, Title: "很长的一页", Body: body.String()}}}
	path := writeDeckFile(t, d)
	if err := chromedp.Do(ctx, chromedp.Navigate("file://"+path)); err != nil {
		t.Fatal(err)
	}
	got := evalString(t, ctx, `(() => { const b = document.querySelector(".frame.current .body");
		return [b.scrollHeight <= b.clientHeight + 1, parseFloat(getComputedStyle(b).fontSize) < 26].join(","); })()`)
	if got != "true,true" {
		t.Errorf("long slide: fits,shrunk = %s, want true,true", got)
	}
}
