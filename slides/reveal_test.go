package slides

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/archdoc/archdoc/internal/chrome"
	"github.com/archdoc/archdoc/model"
)

// slideIndex is the 1-based position of the slide with id in d.
func slideIndex(t *testing.T, d *Deck, id string) int {
	t.Helper()
	for i, s := range d.Slides {
		if s.ID == id {
			return i + 1
		}
	}
	t.Fatalf("no slide %q in the deck", id)
	return 0
}

// TestExampleBuildSteps: the example's business slide builds up as the
// talk tells it (who uses it, each domain, then the flows between them)
// and a flow's slides message by message; other slides show whole.
func TestExampleBuildSteps(t *testing.T) {
	d := exampleDeck(t, "cashback")
	var captions []string
	for _, st := range d.Slides[slideIndex(t, d, "business")-1].Steps {
		captions = append(captions, st.Caption)
	}
	want := []string{"Anonymous User、User、商家 / 联盟平台", "前台", "后台", "数据模块", "数据流"}
	if !slices.Equal(captions, want) {
		t.Errorf("business slide steps:\n got %q\nwant %q", captions, want)
	}
	flow := d.Slides[slideIndex(t, d, "flow-plugin-click-out")-1]
	if sc := d.Scene(flow); len(flow.Steps) != len(sc.Edges)+1 || len(flow.Steps[0].Edges) != 0 {
		t.Errorf("flow slide: %d steps for %d messages, first %+v", len(flow.Steps), len(sc.Edges), flow.Steps[0])
	} else if got := flow.Steps[1].Caption; !strings.HasPrefix(got, "1. ") || !strings.Contains(got, " → ") {
		t.Errorf("flow step 1 caption %q, want \"1. from → to：label\"", got)
	}
	for _, s := range d.Slides {
		if len(s.Steps) > 0 && s.Section != SectionBusiness && s.Section != SectionFlows {
			t.Errorf("slide %s (%s) builds up; only the business and flow slides do", s.ID, s.Section)
		}
	}
}

// TestRevealOff: presentation.reveal: false leaves every diagram whole,
// and the HTML deck then has nothing to build.
func TestRevealOff(t *testing.T) {
	count := func(m *model.Model) (steps, builds int) {
		d, err := Build(m, shopScenes())
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range d.Slides {
			steps += len(s.Steps)
		}
		var b bytes.Buffer
		if err := WriteHTML(&b, d, HTMLOptions{}); err != nil {
			t.Fatal(err)
		}
		return steps, strings.Count(b.String(), "data-build=")
	}
	if steps, builds := count(shopModel()); steps == 0 || builds == 0 {
		t.Fatalf("by default the shop deck has %d steps and %d slides that build; want some", steps, builds)
	}
	m := shopModel()
	off := false
	m.Presentation.Reveal = &off
	if steps, builds := count(m); steps != 0 || builds != 0 {
		t.Errorf("reveal: false: %d steps, %d slides that build; want none", steps, builds)
	}
}

// visibleJS lists what the current slide's diagram shows: the ids of its
// boxes and containers and of its arrows whose visibility is not hidden.
const visibleJS = `(() => {
  const f = document.querySelector(".frame.current");
  const ids = sel => [...f.querySelectorAll(sel)].filter(e => getComputedStyle(e).visibility !== "hidden").map(e => e.dataset.id).sort();
  return JSON.stringify({hash: location.hash, nodes: ids("svg .clusters > [data-id], svg .nodes > [data-id]"), edges: ids("svg .edges > [data-id]")});
})()`

type shown struct {
	Hash  string   `json:"hash"`
	Nodes []string `json:"nodes"`
	Edges []string `json:"edges"`
}

// upTo is what slide s of d shows at step k of its build: all of it past
// the end, or when it does not build up.
func upTo(d *Deck, s Slide, k int, hash string) shown {
	out := shown{Hash: hash, Nodes: []string{}, Edges: []string{}}
	for i, st := range s.Steps {
		if i <= k {
			out.Nodes = append(out.Nodes, st.Nodes...)
			out.Edges = append(out.Edges, st.Edges...)
		}
	}
	if sc := d.Scene(s); sc != nil && (len(s.Steps) == 0 || k >= len(s.Steps)) {
		out.Nodes, out.Edges = []string{}, []string{}
		for _, c := range sc.Clusters {
			out.Nodes = append(out.Nodes, c.ID)
		}
		for _, n := range sc.Nodes {
			out.Nodes = append(out.Nodes, n.ID)
		}
		for _, e := range sc.Edges {
			out.Edges = append(out.Edges, e.ID)
		}
	}
	slices.Sort(out.Nodes)
	slices.Sort(out.Edges)
	return out
}

func (s shown) String() string {
	return fmt.Sprintf("%s nodes=%v edges=%v", s.Hash, s.Nodes, s.Edges)
}

// TestHTMLDeckRevealsStepByStep presses the keys a presenter presses and
// checks, in a real browser, what the business and a flow slide show at
// each step, that the presenter view follows with its step list, and
// that ?reveal=0 shows the diagrams whole.
func TestHTMLDeckRevealsStepByStep(t *testing.T) {
	ctx := browser(t)
	d := exampleDeck(t, "cashback")
	path := writeDeckFile(t, d)
	w := watch(t, ctx)
	biz := slideIndex(t, d, "business")
	business := d.Slides[biz-1]
	if len(business.Steps) < 3 {
		t.Fatalf("business slide has %d steps", len(business.Steps))
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(fmt.Sprintf("file://%s#/%d", path, biz))); err != nil {
		t.Fatal(err)
	}
	press := func(key string) {
		t.Helper()
		if err := chromedp.Do(ctx, chromedp.KeyEvent(key)); err != nil {
			t.Fatal(err)
		}
	}
	expect := func(when string, want shown) {
		t.Helper()
		var got shown
		if err := json.Unmarshal([]byte(evalString(t, ctx, visibleJS)), &got); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("%s:\n got %s\nwant %s", when, got, want)
		}
	}
	hash := fmt.Sprintf("#/%d", biz)
	expect("opening the business slide", upTo(d, business, 0, hash))
	look(t, ctx, "reveal-business-0")
	press("o") // the overview shows every slide complete
	expect("in the overview", upTo(d, business, len(business.Steps), hash))
	press(kb.Escape)
	expect("back from the overview", upTo(d, business, 0, hash))
	for k := 1; k < len(business.Steps); k++ {
		press(kb.ArrowRight)
		expect(fmt.Sprintf("→ to step %d (%s)", k, business.Steps[k].Caption), upTo(d, business, k, hash))
	}
	look(t, ctx, "reveal-business-last")
	press(kb.ArrowLeft)
	expect("← from the last step", upTo(d, business, len(business.Steps)-2, hash))
	press(" ")
	expect("space", upTo(d, business, len(business.Steps)-1, hash))
	press(kb.ArrowRight) // built: on to the next slide
	after := d.Slides[biz]
	expect("→ after the last step", upTo(d, after, 0, fmt.Sprintf("#/%d", biz+1)))
	press(kb.ArrowLeft) // back: the slide shows complete
	expect("← back onto the business slide", upTo(d, business, len(business.Steps), hash))

	// A flow builds up message by message.
	fi := slideIndex(t, d, "flow-plugin-click-out")
	flow := d.Slides[fi-1]
	fhash := fmt.Sprintf("#/%d", fi)
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank"), chromedp.Navigate(fmt.Sprintf("file://%s%s", path, fhash))); err != nil {
		t.Fatal(err)
	}
	expect("opening the flow slide", upTo(d, flow, 0, fhash))
	if len(upTo(d, flow, 0, "").Edges) != 0 {
		t.Errorf("the flow slide opens with arrows: %v", upTo(d, flow, 0, "").Edges)
	}
	press(kb.PageDown) // a clicker
	press(kb.PageDown)
	expect("two presses on the flow slide", upTo(d, flow, 2, fhash))
	look(t, ctx, "reveal-flow-2")

	// The presenter view shows the current step, the next one, and the
	// step list under the notes.
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank"), chromedp.Navigate(fmt.Sprintf("file://%s#presenter/%d", path, biz))); err != nil {
		t.Fatal(err)
	}
	press(kb.ArrowRight)
	presenterJS := `(() => {
  const hidden = id => document.querySelectorAll("#" + id + " .later").length;
  const now = document.querySelector("#p-notes .p-steps li.now");
  return [location.hash, hidden("p-current"), hidden("p-next"), document.getElementById("p-next-label").textContent, now ? now.textContent : "none",
    document.getElementById("p-notes").textContent.includes("先用一张图讲清楚")].join("|");
})()`
	wantHidden := func(k int) int {
		return len(upTo(d, business, len(business.Steps), "").Nodes) + len(upTo(d, business, len(business.Steps), "").Edges) - len(upTo(d, business, k, "").Nodes) - len(upTo(d, business, k, "").Edges)
	}
	want := fmt.Sprintf("#presenter/%d|%d|%d|下一步|%s|true", biz, wantHidden(1), wantHidden(2), business.Steps[1].Caption)
	if got := evalString(t, ctx, presenterJS); got != want {
		t.Errorf("presenter view at step 1 (hash|hidden now|hidden next|next's label|current step|notes):\n got %s\nwant %s", got, want)
	}
	look(t, ctx, "reveal-presenter")

	// ?reveal=0: every diagram whole, → goes straight on.
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank"), chromedp.Navigate(fmt.Sprintf("file://%s?reveal=0#/%d", path, biz))); err != nil {
		t.Fatal(err)
	}
	expect("?reveal=0", upTo(d, business, len(business.Steps), hash))
	press(kb.ArrowRight)
	if got := evalString(t, ctx, "location.hash"); got != fmt.Sprintf("#/%d", biz+1) {
		t.Errorf("?reveal=0: → went to %s, want the next slide", got)
	}
	w.check(t)
}

// TestPDFShowsDiagramsBuilt: the PDF of a deck that opens on the
// business slide (so the page loads at its first step) prints it
// complete, every domain, box and arrow label on the page.
func TestPDFShowsDiagramsBuilt(t *testing.T) {
	if _, err := chrome.Find(""); err != nil {
		t.Skip("LOUD SKIP: no Chromium/Chrome installed (apt-get install chromium); CI installs it: ", err)
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("LOUD SKIP: pdftotext (poppler-utils) not installed; CI installs it")
	}
	full := exampleDeck(t, "cashback")
	d := *full
	d.Slides = []Slide{full.Slides[slideIndex(t, full, "business")-1]}
	biz := 1
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	var b bytes.Buffer
	if err := WritePDF(ctx, &b, &d, PDFOptions{}); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "deck.pdf")
	if err := os.WriteFile(file, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	page := fmt.Sprint(biz)
	text, err := exec.Command("pdftotext", "-f", page, "-l", page, file, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	plain := strings.Join(strings.Fields(string(text)), "")
	sc := d.Scene(d.Slides[biz-1])
	var missing []string
	for _, c := range sc.Clusters {
		missing = appendMissing(missing, plain, c.Label)
	}
	for _, n := range sc.Nodes {
		missing = appendMissing(missing, plain, n.Label)
	}
	for _, e := range sc.Edges {
		missing = appendMissing(missing, plain, e.Label)
	}
	if len(missing) > 0 {
		t.Errorf("the PDF's business page lacks %q: it is not printed complete\n%s", missing, text)
	}
}

func appendMissing(missing []string, text string, label []string) []string {
	l := strings.Join(strings.Fields(strings.Join(label, "")), "")
	if l != "" && !strings.Contains(text, l) {
		missing = append(missing, l)
	}
	return missing
}

// TestPresenterWindowFollowsSteps: with the presenter window open (p), a
// step taken in either window shows in the other, notes and all.
func TestPresenterWindowFollowsSteps(t *testing.T) {
	ctx := browser(t)
	d := exampleDeck(t, "cashback")
	path := writeDeckFile(t, d)
	biz := slideIndex(t, d, "business")
	business := d.Slides[biz-1]
	if err := chromedp.Do(ctx, chromedp.Navigate(fmt.Sprintf("file://%s#/%d", path, biz))); err != nil {
		t.Fatal(err)
	}
	pctx := pressP(t, ctx)
	// eventually waits until js gives want in ctx.
	eventually := func(ctx context.Context, who, js, want string) {
		t.Helper()
		got := ""
		for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
			if got, _ = chromedp.Run(ctx, chromedp.Evaluate[string](js)); got == want {
				return
			}
		}
		t.Errorf("%s: %q, want %q", who, got, want)
	}
	presenterStep := `document.body.className + "|" + location.hash + "|" + (document.querySelector("#p-notes .p-steps li.now") || {}).textContent`
	audienceStep := `location.hash + "|" + document.querySelector(".frame.current").dataset.step`
	eventually(pctx, "presenter window on opening", presenterStep, fmt.Sprintf("presenter|#presenter/%d|%s", biz, business.Steps[0].Caption))
	if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.ArrowRight)); err != nil {
		t.Fatal(err)
	}
	eventually(pctx, "presenter window after → in the audience window", presenterStep, fmt.Sprintf("presenter|#presenter/%d|%s", biz, business.Steps[1].Caption))
	if err := chromedp.Do(pctx, chromedp.KeyEvent(kb.ArrowRight)); err != nil {
		t.Fatal(err)
	}
	eventually(ctx, "audience window after → in the presenter window", audienceStep, fmt.Sprintf("#/%d|2", biz))
}
