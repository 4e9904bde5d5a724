package importkit

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
)

func jsonKind(k reflect.Kind) string {
	switch k {
	case reflect.Slice:
		return "a list"
	case reflect.Struct, reflect.Map:
		return "an object"
	case reflect.String:
		return "a string"
	}
	return k.String()
}

// JSONError puts the line and column in front of a JSON error.
func JSONError(f File, err error) error {
	var off int64 = -1
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		off = se.Offset
	case errors.As(err, &te):
		off = te.Offset
		err = fmt.Errorf("%s should be %s, not a %s", te.Field, jsonKind(te.Type.Kind()), te.Value)
	}
	if off < 0 || off > int64(len(f.Data)) {
		return fmt.Errorf("%s: %s", f.Name, strings.TrimPrefix(err.Error(), "json: "))
	}
	if off > 0 {
		off-- // the offset is just past the offending character
	}
	before := f.Data[:off]
	line := bytes.Count(before, []byte("\n")) + 1
	col := int(off) - bytes.LastIndexByte(before, '\n')
	return fmt.Errorf("%s:%d:%d: %s", f.Name, line, col, strings.TrimPrefix(err.Error(), "json: "))
}
