package site

import "github.com/archdoc/archdoc/internal/uilang"

// uiStrings are the words of the site's frame, by key, besides the names
// of the model's concepts, which uilang.Terms shares with the deck. The
// model's language picks the table; English fills any key a table lacks.
var uiStrings = map[string]map[string]string{
	"en": {
		"home": "Home", "layer": "Layer", "flow": "Flow", "ideas": "Ideas & decisions", "idea": "Idea",
		"tasks": "My work", "docs": "Docs", "doc": "Doc", "slides": "Slides",
		"view": "View", "openDiagram": "Open the diagram on its own (SVG)", "views": "More diagrams", "note": "Note", "term": "Term",
		"domainLevel":         "Too large to draw box by box: each box is a domain; click one for its modules.",
		"chosenLevel":         "Each box is a domain; click one for its modules.",
		"gridLayout":          "Graphviz could not lay this diagram out: its boxes sit on a plain grid and its arrows are straight.",
		"straightEdges":       "Some arrows are drawn straight: Graphviz could not route them around the boxes.",
		"neighbourDomains":    "Other domains are drawn one box each, saying how many of their modules take part; click one for its page.",
		"techsOnly":           "Too many modules to draw: each technology says how many modules use it; its page lists them.",
		"strongestArrows":     " Only the links that carry the most flows are drawn; each domain's page shows all of its own.",
		"domainLevelWhy":      "Drawn domain by domain: each box is a domain; click one for its modules.",
		"why.too-large":       "Box by box it would have %[1]v boxes and arrows, more than the %[2]v that can be drawn.",
		"why.arrows-across":   "Box by box it would have %[1]v arrows between domains, more than can be drawn readably (%[2]v).",
		"why.small-text":      "Box by box, fitted to this page, its smallest text would be %.1[1]f px, less than the %[2]v px that read on a screen.",
		"why.through-domains": "Box by box, %[1]v of its %[2]v arrows would pass through domains they do not belong to.",
		"why.layout-failed":   "Box by box, Graphviz drew it with overlapping domains or arrows it could not route.",
		"why.too-long":        "Box by box it came out %.0[1]f times longer than wide, more than %[2]v.",
		"search":              "Search", "searchPlaceholder": "Search… ( / )", "noResults": "No results",
		"theme": "Switch light/dark theme", "menu": "Site", "skip": "Skip to content", "madeWith": "Made with",
		"welcome": "Architecture guide", "businessModel": "Business model",
		"diagramHint": "Click a box to open its page; hover to see what it talks to.",
		"readingPath": "Reading path", "readingPathHint": "New here? Read these pages in order; each ends with a link to the next.",
		"previous": "Previous", "next": "Next", "inDomain": "Part of",
		"contextDiagram": "Context", "notes": "Notes",
		"links": "Links", "usedBy": "Used by", "usedByStores": "Used by modules and stores",
		"opDescription": "What it does", "asyncNote": "asynchronous (the sender does not wait)",
		"async": "async", "arrowLabel": "arrow", "colon": ": ",
		"flowIn": "in", "flowOut": "out", "from": "From", "to": "To", "protocol": "Protocol", "data": "Data", "steps": "Steps", "sequence": "Sequence",
		"related":         "Related",
		"status.proposed": "proposed", "status.accepted": "accepted", "status.rejected": "rejected", "status.superseded": "superseded",
		"whoUsesWhat": "Who uses what", "whoUsesWhatHint": "Each row is a module, each column a technology; a dot means the module uses it.",
		"stackIntro":  "The technologies the system runs on, layer by layer. Each has a page: what it is, why it was chosen, how it is used here and what to watch out for.",
		"flowsIntro":  "Where the data goes: every flow between people, modules and technologies.",
		"ideasIntro":  "Problems worth solving and the options weighed for each.",
		"tasksIntro":  "Work done on this system, told as situation, task, action and result.",
		"nothingYet":  "Nothing here yet.",
		"buildFailed": "The model has errors", "buildFailedHint": "Fix them and save: this page reloads by itself.",
		"zoomIn": "Zoom in", "zoomOut": "Zoom out", "zoomFit": "Fit to width", "fullScreen": "Full screen", "closeFullScreen": "Close full screen",
		"diagramMore": "Part of the diagram is out of sight: swipe or drag it, pinch or use the buttons to zoom.",
		"notFound":    "Page not found", "notFoundHint": "There is no page at this address. Search above, or start again from",
	},
	"zh": {
		"home": "首页", "layer": "层", "flow": "数据流", "ideas": "想法与决策", "idea": "想法",
		"tasks": "我的工作", "docs": "文档", "doc": "文档", "slides": "演示",
		"view": "视图", "openDiagram": "单独打开此图（SVG）", "views": "更多视图", "note": "备注", "term": "术语",
		"domainLevel":         "内容太多，此图按领域汇总：每个方框是一个业务域，点击查看它的模块。",
		"chosenLevel":         "此图按领域汇总：每个方框是一个业务域，点击查看它的模块。",
		"gridLayout":          "Graphviz 无法排布此图：方框按网格摆放，连线为直线。",
		"straightEdges":       "部分连线画成直线：Graphviz 无法让它们绕开方框。",
		"neighbourDomains":    "其他业务域各画成一个方框，并标出其中参与的模块数；点击查看该域。",
		"techsOnly":           "模块太多，此图只画技术：每项技术标明有多少模块使用，点击查看清单。",
		"strongestArrows":     "只画出承载数据流最多的连线；每个业务域的页面列出它的全部数据流。",
		"domainLevelWhy":      "此图按领域汇总：每个方框是一个业务域，点击查看它的模块。",
		"why.too-large":       "逐个画出会有 %[1]v 个方框和连线，超过可绘制的 %[2]v 个。",
		"why.arrows-across":   "逐个画出会有 %[1]v 条跨业务域的连线，超过能清楚绘制的 %[2]v 条。",
		"why.small-text":      "逐个画出并缩放到本页宽度时，最小的文字只有 %.1[1]f 像素，小于屏幕上可读的 %[2]v 像素。",
		"why.through-domains": "逐个画出时，%[2]v 条连线中有 %[1]v 条会穿过与它无关的业务域。",
		"why.layout-failed":   "逐个画出时，Graphviz 画出的业务域相互重叠，或有连线无法绕开方框。",
		"why.too-long":        "逐个画出时，此图的长是宽的 %.0[1]f 倍，超过 %[2]v 倍。",
		"search":              "搜索", "searchPlaceholder": "搜索…（/）", "noResults": "没有结果",
		"theme": "切换浅色/深色主题", "menu": "站点", "skip": "跳到正文", "madeWith": "生成工具",
		"welcome": "架构导览", "businessModel": "业务模型",
		"diagramHint": "点击方框打开对应页面；鼠标悬停可查看与它相连的部分。",
		"readingPath": "阅读路线", "readingPathHint": "第一次来？按顺序阅读这些页面，每页末尾都有下一页的链接。",
		"previous": "上一页", "next": "下一页", "inDomain": "所属",
		"contextDiagram": "上下文", "notes": "备注",
		"links": "链接", "usedBy": "使用它的模块", "usedByStores": "使用它的模块与存储",
		"opDescription": "作用", "asyncNote": "异步（发送方不等待）",
		"async": "异步", "arrowLabel": "箭头", "colon": "：",
		"flowIn": "流入", "flowOut": "流出", "from": "从", "to": "到", "protocol": "协议", "data": "数据", "steps": "步骤", "sequence": "时序",
		"related":         "相关",
		"status.proposed": "提议中", "status.accepted": "已采纳", "status.rejected": "已否决", "status.superseded": "已取代",
		"whoUsesWhat": "谁在用什么", "whoUsesWhatHint": "每行一个模块，每列一项技术；圆点表示该模块使用这项技术。",
		"stackIntro":  "系统按层使用的技术。每项技术都有一页：它是什么、为什么选它、这里怎么用、要注意什么。",
		"flowsIntro":  "数据的去向：人、模块与技术之间的每一条数据流。",
		"ideasIntro":  "值得解决的问题，以及为每个问题权衡过的方案。",
		"tasksIntro":  "在这个系统上做过的工作，按情境、任务、行动、结果讲述。",
		"nothingYet":  "暂无内容。",
		"buildFailed": "模型有错误", "buildFailedHint": "修正后保存，本页会自动刷新。",
		"zoomIn": "放大", "zoomOut": "缩小", "zoomFit": "适合宽度", "fullScreen": "全屏查看", "closeFullScreen": "退出全屏",
		"diagramMore": "图的一部分在视野之外：可以滑动或拖动，双指或用按钮缩放。",
		"notFound":    "找不到页面", "notFoundHint": "这个地址没有页面。可以用上方的搜索，或回到",
	},
}

// uiTable returns the UI strings for a model language such as "zh-CN",
// "ZH-cn" or "en", with English filling any gap.
func uiTable(lang string) map[string]string {
	out := uilang.Terms(uilang.English)
	for k, v := range uiStrings[uilang.English] {
		out[k] = v
	}
	if ui, _ := uilang.Of(lang); ui != uilang.English {
		for k, v := range uilang.Terms(ui) {
			out[k] = v
		}
		for k, v := range uiStrings[ui] {
			out[k] = v
		}
	}
	return out
}

// htmlLang is the lang attribute for the pages: the model's language, or en.
func htmlLang(lang string) string {
	if lang == "" {
		return "en"
	}
	return lang
}
