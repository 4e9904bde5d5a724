package synth

import (
	"bytes"
	"testing"

	"github.com/archdoc/archdoc/model"
)

func TestModelValidates(t *testing.T) {
	for _, n := range []int{1, 20, 100, 1000} {
		data := Model(n, 1)
		m, err := model.Parse("synth.yaml", data)
		if err != nil {
			t.Fatalf("n=%d: generated model does not validate:\n%v", n, err)
		}
		modules, domains := 0, len(m.Domains)
		for _, e := range m.Elements() {
			if e.Kind == model.KindModule {
				modules++
			}
		}
		if modules != n {
			t.Errorf("n=%d: %d modules", n, modules)
		}
		if want := max(1, n/10); domains != want {
			t.Errorf("n=%d: %d domains, want %d", n, domains, want)
		}
		if n >= 100 {
			per := float64(len(m.Flows)) / float64(n)
			if per < 2.5 || per > 2.9 {
				t.Errorf("n=%d: %.2f flows per module, want about 2.7", n, per)
			}
		}
	}
}

func TestModelIsDeterministic(t *testing.T) {
	if !bytes.Equal(Model(300, 7), Model(300, 7)) {
		t.Fatal("same n and seed gave different models")
	}
	if bytes.Equal(Model(300, 7), Model(300, 8)) {
		t.Fatal("the seed changes nothing")
	}
}
