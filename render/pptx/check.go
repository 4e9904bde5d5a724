package pptx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
)

// Check verifies the structure of a .pptx package: every XML part is
// well-formed, there are exactly `slides` slide parts and as many notes
// parts, every internal relationship target exists, and the content
// types cover every part. Tests of this and other packages use it.
func Check(data []byte, slides int) error {
	parts, err := readParts(data)
	if err != nil {
		return err
	}
	var errs []error
	for name, body := range parts {
		if err := wellFormed(body); err != nil {
			errs = append(errs, fmt.Errorf("%s: not well-formed XML: %v", name, err))
		}
	}
	count := func(prefix string) int {
		n := 0
		for name := range parts {
			if strings.HasPrefix(name, prefix) && strings.HasSuffix(name, ".xml") && !strings.Contains(name, "_rels") {
				n++
			}
		}
		return n
	}
	if n := count("ppt/slides/slide"); n != slides {
		errs = append(errs, fmt.Errorf("%d slide parts, want %d", n, slides))
	}
	if n := count("ppt/notesSlides/notesSlide"); n != slides {
		errs = append(errs, fmt.Errorf("%d notes parts, want %d", n, slides))
	}
	errs = append(errs, checkRels(parts)...)
	errs = append(errs, checkContentTypes(parts)...)
	return errors.Join(errs...)
}

func readParts(data []byte) (map[string][]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("not a zip: %w", err)
	}
	parts := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			return nil, err
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return nil, err
		}
		parts[f.Name] = b
	}
	return parts, nil
}

func wellFormed(b []byte) error {
	d := xml.NewDecoder(bytes.NewReader(b))
	for {
		_, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

type relationships struct {
	Rels []struct {
		ID         string `xml:"Id,attr"`
		Target     string `xml:"Target,attr"`
		TargetMode string `xml:"TargetMode,attr"`
	} `xml:"Relationship"`
}

func checkRels(parts map[string][]byte) []error {
	var errs []error
	for name, body := range parts {
		if !strings.HasSuffix(name, ".rels") {
			continue
		}
		var rs relationships
		if err := xml.Unmarshal(body, &rs); err != nil {
			errs = append(errs, fmt.Errorf("%s: %v", name, err))
			continue
		}
		// _rels/x.xml.rels describes x.xml; targets are relative to x's folder.
		dir := path.Dir(path.Dir(name))
		seen := map[string]bool{}
		for _, r := range rs.Rels {
			if seen[r.ID] {
				errs = append(errs, fmt.Errorf("%s: duplicate relationship id %s", name, r.ID))
			}
			seen[r.ID] = true
			if r.TargetMode == "External" {
				continue
			}
			target := path.Clean(path.Join(dir, r.Target))
			if strings.HasPrefix(r.Target, "/") {
				target = strings.TrimPrefix(r.Target, "/")
			}
			if _, ok := parts[target]; !ok {
				errs = append(errs, fmt.Errorf("%s: %s points at missing part %s", name, r.ID, target))
			}
		}
	}
	return errs
}

type contentTypesXML struct {
	Defaults []struct {
		Ext string `xml:"Extension,attr"`
	} `xml:"Default"`
	Overrides []struct {
		Part string `xml:"PartName,attr"`
	} `xml:"Override"`
}

func checkContentTypes(parts map[string][]byte) []error {
	var ct contentTypesXML
	if err := xml.Unmarshal(parts["[Content_Types].xml"], &ct); err != nil {
		return []error{fmt.Errorf("[Content_Types].xml: %v", err)}
	}
	exts, over := map[string]bool{}, map[string]bool{}
	for _, d := range ct.Defaults {
		exts[strings.ToLower(d.Ext)] = true
	}
	var errs []error
	for _, o := range ct.Overrides {
		p := strings.TrimPrefix(o.Part, "/")
		over[p] = true
		if _, ok := parts[p]; !ok {
			errs = append(errs, fmt.Errorf("[Content_Types].xml overrides missing part %s", p))
		}
	}
	for name := range parts {
		if name == "[Content_Types].xml" {
			continue
		}
		ext := strings.ToLower(strings.TrimPrefix(path.Ext(name), "."))
		if !over[name] && !exts[ext] {
			errs = append(errs, fmt.Errorf("no content type for %s", name))
		}
		// Main parts need an explicit type; application/xml is not enough.
		if strings.HasPrefix(name, "ppt/") && strings.HasSuffix(name, ".xml") && !over[name] {
			errs = append(errs, fmt.Errorf("%s has only the default xml content type", name))
		}
	}
	return errs
}
