package attack

import (
	"fmt"
	"io/fs"
	"slices"
	"strconv"
	"strings"

	coreruleset "github.com/corazawaf/coraza-coreruleset/v4"
	"github.com/corazawaf/coraza/v3"
)

// DisabledRules are the CRS protocol-enforcement rules that test request
// headers an access log does not keep (Host, Accept, Content-Length,
// Content-Type …): replaying a logged request without them would make
// every line look like an attack.
var DisabledRules = []int{
	920180,                 // POST without Content-Length or Transfer-Encoding
	920181,                 // both Content-Length and Transfer-Encoding
	920280,                 // missing Host header
	920290,                 // empty Host header
	920300,                 // missing Accept header
	920310,                 // empty Accept header
	920311,                 // empty Accept header (some UAs)
	920320,                 // missing User-Agent (kept as a log may lack the field)
	920330,                 // empty User-Agent
	920340,                 // Content-Length without Content-Type
	920350,                 // Host is a numeric IP (the replay has no Host)
	920420,                 // Content-Type not allowed
	920470,                 // illegal Content-Type
	920480,                 // charset not allowed
	920530,                 // multiple charsets
	920600,                 // illegal Accept header
	922100, 922110, 922120, // multipart headers
}

// Detector replays logged requests through the OWASP Core Rule Set. It is
// not safe for concurrent use.
type Detector struct {
	waf       coraza.WAF
	paranoia  int
	scanners  []string
	evaluated int
	replayed  int
	// agents remembers plainAgent's answer per User-Agent, verdicts the
	// rule set's per replayed request (see replay); both are bounded.
	agents   map[string]bool
	verdicts map[string]Match
}

// Bounds of the Detector's memories: entries, and the longest request
// (as its key) whose verdict is kept.
const (
	maxAgents     = 4096
	maxVerdicts   = 8192
	maxVerdictKey = 4096
)

// NewDetector builds the rule set at a paranoia level (1–4), detection
// only, without audit or debug logs.
func NewDetector(paranoia int) (*Detector, error) {
	if paranoia < 1 || paranoia > 4 {
		return nil, fmt.Errorf("paranoia level %d: expected 1 to 4", paranoia)
	}
	var removed []string
	for _, id := range DisabledRules {
		removed = append(removed, strconv.Itoa(id))
	}
	directives := strings.Join([]string{
		"Include @coraza.conf-recommended",
		"SecRuleEngine DetectionOnly",
		"SecAuditEngine Off",
		"SecResponseBodyAccess Off",
		"Include @crs-setup.conf.example",
		fmt.Sprintf(`SecAction "id:900000,phase:1,pass,t:none,nolog,setvar:tx.blocking_paranoia_level=%d"`, paranoia),
		fmt.Sprintf(`SecAction "id:900001,phase:1,pass,t:none,nolog,setvar:tx.detection_paranoia_level=%d"`, paranoia),
		"Include @owasp_crs/*.conf",
		"SecRuleRemoveById " + strings.Join(removed, " "),
	}, "\n")
	waf, err := coraza.NewWAF(coraza.NewWAFConfig().WithRootFS(coreruleset.FS).WithDirectives(directives))
	if err != nil {
		return nil, fmt.Errorf("loading the Core Rule Set: %w", err)
	}
	d := &Detector{waf: waf, paranoia: paranoia}
	if b, err := fs.ReadFile(coreruleset.FS, "@owasp_crs/scanners-user-agents.data"); err == nil {
		for _, l := range strings.Split(string(b), "\n") {
			if l = strings.ToLower(strings.TrimSpace(l)); l != "" && !strings.HasPrefix(l, "#") {
				d.scanners = append(d.scanners, l)
			}
		}
	}
	return d, nil
}

// Evaluated counts the requests the prefilter did not pass, which the
// full rule set judged.
func (d *Detector) Evaluated() int { return d.evaluated }

// Replayed counts the requests actually replayed through the rule set:
// Evaluated without those answered by the verdict of an identical
// request replayed before.
func (d *Detector) Replayed() int { return d.replayed }

// Match is what the rule set found in one request.
type Match struct {
	Categories []Category
	Rules      []int
}

// Inspect returns the categories of attack a request shows, with the
// rules that fired. A request the prefilter proves benign is not replayed.
func (d *Detector) Inspect(r Request) Match {
	if d.benign(r) {
		return Match{}
	}
	return d.replay(r)
}

// replay judges a request with the full rule set. The rule set's verdict
// depends on nothing but what is replayed (client address, method,
// target, protocol, User-Agent, Referer): the Core Rule Set keeps no
// state between transactions here (no persistent collections, sampling
// off). So the verdict of an identical request seen before is used again
// — load-balancer health checks, monitoring and scanners repeat the same
// request thousands of times a month.
func (d *Detector) replay(r Request) Match {
	d.evaluated++
	key := strings.Join([]string{hostOnly(r.Remote), r.Method, r.URI, r.Proto, r.UserAgent, r.Referer}, "\x00")
	if m, ok := d.verdicts[key]; ok {
		return Match{Categories: slices.Clone(m.Categories), Rules: slices.Clone(m.Rules)}
	}
	m := d.evaluate(r)
	if len(key) <= maxVerdictKey {
		if d.verdicts == nil || len(d.verdicts) >= maxVerdicts {
			d.verdicts = make(map[string]Match)
		}
		d.verdicts[key] = Match{Categories: slices.Clone(m.Categories), Rules: slices.Clone(m.Rules)}
	}
	return m
}

// evaluate runs one transaction of the rule set.
func (d *Detector) evaluate(r Request) Match {
	d.replayed++
	tx := d.waf.NewTransaction()
	defer tx.Close()
	tx.ProcessConnection(hostOnly(r.Remote), 0, "127.0.0.1", 80)
	method := r.Method
	if method == "" {
		method = "GET"
	}
	proto := r.Proto
	if proto == "" {
		proto = "HTTP/1.1"
	}
	tx.ProcessURI(r.URI, method, proto)
	tx.AddRequestHeader("Host", "localhost")
	if r.UserAgent != "" {
		tx.AddRequestHeader("User-Agent", r.UserAgent)
	}
	if r.Referer != "" {
		tx.AddRequestHeader("Referer", r.Referer)
	}
	tx.ProcessRequestHeaders()
	_, _ = tx.ProcessRequestBody()
	var m Match
	for _, mr := range tx.MatchedRules() {
		id := mr.Rule().ID()
		c, ok := categoryOf(id)
		if !ok {
			continue
		}
		m.Rules = append(m.Rules, id)
		if !slices.Contains(m.Categories, c) {
			m.Categories = append(m.Categories, c)
		}
	}
	slices.Sort(m.Rules)
	m.Rules = slices.Compact(m.Rules)
	slices.Sort(m.Categories)
	tx.ProcessLogging()
	return m
}

func hostOnly(addr string) string {
	if i := strings.LastIndexByte(addr, ':'); i > 0 && strings.Count(addr, ":") == 1 {
		return addr[:i]
	}
	return addr
}

// full replays a request through the rule set without the prefilter (an
// empty User-Agent is replayed as " ").
func (d *Detector) full(r Request) Match {
	if r.UserAgent == "" {
		r.UserAgent = " "
	}
	return d.replay(r)
}
