package wasm

// This file is the fork's: a copy of a module whose left-out functions
// trap at once, so that compiling it costs only the functions kept.

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// stub is the body of a left-out function: no locals, unreachable, end.
// It is valid for every function type.
var stub = []byte{3, 0, 0x00, 0x0b}

// leaveOut returns a copy of the module bin in which every function of
// the code section whose index keep rejects has the body stub. Function
// indices, types, tables and data are unchanged.
func leaveOut(bin []byte, keep func(code int) bool) ([]byte, error) {
	if len(bin) < 8 {
		return nil, errors.New("not a WebAssembly module")
	}
	out := append(make([]byte, 0, len(bin)), bin[:8]...)
	for at := 8; at < len(bin); {
		id := bin[at]
		size, n := binary.Uvarint(bin[at+1:])
		body := at + 1 + n
		if n <= 0 || size > uint64(len(bin)-body) {
			return nil, fmt.Errorf("section at byte %d: bad size", at)
		}
		end := body + int(size)
		if id != 10 { // not the code section
			out = append(out, bin[at:end]...)
			at = end
			continue
		}
		code, err := leaveOutCode(bin[body:end], keep)
		if err != nil {
			return nil, err
		}
		out = append(out, id)
		out = binary.AppendUvarint(out, uint64(len(code)))
		out = append(out, code...)
		at = end
	}
	return out, nil
}

// leaveOutCode rewrites the contents of a code section.
func leaveOutCode(sec []byte, keep func(code int) bool) ([]byte, error) {
	count, n := binary.Uvarint(sec)
	if n <= 0 {
		return nil, errors.New("code section: bad count")
	}
	out := binary.AppendUvarint(make([]byte, 0, len(sec)), count)
	at := n
	for i := 0; i < int(count); i++ {
		size, n := binary.Uvarint(sec[at:])
		if n <= 0 || size > uint64(len(sec)-at-n) {
			return nil, fmt.Errorf("code section: function %d: bad size", i)
		}
		end := at + n + int(size)
		if keep(i) {
			out = append(out, sec[at:end]...)
		} else {
			out = append(out, stub...)
		}
		at = end
	}
	if at != len(sec) {
		return nil, errors.New("code section: bytes after the last function")
	}
	return out, nil
}
