package site

import "github.com/archdoc/archdoc/model"

// hostileText tries to run script in every way a model author could.
// Each payload sets window.pwned, which the browser test checks.
const hostileText = `<script>window.pwned=1</script><img src=x onerror=window.pwned=2>` +
	`"'><svg onload=window.pwned=3>`

const hostileMarkdown = hostileText + "\n\n[click](javascript:window.pwned=4) " +
	"[tab](java&#9;script:window.pwned=5) <javascript:window.pwned=6> ![i](javascript:window.pwned=7)\n\n" +
	"<div onmouseover=\"window.pwned=8\">hover</div>\n\n[ok](module:cart)"

// hostileModel is the shop with hostile text in names, descriptions,
// Markdown, links and ids.
func hostileModel() *model.Model {
	m := shopModel()
	m.Name = hostileText
	m.Summary = hostileMarkdown
	m.Actors[0].Name = hostileText
	m.Actors[0].Description = hostileMarkdown
	m.Domains[0].Name = hostileText
	m.Domains[0].Description = hostileMarkdown
	mo := &m.Domains[0].Modules[0]
	mo.Name, mo.Description = hostileText, hostileMarkdown
	mo.Features = []string{hostileMarkdown}
	mo.Notes = []string{hostileMarkdown}
	mo.Tags = []string{hostileText}
	t := &m.Stack.Layers[0].Technologies[0]
	t.Name, t.What, t.Why, t.How = hostileText, hostileMarkdown, hostileMarkdown, hostileMarkdown
	t.Version, t.Category = hostileText, hostileText
	t.Pitfalls = []string{hostileMarkdown}
	t.Links = []model.Link{{Title: hostileText, URL: "javascript:window.pwned=9"}, {Title: "x", URL: "  JAVASCRIPT:window.pwned=10"}}
	m.Flows[0].Label, m.Flows[0].Description, m.Flows[0].Protocol = hostileText, hostileMarkdown, hostileText
	m.Flows[0].Steps[0].Label, m.Flows[0].Steps[0].Note = hostileText, hostileMarkdown
	m.Ideas[0].Title, m.Ideas[0].Problem, m.Ideas[0].Status = hostileText, hostileMarkdown, hostileText
	m.Ideas[0].Options = []model.Option{{Name: hostileText, Description: hostileMarkdown, Pros: []string{hostileMarkdown}, Cons: []string{hostileMarkdown}}}
	m.Tasks[0].Title, m.Tasks[0].Situation, m.Tasks[0].Highlights = hostileText, hostileMarkdown, []string{hostileMarkdown}
	m.Glossary[0] = model.Term{Term: hostileText, Definition: hostileMarkdown, Aliases: []string{hostileText}}
	m.Ideas = append(m.Ideas, model.Idea{ID: `x" onmouseover="window.pwned=11`, Title: "id attack"})
	m.Language = hostileText
	m.Version = hostileText
	m.BuildIndex()
	return m
}
