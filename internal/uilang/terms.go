package uilang

// terms name the model's concepts, one word per concept and language,
// shared by the site and the deck so a reader meets the same word in both
// (the site said 业务域 and 使用者 where the deck said 业务领域 and 角色).
var terms = map[string]map[string]string{
	English: {
		"domains": "Domains", "domain": "Domain", "subdomains": "Sub-domains",
		"modules": "Modules", "module": "Module", "features": "Features", "stores": "Data stores", "store": "Store",
		"operations": "API operations", "operation": "Operation", "async": "asynchronous",
		"store-database": "database", "store-cache": "cache", "store-queue": "queue",
		"actors": "Who uses it", "actor": "Actor",
		"stack": "Tech stack", "technologies": "Technologies", "technology": "Technology",
		"flows": "Data flows", "glossary": "Glossary",
		"what": "What it is", "why": "Why we chose it", "how": "How we use it", "pitfalls": "Pitfalls",
		"problem": "Problem", "options": "Options", "decision": "Decision", "pros": "Pros", "cons": "Cons",
		"consequences": "Consequences",
		"situation":    "Situation", "task": "Task", "action": "Action", "result": "Result", "highlights": "Highlights",
	},
	Chinese: {
		"domains": "业务域", "domain": "业务域", "subdomains": "子业务域",
		"modules": "模块", "module": "模块", "features": "功能", "stores": "数据存储", "store": "存储",
		"operations": "接口操作", "operation": "操作", "async": "异步",
		"store-database": "数据库", "store-cache": "缓存", "store-queue": "队列",
		"actors": "使用者", "actor": "使用者",
		"stack": "技术栈", "technologies": "技术", "technology": "技术",
		"flows": "数据流", "glossary": "术语表",
		"what": "是什么", "why": "为什么选它", "how": "我们怎么用", "pitfalls": "踩过的坑",
		"problem": "问题", "options": "方案", "decision": "决定", "pros": "优点", "cons": "缺点",
		"consequences": "影响",
		"situation":    "背景", "task": "任务", "action": "行动", "result": "结果", "highlights": "亮点",
	},
}

// Terms returns the concept words of a UI language (English for any other).
// The map is a copy: callers may add their own words to it.
func Terms(ui string) map[string]string {
	t, ok := terms[ui]
	if !ok {
		t = terms[English]
	}
	out := make(map[string]string, len(t))
	for k, v := range t {
		out[k] = v
	}
	return out
}

// Term is one concept word, for callers that need only a few.
func Term(ui, key string) string { return Terms(ui)[key] }
