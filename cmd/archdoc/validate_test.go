package main

import (
	"bytes"
	"testing"

	"github.com/archdoc/archdoc/model"
)

// A message or file name cannot end an annotation early or start another
// workflow command: line breaks and the separators are escaped.
func TestAnnotationsEscapeModelText(t *testing.T) {
	var out bytes.Buffer
	errs := model.Errors{{Pos: model.Pos{File: "a,b:c.yaml", Line: 2, Col: 3}, Path: "name", Msg: "bad\n::warning::100%"}}
	if err := writeAnnotations(&out, errs, nil); err == nil {
		t.Error("problems must fail the command")
	}
	want := "::error file=a%2Cb%3Ac.yaml,line=2,col=3,title=archdoc validate::name: bad%0A::warning::100%25\n"
	if out.String() != want {
		t.Errorf("got  %q\nwant %q", out.String(), want)
	}
}
