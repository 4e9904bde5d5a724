package render

import (
	"context"
	"testing"

	"github.com/archdoc/archdoc/model"
	"github.com/archdoc/archdoc/render/scene"
)

// kindsOf counts a scene's nodes by kind.
func kindsOf(s *scene.Scene) map[string]int {
	out := map[string]int{}
	for _, n := range s.Nodes {
		out[n.Kind]++
	}
	return out
}

// level: domain draws the business view and a custom view one box per
// domain, with no warning (the model asked); the site says so without
// the "too large" excuse.
func TestLevelDomainIsChosen(t *testing.T) {
	m := load(t, "../architecture.yaml")
	m.Business = &model.BusinessView{Level: "domain"}
	m.Views = append(m.Views, model.ViewSpec{ID: "everything", Include: []string{"*"}, Level: "domain"})
	m.BuildIndex()
	for _, id := range []string{"business", "view/everything"} {
		s, err := Scene(context.Background(), m, id)
		if err != nil {
			t.Fatal(err)
		}
		k := kindsOf(s)
		if !s.Fallbacks.ChosenDomainLevel || s.Fallbacks.DomainLevel || len(s.Warnings) > 0 || k["module"] > 0 || k["domain"] < 3 {
			t.Errorf("%s: fallbacks %+v, warnings %q, nodes %v; want domain boxes only, chosen", id, s.Fallbacks, s.Warnings, k)
		}
	}
}

// level: module keeps the business view box by box even when auto would
// collapse it (a generated 50-module model's, see
// TestTangledOverviewGoesToDomainLevel).
func TestLevelModuleKeepsModules(t *testing.T) {
	m := synthModel(t, 50)
	m.Business = &model.BusinessView{Level: "module"}
	s, err := Scene(context.Background(), m, "business")
	if err != nil {
		t.Fatal(err)
	}
	if k := kindsOf(s); s.Fallbacks.DomainLevel || s.Fallbacks.ChosenDomainLevel || k["module"] < 50 {
		t.Errorf("fallbacks %+v, nodes %v; want every module", s.Fallbacks, k)
	}
}
