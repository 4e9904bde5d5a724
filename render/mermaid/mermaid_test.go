package mermaid

import (
	"bytes"
	"strings"
	"testing"

	"github.com/archdoc/archdoc/internal/golden"
	"github.com/archdoc/archdoc/render/internal/rendertest"
	"github.com/archdoc/archdoc/render/scene"
)

func render(t *testing.T, s *scene.Scene) string {
	t.Helper()
	var b bytes.Buffer
	if err := Render(&b, s); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestGoldenHandBuilt(t *testing.T) {
	rendertest.EachHandBuilt(t, func(t *testing.T, name string, s *scene.Scene) {
		golden.Check(t, rendertest.HandBuiltGoldenName(name, "mmd"), []byte(render(t, s)))
	})
}

func TestFlowchartStructure(t *testing.T) {
	got := render(t, rendertest.HandBuilt(t)["business"])
	for _, want := range []string{
		"flowchart LR\n",
		`  subgraph c_frontend["前台"]` + "\n    n_cashback(\"返利业务<br/>浏览记录 · 出站记录\")\n",
		`  n_anonymous(["Anonymous User"])`,
		// archdoc's own wrapping is not written as hard breaks: Mermaid wraps.
		`  n_soft_login["软登录状态；修改敏感信息与提现需强登录"]`,
		`  n_anonymous -->|"登录/注册"| n_user`,
		`  c_frontend -->|"数据交互/api"| c_data`,
		`  n_soft_login -.- n_user`,
		`  n_ops_tool -.->|"调用 #quot;退款#quot; #amp; #lt;b#gt;"| n_payment`,
		"  style c_data fill:#fff8e6,stroke:#d49a1a\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	if strings.Contains(got, "<script") || strings.Contains(got, `"Pay"`) {
		t.Error("model text not escaped")
	}
}

func TestEscape(t *testing.T) {
	for in, want := range map[string]string{
		`a "b"`:         "a #quot;b#quot;",
		"x#1;y":         "x#35;1#59;y",
		"<script>&":     "#lt;script#gt;#amp;",
		"`md` | pipe":   "#96;md#96; #124; pipe",
		"line\nbreak\t": "line break ",
		"中文（全角）":        "中文（全角）",
	} {
		if got := escape(in); got != want {
			t.Errorf("escape(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestIDsAreSafeAndUnique(t *testing.T) {
	m := newIDs()
	got := []string{m.get("n_", "end"), m.get("n_", "user-center"), m.get("n_", "user_center"), m.get("n_", "用户"), m.get("n_", "end")}
	want := []string{"n_end", "n_user_center", "n_user_center_2", "n_u7528u6237", "n_end"}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("id %d = %q, want %q", i, got[i], want[i])
		}
	}
}

func TestSequence(t *testing.T) {
	got := render(t, rendertest.HandBuilt(t)["sequence"])
	for _, want := range []string{
		"sequenceDiagram\n  autonumber\n",
		"  actor p_user as User\n",
		"  participant p_user_center as 用户中心模块\n",
		"  p_user->>p_app: 打开提现页\n",
		"  p_wallet-->>p_user_center: ok\n",
		"  p_user_center-->>p_app: 结果 #quot;done#quot; #lt;i#gt;\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q\n%s", want, got)
		}
	}
}

// A step's note (layout names it "<step id>-note") follows its message
// as a Mermaid note instead of becoming a participant.
func TestSequenceNotes(t *testing.T) {
	s := &scene.Scene{ID: "flow/x", Kind: scene.KindSequence,
		Nodes: []scene.Node{
			{ID: "a", Label: []string{"A"}}, {ID: "b", Label: []string{"B"}},
			{ID: "x#1-note", Shape: scene.ShapeNote, Label: []string{"先写库", "再回调"}},
			{ID: "stray", Shape: scene.ShapeNote, Label: []string{"a;b"}},
		},
		Edges: []scene.Edge{{ID: "x#1", From: "a", To: "b", Label: []string{"call"}, Arrow: true, Seq: 1}},
	}
	got := render(t, s)
	want := "  participant p_a as A\n  participant p_b as B\n  p_a->>p_b: call\n  Note over p_a,p_b: 先写库再回调\n  Note right of p_b: a#59;b\n"
	if !strings.HasSuffix(got, want) {
		t.Errorf("got\n%s\nwant it to end with\n%s", got, want)
	}
}
