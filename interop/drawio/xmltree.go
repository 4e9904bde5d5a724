package drawio

import (
	"bytes"
	"compress/flate"
	"encoding/base64"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"

	"github.com/archdoc/archdoc/interop/internal/words"
)

// Limits bound the work an untrusted file can cause. The zero value
// means the defaults below.
type Limits struct {
	MaxBytes    int64 // raw file and each decompressed page, default 50 MB
	MaxDepth    int   // XML nesting, default 64
	MaxElements int   // XML elements per document, default 200 000
	MaxShapes   int   // vertices per page analysed, default 5 000
}

const (
	defaultMaxBytes    = 50 << 20
	defaultMaxDepth    = 64
	defaultMaxElements = 200_000
	defaultMaxShapes   = 5_000
)

func (l Limits) withDefaults() Limits {
	if l.MaxBytes <= 0 {
		l.MaxBytes = defaultMaxBytes
	}
	if l.MaxDepth <= 0 {
		l.MaxDepth = defaultMaxDepth
	}
	if l.MaxElements <= 0 {
		l.MaxElements = defaultMaxElements
	}
	if l.MaxShapes <= 0 {
		l.MaxShapes = defaultMaxShapes
	}
	return l
}

// xnode is a minimal XML element tree: enough for mxfile documents and
// small enough that building it under limits is easy to reason about.
type xnode struct {
	name     string
	attrs    map[string]string
	children []*xnode
	text     strings.Builder // character data directly inside this element
	line     int             // line of the start tag, for messages
}

func (n *xnode) attr(k string) string { return n.attrs[k] }

func (n *xnode) child(name string) *xnode {
	for _, c := range n.children {
		if c.name == name {
			return c
		}
	}
	return nil
}

// parseXML builds the element tree of data, refusing documents that nest
// deeper or hold more elements than the limits allow.
func parseXML(data []byte, lim Limits) (*xnode, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	// Hand-edited files sometimes carry HTML entities (&nbsp;) unescaped;
	// the fixed HTML table resolves them without any DTD processing.
	d.Entity = xml.HTMLEntity
	// draw.io never writes external entities or other charsets; refusing
	// them keeps the decoder from reaching for anything outside the file.
	d.CharsetReader = func(charset string, r io.Reader) (io.Reader, error) {
		if strings.EqualFold(charset, "utf-8") || strings.EqualFold(charset, "utf8") {
			return r, nil
		}
		return nil, fmt.Errorf("unsupported charset %q", charset)
	}
	var root *xnode
	var stack []*xnode
	count := 0
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			line, _ := d.InputPos()
			return nil, fmt.Errorf("malformed XML at line %d: %v", line, unwrapXML(err))
		}
		switch t := tok.(type) {
		case xml.StartElement:
			count++
			if count > lim.MaxElements {
				return nil, fmt.Errorf("too many XML elements (more than %d)", lim.MaxElements)
			}
			if len(stack) >= lim.MaxDepth {
				return nil, fmt.Errorf("XML nested deeper than %d levels", lim.MaxDepth)
			}
			line, _ := d.InputPos()
			n := &xnode{name: t.Name.Local, attrs: make(map[string]string, len(t.Attr)), line: line}
			for _, a := range t.Attr {
				n.attrs[a.Name.Local] = a.Value
			}
			if len(stack) == 0 {
				if root != nil {
					return nil, errors.New("malformed XML: more than one root element")
				}
				root = n
			} else {
				p := stack[len(stack)-1]
				p.children = append(p.children, n)
			}
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) > 0 {
				stack[len(stack)-1].text.Write(t)
			}
		}
	}
	if root == nil {
		return nil, errors.New("not a draw.io file: no XML element found")
	}
	return root, nil
}

func unwrapXML(err error) string {
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		return se.Msg
	}
	return err.Error()
}

// inflatePage decodes a compressed <diagram> body the way diagrams.net
// writes it: base64, then raw DEFLATE, then URL (encodeURIComponent)
// encoding. The inflated size is capped so a small file cannot expand
// into gigabytes.
func inflatePage(body string, lim Limits) ([]byte, error) {
	body = strings.Join(strings.Fields(body), "")
	raw, err := base64.StdEncoding.DecodeString(body)
	if err != nil {
		return nil, fmt.Errorf("compressed page is not valid base64: %v", err)
	}
	fr := flate.NewReader(bytes.NewReader(raw))
	defer fr.Close()
	inflated, err := io.ReadAll(io.LimitReader(fr, lim.MaxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("compressed page is not valid DEFLATE data: %v", err)
	}
	if int64(len(inflated)) > lim.MaxBytes {
		return nil, fmt.Errorf("compressed page expands to more than %d bytes", lim.MaxBytes)
	}
	// Older files skip the URL encoding step; "%3C" is "<" encoded.
	if bytes.HasPrefix(inflated, []byte("<")) {
		return inflated, nil
	}
	s, err := url.PathUnescape(string(inflated))
	if err != nil {
		return nil, fmt.Errorf("compressed page is not URL-encoded XML: %v", err)
	}
	return []byte(s), nil
}

// readLimited reads all of r, failing if it holds more than max bytes.
func readLimited(r io.Reader, max int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("file is larger than the %s limit for a diagram", words.Size(max))
	}
	return data, nil
}
