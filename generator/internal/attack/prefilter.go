package attack

import (
	"net/url"
	"strings"
	"unicode/utf8"
)

// benign reports whether a request is provably harmless to the rule set
// at any paranoia level this tool uses, so that ordinary traffic does not
// pay for the full replay: a GET, HEAD or POST of a plain path (letters,
// digits, / _ . , ~ - and non-ASCII text; no "..", "//" or hidden
// segment; a common web file type) whose query values hold only the same
// characters without "/", an ordinary browser User-Agent naming no known
// scanner, and a plain http(s) Referer. Everything else is replayed.
// TestPrefilterSound checks that no rule fires on what this passes.
func (d *Detector) benign(r Request) bool {
	switch r.Method {
	case "GET", "HEAD", "POST":
	default:
		return false
	}
	path, query, _ := strings.Cut(r.URI, "?")
	p, err := url.PathUnescape(path)
	if err != nil || !strings.HasPrefix(p, "/") || strings.Contains(p, "..") || strings.Contains(p, "//") || strings.Contains(p, "/.") {
		return false
	}
	if !plainText(p, "/_.,~-") || !plainExt(p) {
		return false
	}
	if query != "" {
		for _, kv := range strings.Split(query, "&") {
			k, v, _ := strings.Cut(kv, "=")
			k, err1 := url.QueryUnescape(k)
			v, err2 := url.QueryUnescape(v)
			if err1 != nil || err2 != nil || !plainText(k, "_.-[]") || !plainText(v, "_.,~-") || len(v) > 200 {
				return false
			}
		}
	}
	return d.plainAgent(r.UserAgent) && plainReferer(r.Referer)
}

// plainText reports whether s holds only ASCII letters and digits, the
// extra ASCII characters given, and non-ASCII letters (Japanese text).
func plainText(s, extra string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c >= utf8.RuneSelf {
			r, n := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError || r == '\u2028' || r == '\u2029' || r == '\ufeff' || (r >= 0xff00 && r <= 0xff60) {
				return false // invalid UTF-8, line separators, full-width ASCII (<, ', …)
			}
			i += n
			continue
		}
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte(extra, c) >= 0) {
			return false
		}
		i++
	}
	return true
}

// plainExt reports whether the path's last segment has no extension or a
// common web one (restricted extensions such as .bak, .ini, .sql go to the
// rule set).
func plainExt(p string) bool {
	last := p[strings.LastIndexByte(p, '/')+1:]
	i := strings.LastIndexByte(last, '.')
	if i < 0 {
		return true
	}
	switch strings.ToLower(last[i+1:]) {
	case "html", "htm", "css", "js", "mjs", "png", "jpg", "jpeg", "gif", "svg", "ico", "webp", "avif",
		"woff", "woff2", "ttf", "otf", "pdf", "json", "xml", "php", "asp", "aspx", "jsp", "do", "action":
		return true
	}
	return false
}

// plainAgent reports whether a User-Agent looks like an ordinary browser
// and names no scanner in the rule set's list. The answer is remembered:
// a month of logs holds few distinct User-Agents, and the list is long.
func (d *Detector) plainAgent(ua string) bool {
	if ua == "" {
		return true
	}
	if ok, seen := d.agents[ua]; seen {
		return ok
	}
	ok := d.plainAgentUncached(ua)
	if d.agents == nil {
		d.agents = make(map[string]bool)
	}
	if len(d.agents) < maxAgents {
		d.agents[ua] = ok
	}
	return ok
}

func (d *Detector) plainAgentUncached(ua string) bool {
	if !strings.HasPrefix(ua, "Mozilla/5.0 (") || !plainText(ua, " ()/;,._:+-") {
		return false
	}
	low := strings.ToLower(ua)
	for _, s := range d.scanners {
		if strings.Contains(low, s) {
			return false
		}
	}
	return true
}

// plainReferer reports whether a Referer is a plain http(s) URL.
func plainReferer(ref string) bool {
	if ref == "" {
		return true
	}
	rest, ok := strings.CutPrefix(ref, "https://")
	if !ok {
		if rest, ok = strings.CutPrefix(ref, "http://"); !ok {
			return false
		}
	}
	return !strings.Contains(rest, "..") && plainText(rest, "/_.,~-=&#")
}
