package drawio

import (
	"testing"

	"github.com/archdoc/archdoc/model"
)

func TestGuessLanguage(t *testing.T) {
	for _, tc := range []struct {
		name string
		m    model.Model
		want string
	}{
		{"Chinese boxes, English actors", model.Model{
			Actors:  []model.Actor{{Name: "User"}},
			Domains: []model.Domain{{Name: "前台", Modules: []model.Module{{Name: "返利业务", Features: []string{"出站记录"}}}}},
		}, "zh-CN"},
		{"English", model.Model{Domains: []model.Domain{{Name: "Shop", Modules: []model.Module{{Name: "Cart"}}}}}, ""},
		{"mostly English with one Chinese word", model.Model{Flows: []model.Flow{{Label: "sync orders to 库存"}}}, ""},
		{"Japanese: kana besides kanji", model.Model{Notes: []model.Note{{Text: "注文を送る"}}}, ""},
		{"Korean", model.Model{Actors: []model.Actor{{Name: "사용자"}}}, ""},
		{"nested domains count", model.Model{Domains: []model.Domain{{Name: "B", Domains: []model.Domain{{Name: "数据模块"}}}}}, "zh-CN"},
		{"empty", model.Model{}, ""},
	} {
		if got := guessLanguage(&tc.m); got != tc.want {
			t.Errorf("%s: guessLanguage = %q, want %q", tc.name, got, tc.want)
		}
	}
}

// Technology names are Latin even in a Chinese diagram; the descriptions
// say which language the team writes in.
func TestGuessLanguageCountsDescriptions(t *testing.T) {
	m := model.Model{Domains: []model.Domain{{Name: "测试", Modules: []model.Module{
		{Name: "PHPUnit", Description: "PHP 事实上的标准单元测试框架"},
		{Name: "Postman", Description: "图形化的接口调试与测试工具"},
	}}}}
	if got := guessLanguage(&m); got != "zh-CN" {
		t.Errorf("guessLanguage = %q, want zh-CN", got)
	}
}
