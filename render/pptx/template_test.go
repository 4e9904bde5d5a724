package pptx

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"
)

// rezip rewrites a package, changing the named part.
func rezip(t *testing.T, data []byte, part string, change func(string) string) []byte {
	t.Helper()
	parts := unzip(t, data)
	parts[part] = []byte(change(string(parts[part])))
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for name, body := range parts {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		_, _ = w.Write(body)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestTemplateGivesMastersLayoutsAndTheme(t *testing.T) {
	own := writeSample(t)
	// A deck archdoc wrote is a template too; rename its theme to tell it apart.
	tmplData := rezip(t, own, "ppt/theme/theme1.xml", func(s string) string {
		return strings.Replace(s, `name="archdoc"`, `name="Corp Theme"`, 1)
	})
	tmpl, warnings, err := ReadTemplate(tmplData)
	if err != nil || len(warnings) > 0 {
		t.Fatalf("ReadTemplate: %v, warnings %q", err, warnings)
	}
	p := samplePresentation()
	p.Template = tmpl
	var b bytes.Buffer
	if err := Write(&b, p); err != nil {
		t.Fatal(err)
	}
	if err := Check(b.Bytes(), len(p.Slides)); err != nil {
		t.Fatal(err)
	}
	parts := unzip(t, b.Bytes())
	if !strings.Contains(string(parts["ppt/theme/theme1.xml"]), `name="Corp Theme"`) {
		t.Error("the deck's theme is not the template's")
	}
	for k, want := range map[int]string{1: "slideLayout1.xml", 2: "slideLayout2.xml"} {
		rels := string(parts["ppt/slides/_rels/slide"+itoa(k)+".xml.rels"])
		if !strings.Contains(rels, want) {
			t.Errorf("slide %d does not use the template's %s:\n%s", k, want, rels)
		}
	}
}

func TestTemplateWithoutContentLayoutFallsBack(t *testing.T) {
	data := rezip(t, writeSample(t), "ppt/slideLayouts/slideLayout2.xml", func(s string) string {
		return strings.Replace(s, `type="obj"`, `type="blank"`, 1)
	})
	tmpl, warnings, err := ReadTemplate(data)
	if err != nil {
		t.Fatal(err)
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0], "no Title and Content layout") || !strings.Contains(warnings[0], `"Title Slide"`) {
		t.Errorf("warnings %q, want one saying content slides fall back to the first layout, \"Title Slide\"", warnings)
	}
	p := samplePresentation()
	p.Template = tmpl
	var b bytes.Buffer
	if err := Write(&b, p); err != nil {
		t.Fatal(err)
	}
	if err := Check(b.Bytes(), len(p.Slides)); err != nil {
		t.Fatal(err)
	}
}

func TestTemplateErrors(t *testing.T) {
	for _, c := range []struct {
		data []byte
		want string
	}{
		{[]byte("not a zip"), "template: not a zip"},
		{rezip(t, writeSample(t), "ppt/presentation.xml", func(string) string { return "" }), "no slide master"},
	} {
		if _, _, err := ReadTemplate(c.data); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("ReadTemplate: %v, want %q", err, c.want)
		}
	}
}
