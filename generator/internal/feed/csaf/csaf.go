// Package csaf reads Red Hat's CSAF 2.0 security advisories and VEX
// documents (https://security.access.redhat.com/data/csaf/v2/): one
// document per file. Each entry of vulnerabilities[] is one record and
// becomes one advisory with source "csaf" and the CVE as its id, so that
// it joins the NVD, CVE 5, JVN and OSV advisories of that CVE; the
// document's own id (RHSA-2024:0811) is kept in each affected product's
// DistroAdvisory and in the references, not as an alias, so that one
// RHSA naming ten CVEs does not fuse them. An entry without a CVE keeps
// the document id.
//
// # Products
//
// product_status names product ids such as
// "AppStream-9.0.0.Z.EUS:sudo-0:1.9.5p2-7.el9_0.4.x86_64": a relationship
// of the product tree joins a package (its purl, pkg:rpm/redhat/sudo@…,
// or else its name-epoch:version-release.arch) to a platform (its CPE,
// cpe:/a:redhat:rhel_eus:9.0::appstream). Each (package, platform) becomes
// one affected product keyed by the purl without version, read in the rpm
// scheme, with Distro "Red Hat:" and the CPE's tail ("Red Hat:rhel_eus:9.0::appstream")
// and DistroAdvisory the document id:
//
//   - fixed (and first_fixed, recommended): "<EVR", epoch kept when not
//     0 ("<32:9.8.2-0.68.rc1.el6_10.17"); the EVRs are Affected.Fixed and the
//     advisory's fixed text;
//   - known_affected (and first_affected, last_affected) with no fixed
//     version: "*", affected with no fix yet;
//   - known_not_affected: NotAffected, unless the same package and
//     platform is also fixed or affected (a source package listed not
//     affected beside its fixed binary package): then the affected
//     reading wins;
//   - under_investigation: free text that needs confirmation.
//
// Product ids the tree does not resolve to a package are counted in one
// warning per record, never dropped in silence: when none resolves, the
// record becomes free text naming them.
//
// # Other fields
//
// Title: the vulnerability's title, else its summary note, else the
// document title; summary from its description note. CVSS: cvss_v3, else
// cvss_v2. CWE, references (vulnerability and document), release date
// (published), the document's current release date (updated) and the
// first workaround remediation. The file's Info gives "CSAF <version>"
// and the current release date.
package csaf

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"vulnreport/generator/internal/feed"
	"vulnreport/generator/internal/feed/internal/feedutil"
	"vulnreport/generator/internal/source"
)

// Kind is the feed kind of CSAF files.
const Kind = "csaf"

const expected = `a CSAF 2.0 document ({"document": …, "product_tree": …, "vulnerabilities": […]})`

// Parse reads one CSAF document; see the package documentation.
func Parse(name string, data []byte, diags *source.Diagnostics) (feed.Result, error) {
	res := feed.Result{Info: feed.Info{Kind: Kind, Path: name}}
	if feedutil.Kind(data) != '{' {
		return res, fmt.Errorf("not a JSON object; expected %s", expected)
	}
	lines := feedutil.NewLines(name, data)
	type pending struct {
		off int
		v   *vulnerability
		err error
	}
	var vulns []pending
	top, found, err := feedutil.Each(data, []string{"vulnerabilities"}, func(off int, v *vulnerability, err error) {
		vulns = append(vulns, pending{off, v, err})
	})
	if err != nil {
		return res, feedutil.FileError(data, err, expected)
	}
	var doc document
	if raw, ok := top["document"]; !ok {
		return res, fmt.Errorf(`no "document"; expected %s`, expected)
	} else if err := json.Unmarshal(raw, &doc); err != nil {
		return res, fmt.Errorf(`"document": %v; expected %s`, describe(err), expected)
	}
	if !strings.HasPrefix(doc.CSAFVersion, "2.") {
		return res, fmt.Errorf("csaf_version %q: this reader reads CSAF 2.x", feedutil.Clip(doc.CSAFVersion))
	}
	var tree productTree
	if raw, ok := top["product_tree"]; ok {
		if err := json.Unmarshal(raw, &tree); err != nil {
			return res, fmt.Errorf(`"product_tree": %v; expected %s`, describe(err), expected)
		}
	}
	docPos := source.Pos{File: name, Line: 1, Col: 1}
	switch doc.Category {
	case "csaf_security_advisory", "csaf_vex":
	default:
		diags.Warnf(docPos, "CSAF document category %q is not csaf_security_advisory or csaf_vex: read all the same", feedutil.Clip(doc.Category))
	}
	if !found || len(vulns) == 0 {
		diags.Warnf(docPos, "CSAF document %s lists no vulnerabilities: no advisory", feedutil.Clip(doc.Tracking.ID))
	}
	if st := strings.ToLower(doc.Tracking.Status); st != "" && st != "final" {
		diags.Warnf(docPos, "CSAF document %s is in status %q, not final", feedutil.Clip(doc.Tracking.ID), feedutil.Clip(doc.Tracking.Status))
	}
	res.Info.Version = "CSAF " + doc.CSAFVersion
	res.Info.Date = feedutil.DateString(doc.Tracking.CurrentReleaseDate)
	p := &parser{name: name, diags: diags, res: &res, doc: &doc, prods: newProducts(&tree)}
	for _, v := range vulns {
		p.record(lines, v.off, v.v, v.err)
	}
	res.Info.Records = res.Read
	return res, nil
}

func describe(err error) string {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return fmt.Sprintf("field %q holds a %s where %s is expected", te.Field, te.Value, te.Type)
	}
	return err.Error()
}

type parser struct {
	name  string
	diags *source.Diagnostics
	res   *feed.Result
	doc   *document
	prods *products
}

func (p *parser) reject(pos source.Pos, id, reason string) {
	label := id
	if label == "" {
		label = "(no id)"
	}
	p.diags.Errorf(pos, "CSAF vulnerability %s: %s", label, reason)
	p.res.Reject(pos, "feed:csaf", id, pos.String()+": "+reason)
}

func (p *parser) warn(pos source.Pos, id, msg string) {
	p.diags.Warnf(pos, "CSAF vulnerability %s: %s", id, msg)
}

func (p *parser) record(lines *feedutil.Lines, off int, v *vulnerability, err error) {
	p.res.Read++
	pos := lines.Pos(off)
	if err != nil {
		epos, msg := feedutil.RecordError(lines, off, err)
		p.reject(epos, strings.TrimSpace(v.CVE), msg)
		return
	}
	id := strings.TrimSpace(v.CVE)
	switch {
	case id != "" && !feedutil.IsCVE(id):
		p.reject(pos, "", fmt.Sprintf("cve %q is not a CVE id (CVE-YYYY-NNNN)", feedutil.Clip(id)))
		return
	case id == "":
		id = strings.TrimSpace(p.doc.Tracking.ID)
		if id == "" {
			p.reject(pos, "", "the vulnerability has no cve and the document no tracking id")
			return
		}
	}
	if len(v.ProductStatus) == 0 {
		p.reject(pos, id, "no product_status: the document does not say which packages are affected or fixed")
		return
	}
	p.res.Accepted++
	p.res.Advisories = append(p.res.Advisories, p.convert(v, id, pos))
}
