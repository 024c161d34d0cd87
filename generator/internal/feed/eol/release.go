package eol

import (
	"fmt"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"vulnreport/generator/internal/lifecycle"
	"vulnreport/generator/internal/source"
)

// field names a release key and the Cycle date it fills.
type field int

const (
	fEOL field = iota
	fSupport
	fExtended
)

// dateKeys maps release keys to fields; inverted keys use the API's sense,
// where true means "still supported".
var dateKeys = map[string]struct {
	f        field
	inverted bool
}{
	"eol": {fEOL, false}, "eoas": {fSupport, false}, "eoes": {fExtended, false},
	"support": {fSupport, true}, "activeSupport": {fSupport, true}, "extendedSupport": {fExtended, true},
}

func (p *parser) releases(seq *yaml.Node) {
	for _, n := range seq.Content {
		p.release(n)
	}
}

// value is a boolean or a date as written in a release.
type value struct {
	set, isBool, b bool
	date           time.Time
	node           *yaml.Node
}

func (p *parser) release(n *yaml.Node) {
	p.res.Read++
	pos := p.pos(n)
	if n.Kind != yaml.MappingNode {
		p.reject(pos, "", "a release must be a mapping of fields")
		return
	}
	c := lifecycle.Cycle{Product: p.product, Key: p.key, Origin: Origin, Pos: pos}
	var reasons []string
	vals := map[field]value{}
	var latestDate time.Time
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i].Value, n.Content[i+1]
		switch k {
		case "releaseCycle", "cycle":
			c.Cycle = strings.TrimSpace(v.Value)
		case "releaseDate":
			c.Released = p.date(v, k, &reasons)
		case "latestReleaseDate":
			latestDate = p.date(v, k, &reasons)
		case "latest":
			c.Latest = strings.TrimSpace(v.Value)
		default:
			dk, ok := dateKeys[k]
			if !ok {
				continue
			}
			val := p.boolOrDate(v, k, &reasons)
			if dk.inverted && val.isBool {
				val.b = !val.b
			}
			if val.set && !vals[dk.f].set {
				vals[dk.f] = val
			}
		}
	}
	if c.Cycle == "" {
		reasons = append(reasons, fmt.Sprintf("%q is missing", cycleKey(p.api)))
	}
	if len(reasons) > 0 {
		p.reject(pos, c.Cycle, reasons...)
		return
	}
	fallback := latestDate
	if fallback.IsZero() {
		fallback = c.Released
	}
	for f, dst := range []*time.Time{fEOL: &c.EOL, fSupport: &c.SupportEnd, fExtended: &c.ExtendedEnd} {
		f := field(f)
		v := vals[f]
		switch {
		case !v.set:
		case !v.isBool:
			*dst = v.date
		case f == fExtended:
			// eoes true/false: offered or not, no date
		case v.b && !fallback.IsZero():
			*dst = fallback
			if f == fEOL {
				p.assumed++
			}
		case v.b:
			p.diags.Warnf(p.pos(v.node), "endoflife.date %s cycle %s: support has ended but neither the end date nor a release date is known: its status is unknown", p.key, c.Cycle)
		}
	}
	for _, t := range []time.Time{c.Released, latestDate} {
		if d := t.Format(source.DateLayout); !t.IsZero() && d > p.res.Info.Date {
			p.res.Info.Date = d
		}
	}
	p.res.Accepted++
	p.res.Cycles = append(p.res.Cycles, c)
}

func cycleKey(api bool) string {
	if api {
		return "cycle"
	}
	return "releaseCycle"
}

func (p *parser) reject(pos source.Pos, id string, reasons ...string) {
	label := id
	if label == "" {
		label = "(no cycle)"
	}
	for i, r := range reasons {
		p.diags.Errorf(pos, "endoflife.date %s release %s: %s", p.key, label, r)
		reasons[i] = pos.String() + ": " + r
	}
	p.res.Reject(pos, "feed:endoflife", id, reasons...)
}

// date reads a YYYY-MM-DD scalar; null or empty is the zero date.
func (p *parser) date(n *yaml.Node, key string, reasons *[]string) time.Time {
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" || strings.TrimSpace(n.Value) == "" {
		if n.Kind != yaml.ScalarNode {
			*reasons = append(*reasons, fmt.Sprintf("%s: %q must be a date (YYYY-MM-DD)", p.pos(n), key))
		}
		return time.Time{}
	}
	t, err := source.ParseDate(strings.TrimSpace(n.Value))
	if err != nil {
		*reasons = append(*reasons, fmt.Sprintf("%s: %q: %v", p.pos(n), key, err))
	}
	return t
}

// boolOrDate reads a field that is a date or a boolean.
func (p *parser) boolOrDate(n *yaml.Node, key string, reasons *[]string) value {
	v := value{node: n}
	if n.Kind == yaml.ScalarNode && n.Tag == "!!bool" {
		var b bool
		if err := n.Decode(&b); err == nil {
			v.set, v.isBool, v.b = true, true, b
			return v
		}
	}
	if n.Kind == yaml.ScalarNode && (n.Tag == "!!null" || strings.TrimSpace(n.Value) == "") {
		return v
	}
	if n.Kind == yaml.ScalarNode {
		if t, err := source.ParseDate(strings.TrimSpace(n.Value)); err == nil {
			v.set, v.date = true, t
			return v
		}
	}
	*reasons = append(*reasons, fmt.Sprintf("%s: %q must be a date (YYYY-MM-DD) or true/false, not %q", p.pos(n), key, clipValue(n)))
	return v
}

func clipValue(n *yaml.Node) string {
	if n.Kind != yaml.ScalarNode {
		return "a list or mapping"
	}
	s := n.Value
	if len(s) > 40 {
		s = s[:40] + "…"
	}
	return s
}
