package slides

import "testing"

func TestJoinLines(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"开启自动重启，\n用 numprocs 控制", "开启自动重启，用 numprocs 控制"},
		{"写入同一个库；\n出站使用", "写入同一个库；出站使用"},
		{"数据库访问\n有了唯一入口", "数据库访问有了唯一入口"},
		{"种下\ncookie", "种下\ncookie"},                       // a space between Chinese and English stays
		{"one line\nand another", "one line\nand another"}, // English soft breaks stay
		{"步骤：\n1. 封装；\n2. 测试。", "步骤：\n1. 封装；\n2. 测试。"},     // a list stays a list
		{"第一段。\n\n第二段。", "第一段。\n\n第二段。"},
	} {
		if got := joinLines(c.in); got != c.want {
			t.Errorf("joinLines(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestLead(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"短句。", "短句。"},
		{"Corner Shop sells\nthings.\n\nMore.", "Corner Shop sells things."},
		{"用户能看到、能摸到的所有入口。网站、APP 和 chrome 插件共用同一套后端业务，用户的行为记录统一写入一个库，出站使用同一链接不同参数。",
			"用户能看到、能摸到的所有入口。网站、APP 和 chrome 插件共用同一套后端业务，用户的行为记录统一写入一个库…"},
		{"A corner shop that sells groceries online and delivers them the same day, with a small back office for stock and orders.",
			"A corner shop that sells groceries online and delivers them…"},
	} {
		if got := lead(c.in); got != c.want {
			t.Errorf("lead(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
