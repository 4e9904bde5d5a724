package importkit

import (
	"strings"

	"github.com/archdoc/archdoc/model"
)

// layer is a stack layer technologies land in, in the order they appear.
type layer struct{ id, name string }

var layers = []layer{
	{"edge", "Web and edge"}, {"app", "Application"}, {"data", "Data"},
	{"messaging", "Messaging"}, {"ops", "Operations"}, {"other", "Other"},
}

// known is what a technology is, by the lowercased word an image or a
// technology string starts with.
type known struct{ name, layer, category string }

var knownTechs = map[string]known{
	"nginx": {"Nginx", "edge", "web server"}, "openresty": {"OpenResty", "edge", "web server"},
	"httpd": {"Apache httpd", "edge", "web server"}, "apache": {"Apache httpd", "edge", "web server"},
	"caddy": {"Caddy", "edge", "web server"}, "traefik": {"Traefik", "edge", "reverse proxy"},
	"haproxy": {"HAProxy", "edge", "load balancer"}, "envoy": {"Envoy", "edge", "proxy"},
	"varnish": {"Varnish", "edge", "cache"},
	"php":     {"PHP", "app", "language"}, "php-fpm": {"PHP-FPM", "app", "runtime"},
	"node": {"Node.js", "app", "runtime"}, "python": {"Python", "app", "language"},
	"golang": {"Go", "app", "language"}, "go": {"Go", "app", "language"},
	"openjdk": {"Java", "app", "runtime"}, "java": {"Java", "app", "language"},
	"eclipse-temurin": {"Java", "app", "runtime"}, "tomcat": {"Tomcat", "app", "application server"},
	"ruby": {"Ruby", "app", "language"}, "spring": {"Spring", "app", "framework"},
	"javascript": {"JavaScript", "app", "language"}, "typescript": {"TypeScript", "app", "language"},
	"angular": {"Angular", "app", "web framework"}, "react": {"React", "app", "web framework"},
	"vue": {"Vue", "app", "web framework"}, "laravel": {"Laravel", "app", "framework"},
	"thinkphp": {"ThinkPHP", "app", "framework"}, "kotlin": {"Kotlin", "app", "language"}, "dotnet": {".NET", "app", "runtime"},
	"mysql": {"MySQL", "data", "database"}, "mariadb": {"MariaDB", "data", "database"},
	"postgres": {"PostgreSQL", "data", "database"}, "postgresql": {"PostgreSQL", "data", "database"},
	"mongo": {"MongoDB", "data", "database"}, "mongodb": {"MongoDB", "data", "database"},
	"redis": {"Redis", "data", "cache"}, "memcached": {"Memcached", "data", "cache"},
	"elasticsearch": {"Elasticsearch", "data", "search"}, "opensearch": {"OpenSearch", "data", "search"},
	"clickhouse": {"ClickHouse", "data", "database"}, "cassandra": {"Cassandra", "data", "database"},
	"minio": {"MinIO", "data", "object storage"}, "oracle": {"Oracle Database", "data", "database"},
	"rabbitmq": {"RabbitMQ", "messaging", "message broker"}, "kafka": {"Kafka", "messaging", "event stream"},
	"nats": {"NATS", "messaging", "message broker"}, "activemq": {"ActiveMQ", "messaging", "message broker"},
	"zookeeper": {"ZooKeeper", "messaging", "coordination"}, "mosquitto": {"Mosquitto", "messaging", "MQTT broker"},
	"prometheus": {"Prometheus", "ops", "monitoring"}, "grafana": {"Grafana", "ops", "dashboards"},
	"jaeger": {"Jaeger", "ops", "tracing"}, "kibana": {"Kibana", "ops", "log search"},
	"logstash": {"Logstash", "ops", "log pipeline"}, "fluentd": {"Fluentd", "ops", "log pipeline"},
	"mailhog": {"MailHog", "ops", "mail testing"}, "phpmyadmin": {"phpMyAdmin", "ops", "database admin"},
}

// techEntry is a technology waiting for its layer.
type techEntry struct {
	tech  model.Technology
	layer string
}

// Lookup names a technology and its layer: a known name ("php-fpm",
// "mysql") by its usual spelling; a name starting with a known word
// ("Spring MVC", "Oracle Database Schema") as given, in that word's layer;
// anything else as given, in the "other" layer.
func Lookup(name string) (display, layerID, category string) {
	lower := strings.ToLower(strings.TrimSpace(name))
	if k, ok := knownTechs[lower]; ok {
		return k.name, k.layer, k.category
	}
	first := strings.FieldsFunc(lower, func(r rune) bool { return r == ' ' || r == ':' || r == '/' || r == '@' })
	if len(first) > 0 {
		if k, ok := knownTechs[first[0]]; ok {
			return strings.TrimSpace(name), k.layer, k.category
		}
	}
	return strings.TrimSpace(name), "other", ""
}

// Tech returns the id of the technology named name (added on first use;
// a known technology under its usual name), recording version if given.
func (b *Builder) Tech(name, version string) string {
	return b.TechAs("", name, version)
}

// TechAs is Tech with the id made from idName when the technology is
// new ("" = from its name): an identifier the input gave it.
func (b *Builder) TechAs(idName, name, version string) string {
	display, layerID, category := Lookup(name)
	key := strings.ToLower(display)
	if id, ok := b.techs[key]; ok {
		b.addVersion(id, version)
		return id
	}
	if idName == "" {
		idName = display
	}
	id := b.ID(idName, "t", "tech")
	b.techs[key] = id
	b.pending = append(b.pending, techEntry{model.Technology{ID: id, Name: display, Category: category, Version: version}, layerID})
	return id
}

// placeTechs puts the technologies into their layers, layers in a fixed
// order and technologies in the order first met.
func (b *Builder) placeTechs() {
	for _, l := range layers {
		var ts []model.Technology
		for _, e := range b.pending {
			if e.layer == l.id {
				ts = append(ts, e.tech)
			}
		}
		if len(ts) > 0 {
			b.Model.Stack.Layers = append(b.Model.Stack.Layers, model.Layer{ID: b.ID(l.id, "layer", "layer"), Name: l.name, Technologies: ts})
		}
	}
	b.pending = nil
}

// addVersion records another version of a technology met again
// ("7.4, 8.1"): two services on different versions is worth knowing.
func (b *Builder) addVersion(id, version string) {
	for i := range b.pending {
		t := &b.pending[i].tech
		if t.ID != id || version == "" {
			continue
		}
		for _, v := range strings.Split(t.Version, ", ") {
			if v == version {
				return
			}
		}
		if t.Version == "" {
			t.Version = version
		} else {
			t.Version += ", " + version
		}
	}
}
