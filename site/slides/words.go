package slides

import "strings"

// words are the deck's own UI strings, in the model's language.
type words struct {
	Business, Stack, Flows, KeyFlows, Glossary, QA, QABody                 string
	What, Why, How, Pitfalls, Problem, Options, Decision, Pros, Cons       string
	Status, Consequences, Situation, Task, Action, Result, Highlights      string
	Modules, SubDomains, Actors, Domains, Features, TechUsed, Technologies string
	Colon, MainBusiness, Ideas, Tasks                                      string
	Appendix, AppendixBody                                                 string
}

var english = words{
	Business: "Business model", Stack: "Technology stack", Flows: "Data flows", KeyFlows: "Key data flows",
	Glossary: "Glossary", QA: "Q&A", QABody: "Thank you — questions?",
	What: "What", Why: "Why", How: "How we use it", Pitfalls: "Pitfalls",
	Problem: "Problem", Options: "Options", Decision: "Decision", Pros: "Pros", Cons: "Cons",
	Status: "Status", Consequences: "Consequences",
	Situation: "Situation", Task: "Task", Action: "Action", Result: "Result", Highlights: "Implementation highlights",
	Modules: "Modules", SubDomains: "Sub-domains", Actors: "Actors", Domains: "Domains", Features: "Features",
	TechUsed: "Technologies", Technologies: "Technologies", Colon: ": ", MainBusiness: "Main business", Ideas: "Ideas", Tasks: "What I did",
	Appendix: "Appendix", AppendixBody: "%d more slides, for questions",
}

var chinese = words{
	Business: "业务模型", Stack: "技术栈", Flows: "数据流", KeyFlows: "关键数据流",
	Glossary: "术语表", QA: "问答", QABody: "谢谢！欢迎提问",
	What: "是什么", Why: "为什么选它", How: "怎么用", Pitfalls: "踩过的坑",
	Problem: "问题", Options: "方案", Decision: "决定", Pros: "优点", Cons: "缺点",
	Status: "状态", Consequences: "影响",
	Situation: "背景", Task: "任务", Action: "行动", Result: "结果", Highlights: "实现亮点",
	Modules: "模块", SubDomains: "子领域", Actors: "角色", Domains: "业务领域", Features: "功能",
	TechUsed: "技术", Technologies: "技术", Colon: "：", MainBusiness: "主要业务", Ideas: "自己的一些想法", Tasks: "项目任务",
	Appendix: "附录", AppendixBody: "另有 %d 页，答疑时用",
}

func wordsFor(lang string) words {
	if strings.HasPrefix(strings.ToLower(lang), "zh") {
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
