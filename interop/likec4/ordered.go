package likec4

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// orderedMap decodes a JSON object keeping its keys in file order: the
// export lists elements and relations as the model declares them, and
// the imported model should read in that order too.
type orderedMap[V any] struct {
	keys []string
	m    map[string]V
}

func (o *orderedMap[V]) UnmarshalJSON(b []byte) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	if tok == nil {
		return nil
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		return fmt.Errorf("expected an object")
	}
	o.m = map[string]V{}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		key, _ := tok.(string)
		var v V
		if err := dec.Decode(&v); err != nil {
			// Offsets inside this value are not the file's: name the key instead.
			return fmt.Errorf("%q: %s", key, err.Error())
		}
		if _, dup := o.m[key]; !dup {
			o.keys = append(o.keys, key)
		}
		o.m[key] = v
	}
	_, err = dec.Token()
	return err
}
