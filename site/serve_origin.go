package site

import (
	"net"
	"net/http"
	"net/url"
)

// allowedHosts are the Host headers this machine's browsers send to the
// server on 127.0.0.1:port: that address and localhost:port, exactly.
func allowedHosts(addr string) map[string]bool {
	_, port, err := net.SplitHostPort(addr)
	if err != nil {
		return map[string]bool{addr: true}
	}
	return map[string]bool{addr: true, "localhost:" + port: true, "127.0.0.1:" + port: true}
}

// refusal says why r is turned away, or "" to serve it. The site holds
// the whole model (assets/search-index.js is a script any page could
// include), so only the server's own pages and the address bar may ask:
// a page on another origin, even on this machine, gets 403 for any path.
// A Host that is not exactly ours is DNS rebinding.
func refusal(r *http.Request, hosts map[string]bool) string {
	if !hosts[r.Host] {
		return "forbidden host"
	}
	switch r.Header.Get("Sec-Fetch-Site") {
	case "", "same-origin", "none":
	default:
		return "cross-site request refused"
	}
	for _, h := range []string{"Origin", "Referer"} {
		v := r.Header.Get(h)
		if v == "" {
			continue
		}
		u, err := url.Parse(v)
		if err != nil || u.Scheme != "http" || !hosts[u.Host] {
			return "cross-site request refused"
		}
	}
	return ""
}
