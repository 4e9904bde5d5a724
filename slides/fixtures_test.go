package slides

import (
	"fmt"

	"github.com/archdoc/archdoc/model"
	"github.com/archdoc/archdoc/render/scene"
)

// shopModel is a hand-built Chinese model shaped like the seed outline.
func shopModel() *model.Model {
	m := &model.Model{
		Name:     "积分商城",
		Summary:  "一个 LNMP 架构的积分商城，含前台、后台与数据模块。",
		Language: "zh-CN",
		Actors: []model.Actor{
			{ID: "user", Name: "用户", Description: "在前台兑换商品"},
			{ID: "ops", Name: "运营", Description: "在后台管理活动"},
		},
		Domains: []model.Domain{
			{ID: "front", Name: "前台", Description: "面向用户的商城。", Modules: []model.Module{
				{ID: "mall", Name: "商城", Description: "商品展示与兑换", Tech: []string{"php", "redis"}},
				{ID: "coupon", Name: "卡券系统", Description: "发券与核销", Tech: []string{"mysql"}},
			}},
			{ID: "back", Name: "后台", Description: "运营管理工具。", Modules: []model.Module{
				{ID: "admin", Name: "运营后台", Description: "TP 框架", Tech: []string{"php"}},
			}},
		},
		Stack: model.Stack{Layers: []model.Layer{
			{ID: "lang", Name: "语言", Technologies: []model.Technology{
				{ID: "php", Name: "PHP", Version: "7.2", What: "脚本语言", Why: "团队熟悉，LNMP 成熟", How: "PDO 单例数据库连接",
					Pitfalls: []string{"单例在常驻进程里会断线", "注意 `magic_quotes`"}},
			}},
			{ID: "data", Name: "数据", Technologies: []model.Technology{
				{ID: "mysql", Name: "MySQL", Why: "事务", Pitfalls: []string{"卡券表过大，索引失效"}},
				{ID: "redis", Name: "Redis", How: "缓存与 session 共享"},
				{ID: "nginx", Name: "Nginx"},
			}},
		}},
		Flows: []model.Flow{
			{ID: "browse", From: "user", To: "mall", Label: "浏览商品", Protocol: "HTTPS"},
			{ID: "redeem", From: "user", To: "coupon", Label: "兑换卡券", Steps: []model.Step{
				{From: "user", To: "mall", Label: "提交兑换"},
				{From: "mall", To: "coupon", Label: "锁券"},
			}},
		},
		Notes: []model.Note{{On: "front", Text: "先讲用户怎么进来。"}},
		Ideas: []model.Idea{{ID: "coupon-db", Title: "卡券系统的改进", Problem: "原始数据库设计导致数据量过大",
			Options: []model.Option{
				{Name: "重构数据库", Pros: []string{"改动可控"}, Cons: []string{"需要迁移"}},
				{Name: "使用 MongoDB", Description: "分布式数据库", Pros: []string{"水平扩展"}, Cons: []string{"团队不熟"}},
			},
			Decision: "先重构数据库", Status: "accepted"}},
		Tasks: []model.Task{{ID: "mall-service", Title: "商城 service 实现", Situation: "老代码没有测试",
			Task: "重写商城服务层", Action: "PDO 封装 + PHPUnit", Result: "回归缺陷减少", Tech: []string{"php"},
			Highlights: []string{"PDO 封装的单例数据库连接类", "引入 PHPUnit 单元测试", "Postman 接口测试"}}},
		Glossary: []model.Term{{Term: "LNMP", Definition: "Linux + Nginx + MySQL + PHP"}, {Term: "SQS", Definition: "消息队列", Aliases: []string{"队列"}}},
		Presentation: &model.Presentation{Author: "张三", Date: "2026-11-30", Duration: "10m",
			Notes: map[string]string{"business": "从左到右讲：用户 → 前台 → 后台。"}},
	}
	m.BuildIndex()
	return m
}

// tinyModel is a small English model with a custom presentation.
func tinyModel() *model.Model {
	m := &model.Model{
		Name:    "Tiny <shop>",
		Summary: "A *tiny* shop.",
		Actors:  []model.Actor{{ID: "buyer", Name: "Buyer"}},
		Domains: []model.Domain{{ID: "web", Name: "Web", Modules: []model.Module{{ID: "api", Name: "API", Tech: []string{"go"}}}}},
		Stack: model.Stack{Layers: []model.Layer{{ID: "code", Name: "Code", Technologies: []model.Technology{
			{ID: "go", Name: "Go", Why: "Fast builds; see [API](module:api).", Pitfalls: []string{"nil maps <script>alert(1)</script>"}}}}}},
		Flows: []model.Flow{{ID: "order", From: "buyer", To: "api", Label: "order"}},
		Presentation: &model.Presentation{
			Title: "Tiny talk", Duration: "5m",
			Sections: []model.SectionSpec{
				{Section: "title"},
				{Section: "business", Title: "How it fits", Weight: 2, Notes: "Start here."},
				{Section: "technologies"},
				{Section: "slides"},
				{Section: "flows"},
			},
			Slides: []model.SlideSpec{
				{ID: "why", Title: "Why archdoc", Body: "- one file\n- many outputs", Notes: "Keep it short."},
				{ID: "extra", Title: "After tech", Body: "Hello **world**", After: "technologies"},
			},
		},
	}
	m.BuildIndex()
	return m
}

// gridScene lays ids out on a grid with edges between consecutive nodes:
// a stand-in for the layout package in these tests.
func gridScene(id, title string, clusterID string, ids ...string) *scene.Scene {
	s := &scene.Scene{ID: id, Title: title, Kind: scene.KindGraph, FontSize: 14}
	for i, n := range ids {
		r := scene.Rect{X: 40 + float64(i%3)*180, Y: 60 + float64(i/3)*120, W: 140, H: 56}
		shape := scene.ShapeBox
		if i == 0 {
			shape = scene.ShapeActor
		}
		s.Nodes = append(s.Nodes, scene.Node{ID: n, Shape: shape, Label: []string{n, "节点"}, Rect: r, Parent: clusterID})
		if i > 0 {
			p, q := s.Nodes[i-1].Rect.Center(), r.Center()
			s.Edges = append(s.Edges, scene.Edge{ID: fmt.Sprintf("e%d", i), From: ids[i-1], To: n, Arrow: true,
				Label: []string{"调用"}, LabelRect: scene.Rect{X: (p.X + q.X) / 2, Y: (p.Y + q.Y) / 2, W: 30, H: 16},
				Path: []scene.Point{p, {X: p.X + 30, Y: p.Y}, {X: q.X - 30, Y: q.Y}, q}})
		}
	}
	s.Width = 40 + 3*180
	s.Height = 60 + float64((len(ids)+2)/3)*120 + 20
	if clusterID != "" {
		s.Clusters = []scene.Cluster{{ID: clusterID, Label: []string{clusterID}, Rect: scene.Rect{X: 20, Y: 30, W: s.Width - 30, H: s.Height - 40}, LabelPos: scene.Point{X: 26, Y: 34}}}
	}
	return s
}

func shopScenes() map[string]*scene.Scene {
	return map[string]*scene.Scene{
		"business":     gridScene("business", "业务模型", "front", "user", "mall", "coupon", "admin"),
		"stack":        gridScene("stack", "技术栈", "", "php", "mysql", "redis", "nginx"),
		"domain/front": gridScene("domain/front", "前台", "front", "mall", "coupon"),
		"flow/redeem":  gridScene("flow/redeem", "兑换卡券", "", "user", "mall", "coupon"),
	}
}
