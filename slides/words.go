package slides

import "github.com/archdoc/archdoc/internal/uilang"

// words are the deck's own UI strings, in the model's language.
type words struct {
	Business, Stack, Flows, KeyFlows, Glossary, QA, QABody                 string
	What, Why, How, Pitfalls, Problem, Options, Decision, Pros, Cons       string
	Status, Consequences, Situation, Task, Action, Result, Highlights      string
	Modules, SubDomains, Actors, Domains, Features, TechUsed, Technologies string
	Colon, MainBusiness, Ideas, Tasks                                      string
	Appendix, AppendixBody                                                 string
	Async                                                                  string
	FewerArrows                                                            string // a diagram leaves weaker arrows out
	Stubs                                                                  string // a split domain draws other domains one box each
}

// The names of the model's concepts come from uilang.Terms, shared with
// the site; the rest are the deck's own.
var english = deckWords(uilang.English, words{
	Business: "Business model", KeyFlows: "Key data flows",
	QA: "Q&A", QABody: "Thank you — questions?",
	Status: "Status", TechUsed: "Technologies", Colon: ": ", MainBusiness: "Main business", Ideas: "Ideas", Tasks: "What I did",
	Appendix: "Appendix", AppendixBody: "%d more slides, for questions",
	FewerArrows: "Only the links that carry the most flows are drawn; the site shows all of them, each domain's page its own.",
	Stubs:       "Shown in %d parts; other domains are drawn one box each, their modules on the site.",
})

var chinese = deckWords(uilang.Chinese, words{
	Business: "业务模型", KeyFlows: "关键数据流",
	QA: "问答", QABody: "谢谢！欢迎提问",
	Status: "状态", TechUsed: "技术", Colon: "：", MainBusiness: "主要业务", Ideas: "自己的一些想法", Tasks: "项目任务",
	Appendix: "附录", AppendixBody: "另有 %d 页，答疑时用",
	FewerArrows: "图中只画出承载数据流最多的连线；全部连线见网站，每个业务域的页面列出它自己的。",
	Stubs:       "分 %d 页讲；其他业务域各画成一个方框，它们的模块见网站。",
})

// deckWords fills w's concept names from the shared term list.
func deckWords(ui string, w words) words {
	t := uilang.Terms(ui)
	w.Stack, w.Flows, w.Glossary = t["stack"], t["flows"], t["glossary"]
	w.What, w.Why, w.How, w.Pitfalls = t["what"], t["why"], t["how"], t["pitfalls"]
	w.Problem, w.Options, w.Decision, w.Pros, w.Cons = t["problem"], t["options"], t["decision"], t["pros"], t["cons"]
	w.Consequences, w.Situation, w.Task, w.Action, w.Result, w.Highlights = t["consequences"], t["situation"], t["task"], t["action"], t["result"], t["highlights"]
	w.Async = t["async"]
	w.Modules, w.SubDomains, w.Actors, w.Domains, w.Features, w.Technologies = t["modules"], t["subdomains"], t["actors"], t["domains"], t["features"], t["technologies"]
	return w
}

func wordsFor(lang string) words {
	if uilang.IsChinese(lang) {
		return chinese
	}
	return english
}

// deckLang is the language attribute of a deck: the model's, else English.
func deckLang(lang string) string {
	if lang == "" {
		return "en"
	}
	return lang
}
