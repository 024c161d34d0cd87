// Package jvn reads JVN iPedia advisories as the MyJVN API publishes them,
// told apart by content:
//
//   - VULDEF 3.2 XML (getVulnDetailInfo, dataFeed_jvndb_detail): one
//     advisory per Vulinfo, with affected products, CVSS, related CVE ids;
//   - JVNRSS 3.2 XML (getVulnOverviewList, dataFeed_jvndb_rss): one
//     advisory per item, with sec:identifier, sec:cpe, sec:cvss and
//     sec:references;
//   - MyJVN API 4.0 JSON: the feed form ({"feed": {"entry": […]}}), the
//     CSAF-shaped getVulnDetailInfo document with its jvn_extension, and
//     the STIX 2.1 bundle that embeds such documents.
//
// A document that is broken only after its last advisory (MyJVN has
// published examples whose trailing status block is not well-formed) is
// read up to the break; the break is reported as an error and counted as
// one rejected record. Any other syntax error makes the file unreadable.
//
// XML declared as Shift_JIS, EUC-JP or ISO-2022-JP is decoded; MyJVN
// publishes UTF-8. Other MyJVN documents — vendor and product lists,
// statistics, alert lists — hold no advisories: Parse returns an error
// saying which document it found.
//
// Each advisory has source "jvn", its JVNDB id as ID and the CVE ids it
// refers to (related items, references, CSAF vulnerabilities) as
// aliases. Title and overview fill the Japanese texts (the English ones
// when the document's language is English); HTML markup in overviews is
// reduced to text. CVSS v3 is preferred, v2 used otherwise; with several
// scores (one per CVE in the JSON forms) the highest is kept. Solutions go
// to Workaround, CWE ids and http(s) references are kept.
//
// # Affected versions
//
// JVN writes affected versions as free text (VersionNumber, "2.5.10 およびそれ
// 以前", "全てのバージョン"). Common Japanese and English phrasings are turned
// into ranges, as [RangeOf] describes: "X およびそれ以前", "X 以前", "X and
// earlier" → "<=X"; "X より前", "X 未満", "before X", "prior to X" → "<X";
// "X から Y", "X 〜 Y", "X to Y" → ">=X <=Y"; "X 以降", "X 以上" → ">=X";
// a bare version → "=X"; "全てのバージョン", "all versions" → "*". Anything
// else, and products listed with no version at all, become free text
// that needs confirmation — never dropped. The CPE (2.2 or 2.3) of an
// affected product gives its key; without one, the vendor and product
// names are left for products.yaml aliases to resolve.
package jvn

import (
	"fmt"
	"net/url"
	"strings"

	"vulnreport/generator/internal/advisory"
	"vulnreport/generator/internal/feed"
	"vulnreport/generator/internal/feed/internal/feedutil"
	"vulnreport/generator/internal/product"
	"vulnreport/generator/internal/source"
)

// Kind is the feed kind of JVN files.
const Kind = "jvn"

const expected = "MyJVN advisories: VULDEF XML (getVulnDetailInfo), JVNRSS XML (getVulnOverviewList) or MyJVN API 4.0 JSON (feed, CSAF or STIX)"

// noVersion is the free text of an affected product listed without versions.
const noVersion = "(no version given)"

// Parse reads one JVN file; see the package documentation.
func Parse(name string, data []byte, diags *source.Diagnostics) (feed.Result, error) {
	res := feed.Result{Info: feed.Info{Kind: Kind, Path: name}}
	p := &parser{name: name, lines: feedutil.NewLines(name, data), diags: diags, res: &res}
	var err error
	switch feedutil.Kind(data) {
	case '<':
		err = p.xmlDoc(data)
	case '{':
		err = p.jsonDoc(data)
	default:
		err = fmt.Errorf("neither XML nor JSON; expected %s", expected)
	}
	res.Info.Records = res.Read
	return res, err
}

type parser struct {
	name  string
	lines *feedutil.Lines
	diags *source.Diagnostics
	res   *feed.Result
	en    bool // the document's language is English
}

// draft is an advisory being read with its affected products as found.
type draft struct {
	a     advisory.Advisory
	items []feedutil.Item
	cvss  []*advisory.CVSS
}

func (p *parser) newDraft(pos source.Pos) *draft {
	return &draft{a: advisory.Advisory{Source: Kind, Origin: p.name, Pos: pos}}
}

// text sets a title or summary in the document's language.
func (p *parser) text(t *string, en *string, s string) {
	s = strings.TrimSpace(s)
	if p.en {
		*en = s
	} else {
		*t = s
	}
}

// addCVSS collects a score, reporting problems.
func (p *parser) addCVSS(d *draft, ver, vector, score string) {
	ver, vector, score = strings.TrimSpace(ver), strings.TrimSpace(vector), strings.TrimSpace(score)
	if vector == "" && score == "" {
		return
	}
	var f float64
	has := false
	if score != "" {
		if _, err := fmt.Sscanf(score, "%g", &f); err == nil {
			has = true
		} else {
			p.diags.Warnf(d.a.Pos, "JVN advisory %s: CVSS score %q is not a number", d.a.ID, feedutil.Clip(score))
		}
	}
	c, warns := feedutil.CVSS(ver, vector, f, has)
	for _, w := range warns {
		p.diags.Warnf(d.a.Pos, "JVN advisory %s: %s", d.a.ID, w)
	}
	if c != nil {
		d.cvss = append(d.cvss, c)
	}
}

// alias records CVE ids found in s.
func (d *draft) alias(s string) {
	d.a.Aliases = append(d.a.Aliases, feedutil.CVEsIn(s)...)
}

func (d *draft) ref(u string) {
	if u = strings.TrimSpace(u); feedutil.IsHTTP(u) {
		d.a.References = append(d.a.References, u)
	}
}

// productItem returns an affected product, from its CPE (or names),
// without versions; ok is false when it names nothing.
func (p *parser) productItem(d *draft, cpe, vendor, name string) (it feedutil.Item, ok bool) {
	it = feedutil.Item{Product: strings.TrimSpace(strings.Join(strings.Fields(vendor+" "+name), " ")), Pos: d.a.Pos}
	if cpe = strings.TrimSpace(cpe); cpe != "" {
		if strings.HasPrefix(cpe, "cpe:/") {
			// CPE 2.2 percent-encodes: "industrial_data_center_%28idc%29"
			if u, err := url.PathUnescape(cpe); err == nil {
				cpe = u
			}
		}
		if ref, err := product.Parse(cpe); err == nil && ref.Kind == "cpe" {
			it.Key = ref.Key
		} else {
			p.diags.Warnf(d.a.Pos, "JVN advisory %s: CPE %q is not a CPE name: the product names are used", d.a.ID, feedutil.Clip(cpe))
		}
	}
	if it.Key == "" && it.Product == "" {
		p.diags.Warnf(d.a.Pos, "JVN advisory %s: an affected product has no CPE and no name: skipped", d.a.ID)
		return it, false
	}
	return it, true
}

// product adds an affected product with its free-text versions.
func (p *parser) product(d *draft, cpe, vendor, name, versions string) {
	it, ok := p.productItem(d, cpe, vendor, name)
	if !ok {
		return
	}
	versions = strings.TrimSpace(versions)
	switch clause, ok := RangeOf(versions); {
	case versions == "":
		it.Free = noVersion
	case ok:
		it.Clause = clause
	default:
		it.Free = versions
	}
	d.items = append(d.items, it)
}

// trailer reports a document that is broken after its last advisory —
// MyJVN has published files whose status block is not well-formed — as
// one rejected record; the advisories before it stand.
func (p *parser) trailer(pos source.Pos, msg string) {
	reason := fmt.Sprintf("the document is not well-formed after its last advisory (in the MyJVN status block): %s; the %d advisories before it are read", msg, p.res.Read)
	p.diags.Errorf(pos, "%s", reason)
	p.res.Read++
	p.res.Reject(pos, "feed:jvn", "", pos.String()+": "+reason)
}

// finish checks a draft and keeps it as an advisory, or rejects it.
func (p *parser) finish(d *draft) {
	p.res.Read++
	a := &d.a
	a.ID = strings.TrimSpace(a.ID)
	if err := source.CheckID(a.ID); err != nil {
		reason := fmt.Sprintf("the advisory's JVNDB id %v", err)
		if a.ID == "" {
			reason = "the advisory has no JVNDB id"
		}
		p.diags.Errorf(a.Pos, "JVN advisory: %s", reason)
		p.res.Reject(a.Pos, "feed:jvn", "", a.Pos.String()+": "+reason)
		return
	}
	a.Aliases, a.References, a.CWE = feedutil.Dedup(a.Aliases), feedutil.Dedup(a.References), feedutil.Dedup(a.CWE)
	for _, c := range d.cvss {
		if a.CVSS == nil || rank(c) > rank(a.CVSS) || rank(c) == rank(a.CVSS) && c.Score > a.CVSS.Score {
			a.CVSS = c
		}
	}
	a.Affected = feedutil.Group(d.items, func(pos source.Pos, msg string) {
		p.diags.Warnf(pos, "JVN advisory %s: %s", a.ID, msg)
	})
	p.res.Accepted++
	p.res.Advisories = append(p.res.Advisories, *a)
}

// rank orders CVSS versions by preference: v3 over v4 over v2.
func rank(c *advisory.CVSS) int {
	switch c.Version {
	case "3.0", "3.1":
		return 3
	case "4.0":
		return 2
	}
	return 1
}
