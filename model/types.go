// Package model holds the architecture model: the Go types behind
// architecture.yaml, the position-keeping loader and the validator.
package model

import "strings"

// Model is one architecture.yaml (plus its includes), decoded.
//
// Every list keeps the file order. Positions of every value are kept by
// path (see Model.Pos) so that later stages can report file:line:col.
type Model struct {
	Name         string        `yaml:"name" json:"name" doc:"Name of the system."`
	Summary      string        `yaml:"summary,omitempty" json:"summary,omitempty" doc:"What the system is, in Markdown."`
	Language     string        `yaml:"language,omitempty" json:"language,omitempty" doc:"Language of the generated UI, e.g. zh-CN or en."`
	Version      string        `yaml:"version,omitempty" json:"version,omitempty"`
	Include      []string      `yaml:"include,omitempty" json:"include,omitempty" doc:"Further YAML files (relative to this one) whose lists are appended to this model."`
	Settings     Settings      `yaml:"settings,omitempty" json:"settings,omitempty"`
	Actors       []Actor       `yaml:"actors,omitempty" json:"actors,omitempty"`
	Domains      []Domain      `yaml:"domains,omitempty" json:"domains,omitempty"`
	Stack        Stack         `yaml:"stack,omitempty" json:"stack,omitempty"`
	Flows        []Flow        `yaml:"flows,omitempty" json:"flows,omitempty"`
	Notes        []Note        `yaml:"notes,omitempty" json:"notes,omitempty"`
	Ideas        []Idea        `yaml:"ideas,omitempty" json:"ideas,omitempty"`
	Tasks        []Task        `yaml:"tasks,omitempty" json:"tasks,omitempty"`
	Glossary     []Term        `yaml:"glossary,omitempty" json:"glossary,omitempty"`
	Docs         []Doc         `yaml:"docs,omitempty" json:"docs,omitempty"`
	Views        []ViewSpec    `yaml:"views,omitempty" json:"views,omitempty"`
	Business     *BusinessView `yaml:"business,omitempty" json:"business,omitempty" doc:"How the business view (the home page's diagram and the deck's business slide) is drawn."`
	Presentation *Presentation `yaml:"presentation,omitempty" json:"presentation,omitempty"`

	// File is the path of the main model file as given to Load; Dir its folder.
	File string `yaml:"-" json:"-"`
	Dir  string `yaml:"-" json:"-"`

	pos   map[string]Pos     // path ("flows[3].to") -> position of the value
	index map[string]Element // id -> element, built by Load
	files []string           // every model file read, main first (see Files)
	// origins: where each flow expanded from several targets (and each
	// flow after one) was written; see SourcePath.
	origins map[int]flowOrigin
	// fanouts: the id written on a flow with several targets -> the ids
	// of the flows it became, for messages about references to it.
	fanouts map[string][]string
}

// Settings change how the model's text is rendered.
type Settings struct {
	// AllowHTML lets raw HTML inside Markdown through. Off by default:
	// model text is untrusted.
	AllowHTML bool `yaml:"allow_html,omitempty" json:"allow_html,omitempty" doc:"Let raw HTML in Markdown through unescaped (off by default)."`
}

// Actor is a person or an external system around the system.
type Actor struct {
	ID          string   `yaml:"id" json:"id"`
	Name        string   `yaml:"name" json:"name"`
	Kind        string   `yaml:"kind,omitempty" json:"kind,omitempty" enum:"person,external" doc:"person (default) or external."`
	Description string   `yaml:"description,omitempty" json:"description,omitempty"`
	Tags        []string `yaml:"tags,omitempty" json:"tags,omitempty"`
}

// Domain is a business domain (前台, 后台, 数据模块 ...); domains may nest.
type Domain struct {
	ID          string   `yaml:"id" json:"id"`
	Name        string   `yaml:"name" json:"name"`
	Description string   `yaml:"description,omitempty" json:"description,omitempty"`
	Tags        []string `yaml:"tags,omitempty" json:"tags,omitempty"`
	// Defaults are expanded by the loader (see defaults.go): after
	// loading, every module's Tech already holds its domains' defaults.
	Defaults *ModuleDefaults `yaml:"defaults,omitempty" json:"defaults,omitempty" doc:"What every module the team builds in this domain (and in its sub-domains) has unless it says more, e.g. {tech: [php, mysql]}; databases, caches, queues and external APIs take no defaults."`
	Modules  []Module        `yaml:"modules,omitempty" json:"modules,omitempty"`
	Domains  []Domain        `yaml:"domains,omitempty" json:"domains,omitempty" doc:"Sub-domains."`
}

// ModuleDefaults are what a domain gives each of its modules.
type ModuleDefaults struct {
	Tech []string `yaml:"tech,omitempty" json:"tech,omitempty" doc:"Ids of technologies every module the team builds in the domain uses (modules of no kind or of kind service, gateway, frontend or job; not database, cache, queue or external ones, which run their own technology). A module's own tech list adds to them (its own first, then the defaults it does not list); a sub-domain's defaults add to its parent's."`
}

// Module is a part of a domain: a service, an app, a back-office tool.
type Module struct {
	ID          string   `yaml:"id" json:"id"`
	Name        string   `yaml:"name" json:"name"`
	Description string   `yaml:"description,omitempty" json:"description,omitempty"`
	Features    []string `yaml:"features,omitempty" json:"features,omitempty"`
	// Kind says what sort of module it is; each kind is drawn with its
	// own shape in every diagram format.
	Kind   string   `yaml:"kind,omitempty" json:"kind,omitempty" enum:"service,database,cache,queue,gateway,frontend,job,external" doc:"What sort of module it is, each drawn with its own shape: service (default; a rounded box), database (a cylinder), cache (a dashed cylinder), queue (a cylinder on its side), gateway (a hexagon), frontend (a web or mobile front end; a parallelogram), job (a batch or cron worker; a trapezoid), external (an external API; a box with a double border)."`
	Tech   []string `yaml:"tech,omitempty" json:"tech,omitempty" doc:"Ids of the technologies this module uses."`
	Stores []Store  `yaml:"stores,omitempty" json:"stores,omitempty" doc:"Data stores the module owns (its own database, cache or queue), drawn attached to it; e.g. [{id: order-db, tech: mongodb}]."`
	// Operations are the module's API, listed on its page as a table;
	// diagrams leave them out (features are what a box lists).
	Operations []Operation `yaml:"operations,omitempty" json:"operations,omitempty" doc:"The module's API operations (an RPC, an endpoint, a message it handles), shown on its page as a table, not in diagrams; e.g. [{name: GetCart, description: The user's cart}]."`
	Notes      []string    `yaml:"notes,omitempty" json:"notes,omitempty"`
	Tags       []string    `yaml:"tags,omitempty" json:"tags,omitempty"`
}

// Operation is one operation of a module's API.
type Operation struct {
	Name        string `yaml:"name" json:"name" doc:"As the API spells it: GetCart, POST /orders, order.created."`
	Description string `yaml:"description,omitempty" json:"description,omitempty" doc:"What it does (Markdown, one line)."`
}

// Store is a data store one module owns: its own database, cache or
// queue. It is an element (flows and notes may name it), drawn beside
// its module, and counted on the stack under its technology.
type Store struct {
	ID          string   `yaml:"id" json:"id"`
	Name        string   `yaml:"name,omitempty" json:"name,omitempty" doc:"Default: the id."`
	Kind        string   `yaml:"kind,omitempty" json:"kind,omitempty" enum:"database,cache,queue" doc:"database (default; a cylinder), cache (a dashed cylinder) or queue (a cylinder on its side)."`
	Tech        string   `yaml:"tech,omitempty" json:"tech,omitempty" doc:"Id of the technology it runs on (mongodb, redis ...); the stack counts it as a user."`
	Description string   `yaml:"description,omitempty" json:"description,omitempty"`
	Tags        []string `yaml:"tags,omitempty" json:"tags,omitempty"`
}

// ModuleKind is the module's kind, "service" when it gives none.
func (mo *Module) ModuleKind() string {
	if mo.Kind == "" {
		return "service"
	}
	return mo.Kind
}

// Built says whether the team builds the module (a service, gateway,
// front end or job) rather than runs or calls it (a database, cache,
// queue or external API): only built modules take a domain's default
// technologies, which are what the team writes its code with.
func (mo *Module) Built() bool {
	switch mo.ModuleKind() {
	case "database", "cache", "queue", "external":
		return false
	}
	return true
}

// StoreKind is the store's kind, "database" when it gives none.
func (s *Store) StoreKind() string {
	if s.Kind == "" {
		return "database"
	}
	return s.Kind
}

// DisplayName is the store's name, or its id when it has none.
func (s *Store) DisplayName() string {
	if s.Name == "" {
		return s.ID
	}
	return s.Name
}

// Stack is the technology stack, layer by layer.
type Stack struct {
	Layers []Layer `yaml:"layers,omitempty" json:"layers,omitempty"`
}

// Layer groups technologies (OS, web server, language, data ...).
type Layer struct {
	ID           string       `yaml:"id" json:"id"`
	Name         string       `yaml:"name" json:"name"`
	Description  string       `yaml:"description,omitempty" json:"description,omitempty"`
	Position     string       `yaml:"position,omitempty" json:"position,omitempty" enum:"main,side" doc:"main (default): a band across the stack diagram, in declaration order from the top; side: a column beside the bands, for cross-cutting layers (testing, async jobs)."`
	Technologies []Technology `yaml:"technologies,omitempty" json:"technologies,omitempty"`
}

// Technology explains one piece of the stack.
type Technology struct {
	ID       string   `yaml:"id" json:"id"`
	Name     string   `yaml:"name" json:"name"`
	Category string   `yaml:"category,omitempty" json:"category,omitempty"`
	Version  string   `yaml:"version,omitempty" json:"version,omitempty"`
	What     string   `yaml:"what,omitempty" json:"what,omitempty" doc:"What it is (Markdown)."`
	Why      string   `yaml:"why,omitempty" json:"why,omitempty" doc:"Why it was chosen (Markdown)."`
	How      string   `yaml:"how,omitempty" json:"how,omitempty" doc:"How this system uses it (Markdown)."`
	Pitfalls []string `yaml:"pitfalls,omitempty" json:"pitfalls,omitempty"`
	Links    []Link   `yaml:"links,omitempty" json:"links,omitempty"`
	UsedBy   []string `yaml:"used_by,omitempty" json:"used_by,omitempty" doc:"Ids of modules that use it (in addition to the modules' own tech lists)."`
	Tags     []string `yaml:"tags,omitempty" json:"tags,omitempty"`
	Icon     string   `yaml:"icon,omitempty" json:"icon,omitempty" doc:"Its icon: the name of one of archdoc's bundled icons (Simple Icons, e.g. nginx), none, or an SVG or PNG file inside the model's folder. Default: the bundled icon named like the technology, if any."`
	// IconFile is the content of the file Icon names (read by validate,
	// inside the model's folder only); nil when Icon names no file.
	IconFile []byte `yaml:"-" json:"-"`
}

// IsIconFile reports whether an icon: value names a file rather than a
// bundled icon: it ends in .svg or .png, or has a folder in it.
func IsIconFile(icon string) bool {
	l := strings.ToLower(icon)
	return strings.HasSuffix(l, ".svg") || strings.HasSuffix(l, ".png") || strings.ContainsAny(icon, `/\`)
}

// Link is a titled URL.
type Link struct {
	Title string `yaml:"title,omitempty" json:"title,omitempty"`
	URL   string `yaml:"url" json:"url"`
}

// Flow is data moving from one element to another.
type Flow struct {
	ID   string `yaml:"id,omitempty" json:"id,omitempty" doc:"Optional; derived from from/to when absent."`
	From string `yaml:"from" json:"from" doc:"Id of an actor, module, store, domain or technology."`
	// To is one id after loading: a list of targets in the file is
	// expanded by the loader into one flow per target (see fanout.go).
	To          string   `yaml:"to" json:"to" many:"true" one:"Id of an actor, module, store, domain or technology." doc:"Id of an actor, module, store, domain or technology, or, in the flows list, a list of them: the loader makes one flow per target, in list order. The copies share every other field; an explicit id gets the target's id appended (id-target), a derived one is from-target as usual. A flow with several targets cannot have steps."`
	Label       string   `yaml:"label,omitempty" json:"label,omitempty" doc:"The arrow's text."`
	Title       string   `yaml:"title,omitempty" json:"title,omitempty" doc:"The flow's name as a scenario: the heading of its page and of its sequence diagram, and its slide's title. Default: the label (which stays the arrow's text either way)."`
	Protocol    string   `yaml:"protocol,omitempty" json:"protocol,omitempty"`
	Data        string   `yaml:"data,omitempty" json:"data,omitempty"`
	Async       bool     `yaml:"async,omitempty" json:"async,omitempty" doc:"The sender does not wait: an event or a message through a queue. Drawn as a dashed arrow with an open head; in the flow's sequence, messages to or from a queue (a module or store of kind queue) are drawn as asynchronous messages."`
	Description string   `yaml:"description,omitempty" json:"description,omitempty"`
	Steps       []Step   `yaml:"steps,omitempty" json:"steps,omitempty" doc:"Ordered steps, drawn as a sequence diagram."`
	Tags        []string `yaml:"tags,omitempty" json:"tags,omitempty"`
}

// ScenarioTitle is the flow's name as a scenario (its page, sequence
// diagram and slide): its title, else its label; "" when it has neither.
func (f *Flow) ScenarioTitle() string {
	if f.Title != "" {
		return f.Title
	}
	return f.Label
}

// Step is one message of a flow's sequence.
type Step struct {
	From  string `yaml:"from" json:"from"`
	To    string `yaml:"to" json:"to"`
	Label string `yaml:"label,omitempty" json:"label,omitempty"`
	Note  string `yaml:"note,omitempty" json:"note,omitempty"`
}

// Note is free text attached to an element.
type Note struct {
	ID   string `yaml:"id,omitempty" json:"id,omitempty"`
	On   string `yaml:"on" json:"on" doc:"Id of the element the note is attached to."`
	Text string `yaml:"text" json:"text" doc:"Markdown."`
}

// Idea is an improvement proposal or decision record.
type Idea struct {
	ID           string   `yaml:"id" json:"id"`
	Title        string   `yaml:"title" json:"title"`
	Problem      string   `yaml:"problem,omitempty" json:"problem,omitempty"`
	Options      []Option `yaml:"options,omitempty" json:"options,omitempty"`
	Decision     string   `yaml:"decision,omitempty" json:"decision,omitempty"`
	Status       string   `yaml:"status,omitempty" json:"status,omitempty" enum:"proposed,accepted,rejected,superseded"`
	Consequences string   `yaml:"consequences,omitempty" json:"consequences,omitempty"`
	Related      []string `yaml:"related,omitempty" json:"related,omitempty" doc:"Ids of elements the idea concerns."`
	Tags         []string `yaml:"tags,omitempty" json:"tags,omitempty"`
}

// Option is one way to solve an idea's problem.
type Option struct {
	Name        string   `yaml:"name" json:"name"`
	Description string   `yaml:"description,omitempty" json:"description,omitempty"`
	Pros        []string `yaml:"pros,omitempty" json:"pros,omitempty"`
	Cons        []string `yaml:"cons,omitempty" json:"cons,omitempty"`
	Changes     *Changes `yaml:"changes,omitempty" json:"changes,omitempty" doc:"What the architecture would look like with this option: elements added, removed and modified."`
}

// Task is the engineer's own work, told as situation, task, action, result.
type Task struct {
	ID         string   `yaml:"id" json:"id"`
	Title      string   `yaml:"title" json:"title"`
	Situation  string   `yaml:"situation,omitempty" json:"situation,omitempty"`
	Task       string   `yaml:"task,omitempty" json:"task,omitempty"`
	Action     string   `yaml:"action,omitempty" json:"action,omitempty"`
	Result     string   `yaml:"result,omitempty" json:"result,omitempty"`
	Tech       []string `yaml:"tech,omitempty" json:"tech,omitempty" doc:"Ids of technologies used."`
	Modules    []string `yaml:"modules,omitempty" json:"modules,omitempty" doc:"Ids of modules worked on."`
	Highlights []string `yaml:"highlights,omitempty" json:"highlights,omitempty" doc:"Implementation highlights (Markdown)."`
	Tags       []string `yaml:"tags,omitempty" json:"tags,omitempty"`
}

// Term is a glossary entry.
type Term struct {
	Term       string   `yaml:"term" json:"term"`
	Definition string   `yaml:"definition" json:"definition"`
	Aliases    []string `yaml:"aliases,omitempty" json:"aliases,omitempty"`
}

// Doc is an extra Markdown page, by path relative to the model's folder.
type Doc struct {
	ID    string `yaml:"id,omitempty" json:"id,omitempty" doc:"Optional; derived from the path when absent."`
	Title string `yaml:"title,omitempty" json:"title,omitempty"`
	Path  string `yaml:"path" json:"path"`
}

// ViewSpec declares a custom view: elements chosen by id or by "tag:NAME".
type ViewSpec struct {
	ID          string   `yaml:"id" json:"id"`
	Title       string   `yaml:"title,omitempty" json:"title,omitempty"`
	Description string   `yaml:"description,omitempty" json:"description,omitempty"`
	Include     []string `yaml:"include" json:"include" doc:"Element ids, tag:NAME, or * for everything."`
	Exclude     []string `yaml:"exclude,omitempty" json:"exclude,omitempty" doc:"Element ids or tag:NAME."`
	Level       string   `yaml:"level,omitempty" json:"level,omitempty" enum:"auto,domain,module" doc:"domain: one box per top-level domain, each linking to its page, with arrows between domains counted; module: every module, never collapsed (a very large view may still be placed on a grid); auto (default): modules, unless the drawing would be unreadable or too large to lay out: then it is drawn at domain level and says why."`
}

// BusinessView configures the built-in business view.
type BusinessView struct {
	Level string `yaml:"level,omitempty" json:"level,omitempty" enum:"auto,domain,module" doc:"domain: one box per top-level domain, each linking to its page, with arrows between domains counted; module: every module, never collapsed (a very large view may still be placed on a grid); auto (default): modules, unless the drawing would be unreadable or too large to lay out: then it is drawn at domain level and says why."`
}

// Presentation configures the slide deck (see `archdoc slides`).
type Presentation struct {
	Title    string            `yaml:"title,omitempty" json:"title,omitempty"`
	Subtitle string            `yaml:"subtitle,omitempty" json:"subtitle,omitempty"`
	Author   string            `yaml:"author,omitempty" json:"author,omitempty"`
	Date     string            `yaml:"date,omitempty" json:"date,omitempty"`
	Duration string            `yaml:"duration,omitempty" json:"duration,omitempty" doc:"Time budget, e.g. 10m."`
	Sections []SectionSpec     `yaml:"sections,omitempty" json:"sections,omitempty" doc:"Sections in order; omitted sections are skipped. Absent: the default order."`
	Slides   []SlideSpec       `yaml:"slides,omitempty" json:"slides,omitempty" doc:"Extra slides written in Markdown."`
	Notes    map[string]string `yaml:"notes,omitempty" json:"notes,omitempty" doc:"Speaker notes by slide id."`
	Reveal   *bool             `yaml:"reveal,omitempty" json:"reveal,omitempty" doc:"The HTML deck builds diagrams up a step at a time: the business slide by who uses it, each domain, then the flows; a flow message by message. Default true; PDF and PPTX show them whole."`
}

// SectionSpec picks one section of the deck.
type SectionSpec struct {
	Section string   `yaml:"section" json:"section" enum:"title,business,domains,stack,technologies,flows,ideas,tasks,highlights,glossary,slides"`
	Title   string   `yaml:"title,omitempty" json:"title,omitempty"`
	Only    []string `yaml:"only,omitempty" json:"only,omitempty" doc:"Ids of the elements to show in this section (default: all)."`
	Notes   string   `yaml:"notes,omitempty" json:"notes,omitempty" doc:"Speaker notes for the section's first slide."`
	Weight  float64  `yaml:"weight,omitempty" json:"weight,omitempty" doc:"Share of the time budget relative to other sections (default 1)."`
}

// SlideSpec is a slide written by hand in Markdown.
type SlideSpec struct {
	ID    string `yaml:"id" json:"id"`
	Title string `yaml:"title" json:"title"`
	Body  string `yaml:"body,omitempty" json:"body,omitempty" doc:"Markdown."`
	Notes string `yaml:"notes,omitempty" json:"notes,omitempty"`
	After string `yaml:"after,omitempty" json:"after,omitempty" doc:"Section after which the slide goes (default: the end, or where a 'slides' section stands)."`
}
