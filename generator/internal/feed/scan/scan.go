// Package scan reads vulnerability scanners' result files — Vuls
// (`vuls report -format-json`, jsonVersion 4), Trivy (JSON, SchemaVersion
// 2) and Grype (JSON, matches[] and descriptor) — told apart by content,
// so that vulnreport reports over the scanner a team already runs.
//
// One result file describes one scanned subject (a host or an image) of
// one system; the snapshot keeps it in scans/<system-id>/ and fills the
// system. Every finding of the file (one vulnerability on one package) is
// one record. It becomes:
//
//   - an [inventory.Component] for the package (product key from its purl,
//     else from the package type and name; the installed version; Source
//     "scan:<file>"), so that lifecycle and the other feeds apply to it;
//     components repeat per finding and the snapshot keeps one per
//     (system, key, version);
//   - an [advisory.Advisory] of Source "vuls", "trivy" or "grype" whose
//     affected entry is that package: ">=installed <fixed" when the
//     scanner gives a fixed version that its package's version scheme
//     (deb, rpm, apk, semver, …) orders after the installed one, else
//     "=installed" with the fixed version kept as text; Scheme names the
//     package's scheme, so that scheme-aware matching reads the range in
//     it (the generic Range falls back to "=installed" where the generic
//     ordering cannot tell installed from fixed). CVSS, CWE, title,
//     references and dates are the scanner's.
//
// The normal merge then joins the scanner's advisory with every other
// source's advisory of the same CVE, and matching makes one finding per
// (system, component, vulnerability), whoever found it.
//
// Confidence is kept: a Vuls finding whose best detection method is a
// vendor/product match (JvnVendorProductMatch, CpeVendorProductMatch,
// NvdVendorProductMatch, score below 95) and a Grype match resting only on
// a CPE (cpe-match) are written as free-text affected versions, so that
// they become 要確認 (needs confirmation) findings, never confirmed ones.
//
// Info.Version names the scanner and its version ("Trivy 0.50.1"),
// Info.Date is the scan time (RFC 3339, UTC) and Info.Subject the scanned
// host or image, for the manifest, the host-name check and staleness.
package scan

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"vulnreport/generator/internal/advisory"
	"vulnreport/generator/internal/feed"
	"vulnreport/generator/internal/feed/internal/feedutil"
	"vulnreport/generator/internal/i18n"
	"vulnreport/generator/internal/inventory"
	"vulnreport/generator/internal/product"
	"vulnreport/generator/internal/source"
	"vulnreport/generator/internal/version"
	"vulnreport/generator/internal/version/scheme"
)

// Kind is the feed kind of scanner result files.
const Kind = "scan"

// Scanner names, used as advisory sources.
const (
	Vuls  = "vuls"
	Trivy = "trivy"
	Grype = "grype"
)

const expected = `a Vuls result ({"jsonVersion": 4, "scannedCves": {…}}), a Trivy JSON report ({"SchemaVersion": 2, "Results": […]}) or a Grype JSON report ({"matches": […], "descriptor": {…}})`

// probe holds the members that tell the formats apart.
type probe struct {
	JSONVersion   *int            `json:"jsonVersion"`
	ScannedCves   json.RawMessage `json:"scannedCves"`
	SchemaVersion *int            `json:"SchemaVersion"`
	Results       json.RawMessage `json:"Results"`
	ArtifactName  *string         `json:"ArtifactName"`
	Matches       json.RawMessage `json:"matches"`
	Descriptor    json.RawMessage `json:"descriptor"`
}

// Detect names the scanner that wrote data: "vuls", "trivy", "grype", or
// "" when data is none of them.
func Detect(data []byte) string {
	if feedutil.Kind(data) != '{' {
		return ""
	}
	var p probe
	if err := json.Unmarshal(data, &p); err != nil {
		var te *json.UnmarshalTypeError
		if !errors.As(err, &te) {
			return ""
		}
	}
	return detect(p)
}

func detect(p probe) string {
	switch {
	case p.JSONVersion != nil && p.ScannedCves != nil:
		return Vuls
	case p.SchemaVersion != nil && (p.Results != nil || p.ArtifactName != nil):
		return Trivy
	case p.Matches != nil && p.Descriptor != nil:
		return Grype
	}
	return ""
}

// Parse reads one scanner result file; see the package documentation.
func Parse(name string, data []byte, diags *source.Diagnostics) (feed.Result, error) {
	res := feed.Result{Info: feed.Info{Kind: Kind, Path: name}}
	switch feedutil.Kind(data) {
	case '{':
	case '<':
		return res, fmt.Errorf("an XML document is not read; expected %s", expected)
	default:
		return res, fmt.Errorf("not JSON; expected %s", expected)
	}
	var pr probe
	if err := json.Unmarshal(data, &pr); err != nil {
		var te *json.UnmarshalTypeError
		if !errors.As(err, &te) {
			return res, feedutil.FileError(data, err, expected)
		}
	}
	b := &builder{name: name, lines: feedutil.NewLines(name, data), diags: diags, res: &res, comps: map[string]bool{}}
	var err error
	switch detect(pr) {
	case Vuls:
		if *pr.JSONVersion != 4 {
			return res, fmt.Errorf("Vuls jsonVersion %d is not read: only jsonVersion 4 (Vuls v0.9 and later) is", *pr.JSONVersion)
		}
		b.scanner = Vuls
		err = b.vuls(data)
	case Trivy:
		if *pr.SchemaVersion != 2 {
			return res, fmt.Errorf("Trivy SchemaVersion %d is not read: only SchemaVersion 2 (Trivy v0.20 and later) is", *pr.SchemaVersion)
		}
		b.scanner = Trivy
		err = b.trivy(data)
	case Grype:
		b.scanner = Grype
		err = b.grype(data)
	default:
		return res, fmt.Errorf("not a scanner result this tool reads; expected %s", expected)
	}
	if err != nil {
		return res, feedutil.FileError(data, err, expected)
	}
	if res.Info.Date == "" {
		diags.Warnf(source.Pos{File: name}, "%s result has no scan time: its age cannot be checked and it is treated as stale", b.scanner)
	}
	res.Info.Records = res.Read
	return res, nil
}

// builder collects the records of one file.
type builder struct {
	name    string
	scanner string
	lines   *feedutil.Lines
	diags   *source.Diagnostics
	res     *feed.Result
	// comps holds the key and version of every component added, so that
	// a package with many findings is one component.
	comps map[string]bool
}

// finding is one scanner finding, in the shape common to the formats.
type finding struct {
	ID      string
	Aliases []string
	// Purl, or else Type and Name, name the package; CPE is used when
	// neither does.
	Purl, Type, Name, CPE string
	Installed             string
	// Fixed lists the fixed versions the scanner gives.
	Fixed []string
	// Status is the scanner's fix state, as written.
	Status string
	// Distro is the scanned operating system as "Family:release" (as
	// advisory.Affected.Distro writes it) for distribution packages.
	Distro string
	// LowConfidence, when not empty, says why the match needs confirmation.
	LowConfidence string
	// Confidence is the scanner's word on the match, as shown beside the
	// finding (Vuls detection methods and scores, Grype match types).
	Confidence string
	Title      i18n.Text
	Summary    i18n.Text
	CVSS       []cvssIn
	CWE        []string
	References []string
	Published  string
	Updated    string
	Pos        source.Pos
}

// cvssIn is one CVSS statement of a scanner, in preference order.
type cvssIn struct {
	Version, Vector string
	Score           float64
}

// add turns one finding into a component and an advisory, or rejects it.
func (b *builder) add(f finding) {
	b.res.Read++
	label := f.ID + " " + f.Name
	reject := func(reason string) {
		b.diags.Errorf(f.Pos, "%s finding %s: %s", b.scanner, strings.TrimSpace(label), reason)
		b.res.Reject(f.Pos, "feed:"+Kind, f.ID, f.Pos.String()+": "+reason)
	}
	if f.ID == "" {
		reject("no vulnerability id")
		return
	}
	key, written, purlType, refVersion := b.product(f)
	if key == "" {
		reject("no purl, package name or CPE: the finding names no package")
		return
	}
	installed := strings.TrimSpace(f.Installed)
	if installed == "" {
		installed = refVersion
	}
	if installed == "" {
		reject("no installed version: cannot be matched")
		return
	}
	name := strings.TrimSpace(f.Name)
	if name == "" {
		name = written
	}
	distro := ""
	if purlType == "deb" || purlType == "rpm" || purlType == "apk" {
		distro = f.Distro
	}
	if ck := key + "\x00" + installed; !b.comps[ck] {
		b.comps[ck] = true
		b.res.Components = append(b.res.Components, inventory.Flat{Product: componentProduct(f, written, distro), Key: key, Name: name,
			Version: installed, Source: "scan:" + b.name, Pos: f.Pos}.Component())
	}
	// The scanner's range speaks for the scanned distribution's package:
	// a distribution advisory, which decides for it in its own ordering.
	af := advisory.Affected{Product: written, Key: key, Pos: f.Pos, Distro: distro,
		Scan: &advisory.ScanEntry{Scanner: b.scanner, Installed: installed, Confidence: f.Confidence, Low: f.LowConfidence != ""}}
	fixed := b.fixedAfter(purlType, installed, f.Fixed)
	if f.LowConfidence != "" {
		af.FreeText = fmt.Sprintf("reported by %s for %s %s, %s: to be confirmed", b.scanner, name, installed, f.LowConfidence)
		af.Versions = af.FreeText
	} else {
		af.Versions, af.Range = b.rangeOf(purlType, installed, fixed)
		if sch, ok := scheme.ForPurlType(purlType); ok {
			af.Scheme = sch.Name()
		}
		if fixed != "" && strings.HasPrefix(af.Versions, ">=") {
			af.Fixed = []string{fixed}
		}
		if af.Versions == "" {
			// The installed version cannot be written as a range here: keep
			// the scanner's word as a finding to confirm, never drop it.
			af.FreeText = fmt.Sprintf("%s reports %s %s affected; the version cannot be compared here", b.scanner, name, installed)
			af.Versions = af.FreeText
		}
	}
	a := advisory.Advisory{ID: strings.TrimSpace(f.ID), Aliases: f.Aliases, Title: f.Title, Summary: f.Summary,
		Source: b.scanner, Affected: []advisory.Affected{af}, Fixed: fixed, References: feedutil.Dedup(f.References),
		Origin: b.name, Pos: f.Pos}
	if a.Title.IsZero() {
		a.Title.EN = feedutil.TitleFrom(f.Summary.EN)
	}
	for _, c := range f.CWE {
		if feedutil.IsCWE(c) {
			a.CWE = append(a.CWE, c)
		}
	}
	a.CWE = feedutil.Dedup(a.CWE)
	a.Published, _ = feedutil.Date(f.Published)
	a.Updated, _ = feedutil.Date(f.Updated)
	for _, c := range f.CVSS {
		cv, warns := feedutil.CVSS(c.Version, c.Vector, c.Score, c.Score > 0)
		for _, w := range warns {
			b.diags.Warnf(f.Pos, "%s finding %s: %s", b.scanner, f.ID, w)
		}
		if cv != nil {
			a.CVSS = cv
			break
		}
	}
	b.res.Accepted++
	b.res.Advisories = append(b.res.Advisories, a)
}

// product returns the finding's product key, the product as written, the
// purl type (for the version scheme) and the version inside a purl or CPE.
func (b *builder) product(f finding) (key, written, purlType, ver string) {
	if p := strings.TrimSpace(f.Purl); p != "" {
		if ref, err := product.Parse(p); err == nil && ref.Kind == "purl" {
			t := strings.TrimPrefix(ref.Key, "pkg:")
			if i := strings.IndexByte(t, '/'); i > 0 {
				t = t[:i]
			}
			return ref.Key, ref.Key, t, ref.Version
		}
		b.diags.Warnf(f.Pos, "%s finding %s: purl %q is not a purl: ignored", b.scanner, f.ID, feedutil.Clip(p))
	}
	if t, n := strings.TrimSpace(f.Type), strings.TrimSpace(f.Name); t != "" && n != "" {
		if ref, err := product.Parse("pkg:" + t + "/" + n); err == nil {
			return ref.Key, ref.Key, strings.SplitN(t, "/", 2)[0], ""
		}
	}
	if c := strings.TrimSpace(f.CPE); c != "" {
		if ref, err := product.Parse(c); err == nil && ref.Kind == "cpe" {
			return ref.Key, ref.Key, "", ref.Version
		}
	}
	if n := strings.TrimSpace(f.Name); n != "" {
		if ref, err := product.Parse(n); err == nil {
			return ref.Key, n, "", ref.Version
		}
	}
	return "", "", "", ""
}

// fixedAfter returns the lowest fixed version that the package's scheme
// orders after the installed one, else the first fixed version given.
func (b *builder) fixedAfter(purlType, installed string, fixed []string) string {
	var list []string
	for _, f := range fixed {
		for _, part := range strings.Split(f, ",") {
			if part = strings.TrimSpace(part); part != "" {
				list = append(list, part)
			}
		}
	}
	if len(list) == 0 {
		return ""
	}
	sch, ok := scheme.ForPurlType(purlType)
	if !ok {
		sch = scheme.Generic()
	}
	iv, err := sch.Parse(installed)
	if err != nil {
		return list[0]
	}
	best := ""
	var bestV scheme.Version
	for _, f := range list {
		fv, err := sch.Parse(f)
		if err != nil || fv.Compare(iv) <= 0 {
			continue
		}
		if bestV == nil || fv.Compare(bestV) < 0 {
			best, bestV = f, fv
		}
	}
	if best == "" {
		return list[0]
	}
	return best
}

// rangeOf writes the affected range: ">=installed <fixed" when the
// package's version scheme (deb, rpm, apk, maven, …; generic for others)
// puts installed before fixed, else "=installed". Range is the generic
// reading of that text when the generic ordering agrees (it ignores a
// Debian "+deb11u4" suffix, for one), else the generic reading of
// "=installed", so that the package the scanner named is always matched.
// It returns "" when the installed version is not readable as a version.
func (b *builder) rangeOf(purlType, installed, fixed string) (string, version.Range) {
	exact, eerr := version.ParseRange("=" + installed)
	text := ""
	if fixed != "" {
		sch, ok := scheme.ForPurlType(purlType)
		if !ok {
			sch = scheme.Generic()
		}
		iv, err1 := sch.Parse(installed)
		fv, err2 := sch.Parse(fixed)
		if err1 == nil && err2 == nil && iv.Compare(fv) < 0 {
			text = ">=" + installed + " <" + fixed
			r, err := version.ParseRange(text)
			if gv, verr := version.Parse(installed); err == nil && verr == nil && r.Contains(gv) {
				return text, r
			}
		}
	}
	if eerr != nil {
		return "", version.Range{}
	}
	if text == "" {
		text = "=" + installed
	}
	return text, exact
}

// scanTime formats a scanner's time stamp as RFC 3339 in UTC; "" when it
// is missing or unreadable (Go's zero time, as Grype writes without one,
// counts as missing).
func scanTime(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05.999999999Z07:00", "2006-01-02 15:04:05.999999999 -0700 MST", source.DateLayout} {
		if t, err := time.Parse(layout, s); err == nil {
			if t.Year() <= 1 {
				return ""
			}
			return t.UTC().Format(time.RFC3339)
		}
	}
	return ""
}

// v3 is the CVSS version of a v3 statement: taken from the vector, or
// "3" (read as 3.1) when only a score is given.
func v3(vector string) string {
	if strings.TrimSpace(vector) == "" {
		return "3"
	}
	return ""
}

// componentProduct writes the component's product so that its
// distribution shows: the scanner's purl as given (with its distro
// qualifier), else the key with "?distro=family-release".
func componentProduct(f finding, written, distro string) string {
	if p := strings.TrimSpace(f.Purl); p != "" && strings.HasPrefix(strings.ToLower(p), "pkg:") {
		if strings.Contains(p, "distro=") || distro == "" {
			return p
		}
	}
	if distro == "" || !strings.HasPrefix(written, "pkg:") {
		return written
	}
	fam, rel, _ := strings.Cut(distro, ":")
	if rel == "" {
		return written
	}
	return written + "?distro=" + strings.ToLower(fam) + "-" + rel
}

// distroOf writes a scanned OS as "Family:release" ("Debian:11.6"); ""
// when the family is unknown.
func distroOf(family, release string) string {
	family = strings.TrimSpace(family)
	if family == "" {
		return ""
	}
	if release = strings.TrimSpace(release); release == "" {
		return family
	}
	return family + ":" + release
}
