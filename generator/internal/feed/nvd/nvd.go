// Package nvd reads NVD vulnerability feeds: responses of the NVD CVE API
// 2.0 ({"vulnerabilities": [{"cve": …}]}) and the deprecated NVD JSON 1.1
// data feeds ({"CVE_Items": […]}), told apart by their content. Each CVE
// becomes one advisory with source "nvd".
//
// # Affected products
//
// Every cpeMatch marked vulnerable, in every node of every configuration
// (and, in 1.1 feeds, in child nodes), becomes an affected product keyed by
// the CPE's vendor:product. Its versions come from versionStartIncluding,
// versionStartExcluding, versionEndIncluding and versionEndExcluding (as
// >=, >, <= and <); with no bound, a concrete version inside the CPE is an
// exact "=version" (the CPE's update field, such as "sp1", is not used), a
// "*" version means every version, and a "-" version (not applicable) is
// skipped with a warning. The cpeMatch entries of one product join with
// " || ". A bound that is not a readable version keeps the entry as free
// text that needs confirmation.
//
// cpeMatch entries marked vulnerable: false are platform conditions, not
// affected products, and are ignored. In particular, for an AND
// configuration — a vulnerable application node combined with a
// non-vulnerable platform node, such as an application running on Windows
// — the application's CPEs are taken as affected and the platform
// condition is ignored: the application is reported on whatever platform it
// runs. This over-reports rather than under-reports. Negated nodes and
// configurations are skipped with a warning.
//
// # Other fields
//
// CVSS: cvssMetricV31 is preferred (its "Primary" entry first), then
// cvssMetricV30, cvssMetricV40 and cvssMetricV2; the vector and base score
// are kept, and a v3.x score is checked against its vector. NVD has no
// title: the English description's first 120 characters make Title.EN and
// the whole description Summary.EN. CWE ids come from weaknesses (NVD's
// "NVD-CWE-noinfo" and "NVD-CWE-Other" are left out), references keep
// http(s) URLs only, published and lastModified give dates, and the cisa*
// fields of KEV CVEs mark the advisory exploited. A record without a
// readable CVE id, or a record NVD marks Rejected, is rejected.
package nvd

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"vulnreport/generator/internal/advisory"
	"vulnreport/generator/internal/feed"
	"vulnreport/generator/internal/feed/internal/feedutil"
	"vulnreport/generator/internal/product"
	"vulnreport/generator/internal/source"
)

// Kind is the feed kind of NVD files.
const Kind = "nvd"

// expected names the formats for error messages.
const expected = `an NVD CVE API 2.0 response ({"vulnerabilities": [{"cve": …}]}) or an NVD JSON 1.1 feed ({"CVE_Items": […]})`

// Parse reads one NVD file; see the package documentation.
//
// An API 2.0 response is read by parseFast when it can be; otherwise, and
// for 1.1 feeds, by parseGeneral, with encoding/json. Both give the same
// result and diagnostics (TestFastMatchesGeneral).
func Parse(name string, data []byte, diags *source.Diagnostics) (feed.Result, error) {
	return ParseReducing(name, data, diags, nil)
}

// ParseReducing is Parse that hands each advisory, as soon as it is
// converted, to reduce (when not nil), which may replace it by what of it
// the caller keeps (a feed.ReducingParser): the advisories of a 200,000-
// record file are then never all alive in full at once. reduce is called
// from one goroutine at a time, not always the caller's.
func ParseReducing(name string, data []byte, diags *source.Diagnostics, reduce func(*advisory.Advisory)) (feed.Result, error) {
	if feedutil.Kind(data) != '{' {
		return feed.Result{Info: feed.Info{Kind: Kind, Path: name}}, fmt.Errorf("not a JSON object; expected %s", expected)
	}
	if !isLegacy(data) {
		if res, ok := parseFast(name, data, diags, reduce); ok {
			return res, nil
		}
	}
	return parseGeneral(name, data, diags, reduce)
}

// parseGeneral reads an NVD file of either format with encoding/json,
// streaming the records of its array.
func parseGeneral(name string, data []byte, diags *source.Diagnostics, reduce func(*advisory.Advisory)) (feed.Result, error) {
	res := feed.Result{Info: feed.Info{Kind: Kind, Path: name}}
	if feedutil.Kind(data) != '{' {
		return res, fmt.Errorf("not a JSON object; expected %s", expected)
	}
	p := &parser{name: name, lines: feedutil.NewLines(name, data), diags: diags, res: &res, reduce: reduce}
	legacy := isLegacy(data)
	path := []string{"vulnerabilities"}
	if legacy {
		path = []string{"CVE_Items"}
	}
	var top map[string]json.RawMessage
	var found bool
	var err error
	if legacy {
		top, found, err = feedutil.Each(data, path, p.legacyRecord)
	} else {
		top, found, err = feedutil.Each(data, path, p.apiRecord)
	}
	if err != nil {
		return res, feedutil.FileError(data, err, expected)
	}
	if !found {
		return res, fmt.Errorf("no %q array; expected %s", path[0], expected)
	}
	if legacy {
		res.Info.Version = "1.1"
		res.Info.Date = feedutil.DateString(stringMember(top, "CVE_data_timestamp"))
	} else {
		res.Info.Version = stringMember(top, "version")
		res.Info.Date = feedutil.DateString(stringMember(top, "timestamp"))
	}
	res.Info.Records = res.Read
	return res, nil
}

// isLegacy reports whether data is a 1.1 feed: its "CVE_Items" key comes
// before any "vulnerabilities" key.
func isLegacy(data []byte) bool {
	i := bytes.Index(data, []byte(`"CVE_Items"`))
	j := bytes.Index(data, []byte(`"vulnerabilities"`))
	return i >= 0 && (j < 0 || i < j)
}

func stringMember(top map[string]json.RawMessage, key string) string {
	var s string
	if raw, ok := top[key]; ok {
		_ = json.Unmarshal(raw, &s)
	}
	return s
}

type parser struct {
	name  string
	lines *feedutil.Lines
	diags *source.Diagnostics
	res   *feed.Result
	// criteria, bounds and ranges hold what a CPE name, a CPE version
	// with its bounds, and a clause were read as, once per file: NVD
	// repeats the same CPEs and bounds across records.
	criteria map[string]criteriaRead
	bounds   map[boundsKey]boundsRead
	ranges   feedutil.RangeCache
	// cvssRead holds what each CVSS metric was read as, once per file;
	// items is the affected-product list each record reuses.
	cvssRead map[cvssKey]cvssResult
	items    []feedutil.Item
	// reduce, when set, is given each advisory converted (ParseReducing).
	reduce func(*advisory.Advisory)
}

// cvssKey is what a CVSS metric states; cvssResult what it was read as.
type cvssKey struct {
	ver, vector string
	score       float64
	hasScore    bool
}

type cvssResult struct {
	c     advisory.CVSS
	ok    bool
	warns []string
}

// readCVSS is feedutil.CVSS, once per file for each metric: NVD repeats
// the same vectors and scores. Each call gets its own *advisory.CVSS.
func (p *parser) readCVSS(ver, vector string, score float64, hasScore bool) (*advisory.CVSS, []string) {
	k := cvssKey{ver, vector, score, hasScore}
	r, seen := p.cvssRead[k]
	if !seen {
		c, warns := feedutil.CVSS(ver, vector, score, hasScore)
		r = cvssResult{ok: c != nil, warns: warns}
		if c != nil {
			r.c = *c
		}
		if p.cvssRead == nil {
			p.cvssRead = map[cvssKey]cvssResult{}
		}
		if len(p.cvssRead) < maxRead && score == score { // NaN is never found again
			p.cvssRead[k] = r
		}
	}
	if !r.ok {
		return nil, r.warns
	}
	c := r.c
	return &c, r.warns
}

// cpeRead is what one cpeMatch (its criteria and bounds) was read as.
type cpeRead struct {
	key      string // the CPE's product key
	notCPE   bool   // the criteria is not a CPE name
	clause   string
	ok, skip bool
}

// criteriaRead is what a cpeMatch's criteria was read as: its product
// key and version, or not a CPE name.
type criteriaRead struct {
	key, version string
	notCPE       bool
}

// boundsKey is a CPE's version with a cpeMatch's bounds; boundsRead what
// they were read as (feedutil.NVDClause).
type boundsKey struct {
	version, startIncl, startExcl, endIncl, endExcl string
}

type boundsRead struct {
	clause   string
	ok, skip bool
}

// maxRead bounds each of the parser's memories.
const maxRead = 1 << 16

// readCPE reads a vulnerable cpeMatch's criteria and bounds: the CPE name
// once per file, and its version with the bounds once per file (many
// records name one product with different bounds, or different products
// with the same bounds).
func (p *parser) readCPE(m cpeMatch) cpeRead {
	cr, seen := p.criteria[m.Criteria]
	if !seen {
		crit := strings.TrimSpace(m.Criteria)
		ref, err := product.Parse(crit)
		if err != nil || ref.Kind != "cpe" {
			cr.notCPE = true
		} else {
			cr.key, cr.version = ref.Key, feedutil.CPEVersion(crit)
		}
		if p.criteria == nil {
			p.criteria = map[string]criteriaRead{}
		}
		if len(p.criteria) < maxRead {
			p.criteria[m.Criteria] = cr
		}
	}
	if cr.notCPE {
		return cpeRead{notCPE: true}
	}
	k := boundsKey{cr.version, m.StartIncluding, m.StartExcluding, m.EndIncluding, m.EndExcluding}
	br, seen := p.bounds[k]
	if !seen {
		br.clause, br.ok, br.skip = feedutil.NVDClause(k.version, k.startIncl, k.startExcl, k.endIncl, k.endExcl)
		if p.bounds == nil {
			p.bounds = map[boundsKey]boundsRead{}
		}
		if len(p.bounds) < maxRead {
			p.bounds[k] = br
		}
	}
	return cpeRead{key: cr.key, clause: br.clause, ok: br.ok, skip: br.skip}
}

func (p *parser) reject(pos source.Pos, id string, reason string) {
	p.diags.Errorf(pos, "NVD record %s: %s", orUnknown(id), reason)
	p.res.Reject(pos, "feed:nvd", id, pos.String()+": "+reason)
}

func orUnknown(id string) string {
	if id == "" {
		return "(no id)"
	}
	return id
}

// apiItem is one element of an API 2.0 vulnerabilities array.
type apiItem struct {
	CVE *apiCVE `json:"cve"`
}

// apiRecord reads one element of an API 2.0 vulnerabilities array.
func (p *parser) apiRecord(off int, item *apiItem, err error) {
	p.res.Read++
	pos := p.lines.Pos(off)
	if err != nil {
		epos, msg := feedutil.RecordError(p.lines, off, err)
		p.reject(epos, "", msg)
		return
	}
	if item.CVE == nil {
		p.reject(pos, "", `element has no "cve" object`)
		return
	}
	p.add(item.CVE, pos)
}

// add checks a record in the API 2.0 shape and keeps it as an advisory.
func (p *parser) add(c *apiCVE, pos source.Pos) {
	id := strings.TrimSpace(c.ID)
	switch {
	case id == "":
		p.reject(pos, "", "the cve has no id")
		return
	case !feedutil.IsCVE(id):
		p.reject(pos, "", fmt.Sprintf("id %q is not a CVE id (CVE-YYYY-NNNN)", feedutil.Clip(id)))
		return
	case strings.EqualFold(c.VulnStatus, "Rejected"):
		p.reject(pos, id, "NVD marks this CVE Rejected: it is not an advisory")
		return
	}
	p.res.Accepted++
	a := p.convert(c, id, pos)
	if p.reduce != nil {
		p.reduce(&a)
	}
	p.res.Advisories = append(p.res.Advisories, a)
}

func (p *parser) warn(pos source.Pos, id, msg string) {
	p.diags.Warnf(pos, "NVD record %s: %s", id, msg)
}

func (p *parser) convert(c *apiCVE, id string, pos source.Pos) advisory.Advisory {
	a := advisory.Advisory{ID: id, Source: Kind, Origin: p.name, Pos: pos}
	desc := ""
	for _, d := range c.Descriptions {
		if strings.HasPrefix(strings.ToLower(d.Lang), "en") {
			desc = d.Value
			break
		}
	}
	if desc == "" && len(c.Descriptions) > 0 {
		desc = c.Descriptions[0].Value
	}
	a.Summary.EN = strings.TrimSpace(desc)
	a.Title.EN = feedutil.TitleFrom(desc)
	if t, ok := feedutil.Date(c.Published); ok {
		a.Published = t
	} else if c.Published != "" {
		p.warn(pos, id, fmt.Sprintf("published %q is not a date: ignored", feedutil.Clip(c.Published)))
	}
	if t, ok := feedutil.Date(c.LastModified); ok {
		a.Updated = t
	}
	a.CVSS = p.cvss(c.Metrics, id, pos)
	for _, w := range c.Weaknesses {
		for _, d := range w.Description {
			if feedutil.IsCWE(d.Value) {
				a.CWE = append(a.CWE, d.Value)
			}
		}
	}
	for _, r := range c.References {
		u := strings.TrimSpace(r.URL)
		if feedutil.IsHTTP(u) {
			a.References = append(a.References, u)
		} else if u != "" {
			p.warn(pos, id, fmt.Sprintf("reference %q is not an http(s) URL: left out", feedutil.Clip(u)))
		}
	}
	a.CWE, a.References = feedutil.Dedup(a.CWE), feedutil.Dedup(a.References)
	if c.CisaExploitAdd != "" {
		a.Exploit.Exploited, a.Exploit.KEV = true, true
		a.Exploit.DateAdded, _ = feedutil.Date(c.CisaExploitAdd)
		a.Exploit.DueDate, _ = feedutil.Date(c.CisaActionDue)
		a.Exploit.RequiredAction = c.CisaRequiredAction
	}
	a.Affected = p.affected(c.Configurations, id, pos)
	return a
}

// metricOrder is the preference among NVD's CVSS metric lists.
var metricOrder = []string{"cvssMetricV31", "cvssMetricV30", "cvssMetricV40", "cvssMetricV2"}

func (p *parser) cvss(metrics map[string][]metric, id string, pos source.Pos) *advisory.CVSS {
	for _, key := range metricOrder {
		list := metrics[key]
		if len(list) == 0 {
			continue
		}
		m := list[0]
		for _, x := range list {
			if strings.EqualFold(x.Type, "Primary") {
				m = x
				break
			}
		}
		d := m.CvssData
		ver := d.Version
		if ver == "" {
			ver = map[string]string{"cvssMetricV31": "3.1", "cvssMetricV30": "3.0", "cvssMetricV40": "4.0", "cvssMetricV2": "2.0"}[key]
		}
		c, warns := p.readCVSS(ver, d.VectorString, deref(d.BaseScore), d.BaseScore != nil)
		for _, w := range warns {
			p.warn(pos, id, w)
		}
		if c != nil {
			return c
		}
	}
	return nil
}

func deref(f *float64) float64 {
	if f == nil {
		return 0
	}
	return *f
}

func (p *parser) affected(configs []config, id string, pos source.Pos) []advisory.Affected {
	items := p.items[:0]
	var walk func(n node)
	walk = func(n node) {
		if n.Negate {
			p.warn(pos, id, "a negated configuration node is not supported: skipped")
			return
		}
		for _, m := range n.CpeMatch {
			if !m.Vulnerable {
				continue
			}
			crit := strings.TrimSpace(m.Criteria)
			r := p.readCPE(m)
			if r.notCPE {
				p.warn(pos, id, fmt.Sprintf("criteria %q is not a CPE name: skipped", feedutil.Clip(crit)))
				continue
			}
			if r.skip {
				p.warn(pos, id, fmt.Sprintf("CPE %s has no version (\"-\": not applicable) and no version range: not matched against versions, skipped", crit))
				continue
			}
			it := feedutil.Item{Key: r.key, Product: r.key, Pos: pos}
			if r.ok {
				it.Clause = r.clause
			} else {
				it.Free = r.clause
			}
			items = append(items, it)
		}
		for _, ch := range n.Children {
			walk(ch)
		}
	}
	for _, c := range configs {
		if c.Negate {
			p.warn(pos, id, "a negated configuration is not supported: skipped")
			continue
		}
		for _, n := range c.Nodes {
			walk(n)
		}
	}
	p.items = items[:0] // GroupWith keeps no reference to items
	return feedutil.GroupWith(items, func(ps source.Pos, msg string) { p.warn(ps, id, msg) }, &p.ranges)
}
