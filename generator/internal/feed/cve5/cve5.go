// Package cve5 reads CVE JSON 5 records (the CVE Record Format 5.x that the
// CVE List and CISA's vulnrichment publish): one record per file, or a JSON
// array of records. Each published record becomes one advisory with source
// "cve5"; records in state REJECTED, and records without a CVE id, are
// rejected.
//
// # Affected products
//
// Each containers.cna.affected entry, and each affected entry of the CISA
// ADP container (providerMetadata.shortName "CISA-ADP", which adds CPEs to
// many records), becomes affected products. The key is taken from the
// entry's cpes when present (one affected product per distinct CPE
// vendor:product); otherwise from vendor and product through
// [product.CPEStyle] ("Apache Software Foundation", "Apache Log4j2" →
// "apache_software_foundation:apache_log4j2"), or, for package entries
// without a product, from collectionURL and packageName as a purl
// (pkg:maven/…, pkg:npm/…, pkg:pypi/…). Product always holds the free-text
// "vendor product" so that products.yaml aliases can match it.
//
// The versions list becomes range expressions as [feedutil.CVE5Clauses]
// describes: {version: 2.0, lessThan: 2.15.0, status: affected} →
// ">=2.0 <2.15.0", {version: 2.14.1} → "=2.14.1", a lower bound "0" or "*"
// means none, lessThan "*" is open-ended, changes split the range where
// the status flips, and text that is not a version ("n/a", "unspecified",
// prose, commit ids) becomes free text that needs confirmation — never
// dropped. Entries with status "unaffected" subtract nothing: the
// contract's ranges cannot express "all but", so they are only documentation.
// For the same reason defaultStatus "affected" is used only when an entry
// lists no affected versions: with no versions at all it means every
// version ("*"); with only unaffected versions it becomes free text naming
// them.
//
// # Other fields
//
// Title: the CNA's title, else the first 120 characters of the English
// description; Japanese descriptions fill the Japanese texts. CVSS: the
// CNA's cvssV3_1, then cvssV3_0, cvssV4_0 and cvssV2_0; when the CNA has
// none, the CISA ADP's. CWE ids come from problemTypes, references (http
// and https) from every container, dates from cveMetadata. The CISA ADP's
// "kev" metric marks the advisory exploited and in KEV with its date
// added; its SSVC decision with Exploitation "active" marks it exploited.
package cve5

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"vulnreport/generator/internal/advisory"
	"vulnreport/generator/internal/feed"
	"vulnreport/generator/internal/feed/internal/feedutil"
	"vulnreport/generator/internal/source"
)

// Kind is the feed kind of CVE 5 files.
const Kind = "cve5"

const expected = "a CVE JSON 5 record ({\"dataType\": \"CVE_RECORD\", \"cveMetadata\": …, \"containers\": …}) or an array of them"

// Parse reads one CVE 5 file; see the package documentation.
func Parse(name string, data []byte, diags *source.Diagnostics) (feed.Result, error) {
	res := feed.Result{Info: feed.Info{Kind: Kind, Path: name}}
	p := &parser{name: name, lines: feedutil.NewLines(name, data), diags: diags, res: &res}
	switch feedutil.Kind(data) {
	case '{':
		var probe struct {
			Meta       json.RawMessage `json:"cveMetadata"`
			Containers json.RawMessage `json:"containers"`
		}
		if err := json.Unmarshal(data, &probe); err != nil {
			var te *json.UnmarshalTypeError
			if !errors.As(err, &te) {
				return res, feedutil.FileError(data, err, expected)
			}
		}
		if probe.Meta == nil && probe.Containers == nil {
			return res, fmt.Errorf("no \"cveMetadata\" or \"containers\"; expected %s", expected)
		}
		off := len(data) - len(strings.TrimLeft(strings.TrimPrefix(string(data), "\ufeff"), " \t\r\n"))
		var r record
		err := json.Unmarshal(data, &r)
		p.record(off, &r, err)
	case '[':
		if _, _, err := feedutil.Each(data, nil, p.record); err != nil {
			return res, feedutil.FileError(data, err, expected)
		}
	default:
		return res, fmt.Errorf("not JSON; expected %s", expected)
	}
	res.Info.Records = res.Read
	return res, nil
}

type parser struct {
	name  string
	lines *feedutil.Lines
	diags *source.Diagnostics
	res   *feed.Result
}

func (p *parser) reject(pos source.Pos, id, reason string) {
	label := id
	if label == "" {
		label = "(no id)"
	}
	p.diags.Errorf(pos, "CVE record %s: %s", label, reason)
	p.res.Reject(pos, "feed:cve5", id, pos.String()+": "+reason)
}

func (p *parser) warn(pos source.Pos, id, msg string) {
	p.diags.Warnf(pos, "CVE record %s: %s", id, msg)
}

// record checks one CVE record found at byte offset off; err is its
// decoding error.
func (p *parser) record(off int, rp *record, err error) {
	p.res.Read++
	pos := p.lines.Pos(off)
	r := *rp
	if err != nil {
		epos, msg := feedutil.RecordError(p.lines, off, err)
		p.reject(epos, "", msg)
		return
	}
	if r.Meta == nil {
		p.reject(pos, "", `no "cveMetadata"`)
		return
	}
	id := strings.TrimSpace(r.Meta.CveID)
	switch {
	case id == "":
		p.reject(pos, "", "cveMetadata has no cveId")
		return
	case !feedutil.IsCVE(id):
		p.reject(pos, "", fmt.Sprintf("cveId %q is not a CVE id (CVE-YYYY-NNNN)", feedutil.Clip(id)))
		return
	case strings.EqualFold(r.Meta.State, "REJECTED"):
		p.reject(pos, id, "the record's state is REJECTED: it is not an advisory")
		return
	}
	if r.DataType != "" && r.DataType != "CVE_RECORD" {
		p.warn(pos, id, fmt.Sprintf("dataType %q is not CVE_RECORD: read as a CVE record", feedutil.Clip(r.DataType)))
	}
	p.res.Accepted++
	if p.res.Info.Version == "" {
		p.res.Info.Version = r.DataVersion
	}
	if d := feedutil.DateString(r.Meta.DateUpdated); d > p.res.Info.Date {
		p.res.Info.Date = d
	}
	p.res.Advisories = append(p.res.Advisories, p.convert(&r, id, pos))
}

func (p *parser) convert(r *record, id string, pos source.Pos) advisory.Advisory {
	a := advisory.Advisory{ID: id, Source: Kind, Origin: p.name, Pos: pos}
	cna := &r.Containers.CNA
	var cisa *container
	for i := range r.Containers.ADP {
		if r.Containers.ADP[i].ProviderMetadata.ShortName == "CISA-ADP" {
			cisa = &r.Containers.ADP[i]
		}
	}
	for _, d := range cna.Descriptions {
		lang := strings.ToLower(d.Lang)
		switch {
		case strings.HasPrefix(lang, "en") && a.Summary.EN == "":
			a.Summary.EN = strings.TrimSpace(d.Value)
		case strings.HasPrefix(lang, "ja") && a.Summary.JA == "":
			a.Summary.JA = strings.TrimSpace(d.Value)
		}
	}
	if a.Summary.IsZero() && len(cna.Descriptions) > 0 {
		a.Summary.EN = strings.TrimSpace(cna.Descriptions[0].Value)
	}
	a.Title.EN = strings.TrimSpace(cna.Title)
	if a.Title.EN == "" {
		a.Title.EN = feedutil.TitleFrom(a.Summary.EN)
	}
	a.Title.JA = feedutil.TitleFrom(a.Summary.JA)
	a.Published, _ = feedutil.Date(r.Meta.DatePublished)
	a.Updated, _ = feedutil.Date(r.Meta.DateUpdated)
	a.CVSS = p.cvss(cna.Metrics, id, pos)
	if a.CVSS == nil && cisa != nil {
		a.CVSS = p.cvss(cisa.Metrics, id, pos)
	}
	containers := append([]container{*cna}, r.Containers.ADP...)
	for _, c := range containers {
		for _, pt := range c.ProblemTypes {
			for _, d := range pt.Descriptions {
				if feedutil.IsCWE(d.CweID) {
					a.CWE = append(a.CWE, d.CweID)
				} else if f := strings.Fields(d.Description); len(f) > 0 && feedutil.IsCWE(strings.TrimRight(f[0], ":")) {
					a.CWE = append(a.CWE, strings.TrimRight(f[0], ":"))
				}
			}
		}
		for _, ref := range c.References {
			if u := strings.TrimSpace(ref.URL); feedutil.IsHTTP(u) {
				a.References = append(a.References, u)
			}
		}
	}
	a.CWE, a.References = feedutil.Dedup(a.CWE), feedutil.Dedup(a.References)
	if cisa != nil {
		a.Exploit = exploitation(cisa.Metrics)
	}
	items := p.affected(nil, cna.Affected, id, pos)
	if cisa != nil {
		adp := p.affected(nil, cisa.Affected, id, pos)
		items = append(items, adp...)
		items = append(items, unexpressed(cna.Affected, adp, pos)...)
	}
	a.Affected = feedutil.Group(items, func(ps source.Pos, msg string) { p.warn(ps, id, msg) })
	return a
}

func (p *parser) cvss(metrics []metric, id string, pos source.Pos) *advisory.CVSS {
	pick := []func(m metric) (*cvssData, string){
		func(m metric) (*cvssData, string) { return m.V31, "3.1" },
		func(m metric) (*cvssData, string) { return m.V30, "3.0" },
		func(m metric) (*cvssData, string) { return m.V40, "4.0" },
		func(m metric) (*cvssData, string) { return m.V20, "2.0" },
	}
	for _, f := range pick {
		for _, m := range metrics {
			d, ver := f(m)
			if d == nil {
				continue
			}
			if d.Version != "" {
				ver = d.Version
			}
			score := 0.0
			if d.BaseScore != nil {
				score = *d.BaseScore
			}
			c, warns := feedutil.CVSS(ver, d.VectorString, score, d.BaseScore != nil)
			for _, w := range warns {
				p.warn(pos, id, w)
			}
			if c != nil {
				return c
			}
		}
	}
	return nil
}

// exploitation reads CISA ADP's kev and ssvc metrics.
func exploitation(metrics []metric) advisory.Exploitation {
	var e advisory.Exploitation
	for _, m := range metrics {
		if m.Other == nil {
			continue
		}
		switch strings.ToLower(m.Other.Type) {
		case "kev":
			var k kevContent
			if json.Unmarshal(m.Other.Content, &k) == nil {
				e.Exploited, e.KEV = true, true
				e.DateAdded, _ = feedutil.Date(k.DateAdded)
			}
		case "ssvc":
			var s ssvcContent
			if json.Unmarshal(m.Other.Content, &s) == nil {
				for _, o := range s.Options {
					if strings.EqualFold(o["Exploitation"], "active") {
						e.Exploited = true
					}
				}
			}
		}
	}
	return e
}
