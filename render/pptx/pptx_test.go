package pptx

import (
	"archive/zip"
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/archdoc/archdoc/internal/officetest"
	"github.com/archdoc/archdoc/render/scene"
)

func sampleScene() *scene.Scene {
	s := &scene.Scene{ID: "business", Kind: scene.KindGraph, Width: 400, Height: 220, FontSize: 14,
		Clusters: []scene.Cluster{{ID: "front", Label: []string{"前台"}, Group: "front", Rect: scene.Rect{X: 150, Y: 10, W: 240, H: 200}, LabelPos: scene.Point{X: 158, Y: 14}}},
		Nodes: []scene.Node{
			{ID: "user", Shape: scene.ShapeActor, Label: []string{"用户"}, Rect: scene.Rect{X: 10, Y: 60, W: 80, H: 90}},
			{ID: "mall", Shape: scene.ShapeBox, Label: []string{"商城 & <api>"}, Sub: "module", Group: "front", Parent: "front", Rect: scene.Rect{X: 200, Y: 50, W: 140, H: 50}},
			{ID: "sqs", Shape: scene.ShapeExternal, Label: []string{"SQS"}, Rect: scene.Rect{X: 200, Y: 140, W: 140, H: 50}},
		},
		Edges: []scene.Edge{{ID: "f1", From: "user", To: "mall", Arrow: true, Label: []string{"下单"},
			Path: []scene.Point{{X: 90, Y: 100}, {X: 130, Y: 100}, {X: 160, Y: 75}, {X: 200, Y: 75}}, LabelRect: scene.Rect{X: 120, Y: 70, W: 30, H: 16}}},
	}
	return s
}

func samplePresentation() *Presentation {
	para := func(text string, bullet bool, level int) Paragraph {
		return Paragraph{Bullet: bullet, Level: level, Runs: []Run{{Text: text}}}
	}
	return &Presentation{Title: "积分商城", Author: "张三", Lang: "zh-CN", Slides: []Slide{
		{Layout: LayoutTitle, Title: "积分商城架构", Body: []Paragraph{para("张三 · 2026", false, 0)}, Notes: []Paragraph{para("开场白", false, 0)}},
		{Layout: LayoutContent, Title: "业务模型", Diagram: sampleScene(), Notes: []Paragraph{para("从左到右讲", false, 0)}},
		{Layout: LayoutContent, Title: "PHP", Body: []Paragraph{
			{Runs: []Run{{Text: "为什么选它", Bold: true}, {Text: " 团队熟悉 <LNMP>"}}},
			para("单例在常驻进程里会断线", true, 0), para("二级", true, 1),
			{Number: 1, Runs: []Run{{Text: "第一步"}, {Text: " code", Code: true}}},
		}},
		{Layout: LayoutContent, Title: "前台", Split: true, Body: []Paragraph{para("面向用户", false, 0)}, Diagram: sampleScene()},
	}}
}

func writeSample(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, samplePresentation()); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestDeterministic(t *testing.T) {
	a, b := writeSample(t), writeSample(t)
	if !bytes.Equal(a, b) {
		t.Fatal("two writes of the same presentation differ")
	}
	zr, err := zip.NewReader(bytes.NewReader(a), int64(len(a)))
	if err != nil {
		t.Fatal(err)
	}
	prev := ""
	for _, f := range zr.File {
		if f.Name <= prev {
			t.Errorf("entries not sorted: %q after %q", f.Name, prev)
		}
		prev = f.Name
		if f.Modified.Year() != 1980 {
			t.Errorf("%s has timestamp %v", f.Name, f.Modified)
		}
	}
}

func TestPackageStructure(t *testing.T) {
	data := writeSample(t)
	if err := Check(data, 4); err != nil {
		t.Fatal(err)
	}
}

func TestChineseAndPlaceholders(t *testing.T) {
	parts := unzip(t, writeSample(t))
	s1 := string(parts["ppt/slides/slide1.xml"])
	for _, want := range []string{`<p:ph type="ctrTitle"/>`, `<p:ph type="subTitle" idx="1"/>`, `<a:t>积分商城架构</a:t>`, `lang="zh-CN"`} {
		if !strings.Contains(s1, want) {
			t.Errorf("slide1 lacks %s", want)
		}
	}
	s2 := string(parts["ppt/slides/slide2.xml"])
	for _, want := range []string{`prst="roundRect"`, `<p:cxnSp>`, `<a:stCxn id=`, `<a:endCxn id=`, `<p:grpSp>`, `<a:tailEnd type="triangle"`, `prst="ellipse"`, `cmpd="dbl"`, `<a:prstDash val="dash"/>`, `<a:t>商城 &amp; &lt;api&gt;</a:t>`} {
		if !strings.Contains(s2, want) {
			t.Errorf("diagram slide lacks %s", want)
		}
	}
	s3 := string(parts["ppt/slides/slide3.xml"])
	for _, want := range []string{`<p:ph idx="1"/>`, `b="1"`, `<a:pPr lvl="1"/>`, `<a:buAutoNum type="arabicPeriod" startAt="1"/>`, `<a:latin typeface="Consolas" pitchFamily="49"/>`} {
		if !strings.Contains(s3, want) {
			t.Errorf("content slide lacks %s", want)
		}
	}
	if n := string(parts["ppt/notesSlides/notesSlide2.xml"]); !strings.Contains(n, "<a:t>从左到右讲</a:t>") {
		t.Errorf("notes of slide 2 lack the notes text:\n%s", n)
	}
}

// TestFontsNamed: the theme names Latin, East Asian and complex-script
// faces (with what a substitute must be like) and a face per East Asian
// script; every text refers to the theme's faces, through the master's
// styles or, outside placeholders, itself, so a template's theme changes
// them all; only code names its own face.
func TestFontsNamed(t *testing.T) {
	parts := unzip(t, writeSample(t))
	theme := string(parts["ppt/theme/theme1.xml"])
	for _, f := range []string{"majorFont", "minorFont"} {
		_, list, _ := strings.Cut(theme, "<a:"+f+">")
		list, _, _ = strings.Cut(list, "</a:"+f+">")
		for _, want := range []string{`<a:latin typeface="Arial" panose="020B0604020202020204" pitchFamily="34" charset="0"/>`,
			`<a:ea typeface="Microsoft YaHei" panose="020B0503020204020204" pitchFamily="34" charset="-122"/>`,
			`<a:cs typeface="Arial"`, `<a:font script="Hans" typeface="Microsoft YaHei"/>`, `<a:font script="Hant" typeface="Microsoft JhengHei"/>`} {
			if !strings.Contains(list, want) {
				t.Errorf("theme %s lacks %s:\n%s", f, want, list)
			}
		}
	}
	master := string(parts["ppt/slideMasters/slideMaster1.xml"])
	for _, style := range []string{"titleStyle", "bodyStyle", "otherStyle"} {
		_, st, _ := strings.Cut(master, "<p:"+style+">")
		st, _, _ = strings.Cut(st, "</p:"+style+">")
		if !strings.Contains(st, `<a:ea typeface="+m`) || !strings.Contains(st, `<a:latin typeface="+m`) {
			t.Errorf("master %s does not name the theme's fonts: %s", style, st)
		}
	}
	if n := strings.Count(master, `<a:latin typeface="+mn-lt"/><a:ea typeface="+mn-ea"/><a:cs typeface="+mn-cs"/>`); n < 6 {
		t.Errorf("master: %d styles name the theme's body fonts, want the 3 body levels, other text, footer and slide number", n)
	}
	face := regexp.MustCompile(`<a:(?:latin|ea|cs) typeface="([^"+][^"]*)"`)
	for name, data := range parts {
		if !strings.HasPrefix(name, "ppt/slides/slide") {
			continue
		}
		for _, m := range face.FindAllStringSubmatch(string(data), -1) {
			if m[1] != "Consolas" {
				t.Errorf("%s names the face %q, not the theme's", name, m[1])
			}
		}
	}
	diagram := string(parts["ppt/slides/slide2.xml"])
	_, inGroup, _ := strings.Cut(diagram, "<p:grpSp>")
	inGroup = inGroup[:strings.LastIndex(inGroup, "</p:grpSp>")] // the diagram, not the footer after it
	runs := strings.Count(inGroup, "<a:rPr ")
	if themed := strings.Count(inGroup, `<a:latin typeface="+mn-lt"/><a:ea typeface="+mn-ea"/><a:cs typeface="+mn-cs"/></a:rPr>`); runs == 0 || themed != runs {
		t.Errorf("diagram: %d of %d runs name the theme's fonts", themed, runs)
	}
}

func unzip(t *testing.T, data []byte) map[string][]byte {
	t.Helper()
	parts, err := readParts(data)
	if err != nil {
		t.Fatal(err)
	}
	return parts
}

// TestLibreOfficeConverts opens the package in LibreOffice (where
// installed) and checks it renders one page per slide.
func TestLibreOfficeConverts(t *testing.T) {
	if _, pages := officetest.PDF(t, writeSample(t)); pages != 4 {
		t.Errorf("LibreOffice rendered %d pages, want 4", pages)
	}
}
