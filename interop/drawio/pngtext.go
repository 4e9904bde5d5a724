package drawio

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"net/url"
)

var pngSignature = []byte("\x89PNG\r\n\x1a\n")

// pngDiagram returns the mxfile draw.io embeds in a PNG it exports with
// "include a copy of my diagram": a tEXt (or zTXt) chunk with the
// keyword "mxfile" holding the URL-encoded XML.
func pngDiagram(data []byte, lim Limits) ([]byte, error) {
	rest := data[len(pngSignature):]
	for len(rest) >= 12 {
		n := binary.BigEndian.Uint32(rest)
		typ := string(rest[4:8])
		if uint64(n) > uint64(len(rest)-12) {
			return nil, errors.New("PNG file is truncated")
		}
		body := rest[8 : 8+n]
		rest = rest[12+n:]
		switch typ {
		case "tEXt":
			if k, v, ok := bytes.Cut(body, []byte{0}); ok && string(k) == "mxfile" {
				return unescapePNGText(v)
			}
		case "zTXt":
			if k, v, ok := bytes.Cut(body, []byte{0}); ok && string(k) == "mxfile" && len(v) > 1 {
				zr, err := zlib.NewReader(bytes.NewReader(v[1:]))
				if err != nil {
					return nil, fmt.Errorf("PNG diagram chunk: %v", err)
				}
				text, err := io.ReadAll(io.LimitReader(zr, lim.MaxBytes+1))
				if err != nil {
					return nil, fmt.Errorf("PNG diagram chunk: %v", err)
				}
				if int64(len(text)) > lim.MaxBytes {
					return nil, fmt.Errorf("PNG diagram chunk expands to more than %d bytes", lim.MaxBytes)
				}
				return unescapePNGText(text)
			}
		case "IEND":
			return nil, errors.New(noDiagramInPNG)
		}
	}
	return nil, errors.New("PNG file is truncated")
}

const noDiagramInPNG = "PNG file without an embedded draw.io diagram (export it with \"Include a copy of my diagram\")"

func unescapePNGText(v []byte) ([]byte, error) {
	if bytes.HasPrefix(v, []byte("<")) {
		return v, nil
	}
	s, err := url.PathUnescape(string(v))
	if err != nil {
		return nil, fmt.Errorf("PNG diagram chunk is not URL-encoded XML: %v", err)
	}
	return []byte(s), nil
}
