// Package osv reads OSV records (https://ossf.github.io/osv-schema/): one
// record per file, a JSON array of records, or the per-ecosystem zip that
// OSV publishes (https://osv-vulnerabilities.storage.googleapis.com/<ecosystem>/all.zip),
// read entry by entry. Each record becomes one advisory with source "osv",
// its id as published (DSA-3029-1, GHSA-…, UBUNTU-CVE-…) and its aliases
// and upstream ids (CVE ids) as aliases, so that it joins the NVD, CVE 5
// and JVN advisories of the same CVE. Withdrawn records, and records
// without an id, are rejected.
//
// # Affected packages
//
// Each affected package becomes one affected product per (package,
// ecosystem release). Its key is the package's purl without version,
// built from the ecosystem ("Debian:12" → pkg:deb/debian/<name>, Ubuntu
// → pkg:deb/ubuntu, Alpine → pkg:apk/alpine, AlmaLinux → pkg:rpm/almalinux,
// Rocky Linux → pkg:rpm/rocky-linux, Red Hat → pkg:rpm/redhat, Go →
// pkg:golang, npm, PyPI → pkg:pypi (PEP 503 name), Maven →
// pkg:maven/<group>/<artifact>, crates.io → pkg:cargo); an unknown
// ecosystem uses the record's purl when it has one, with a warning.
// Debian and Ubuntu name source packages.
//
// ECOSYSTEM and SEMVER ranges become range expressions ("introduced 0,
// fixed 1.2.1-2.2+wheezy3" → "<1.2.1-2.2+wheezy3"; see events), read in
// the ecosystem's scheme (Affected.Scheme: deb, rpm, apk, semver, pep440,
// maven); the fixed versions are kept in Affected.Fixed for fix actions.
// Linux distributions (Debian, Ubuntu, Alpine, AlmaLinux, Rocky, Red Hat,
// SUSE, …) also set Affected.Distro to the ecosystem as written
// ("Debian:12") and Affected.DistroAdvisory to the record's id: their
// advisories decide distribution packages. GIT ranges (commit ids) cannot
// be compared with installed versions: they are skipped and counted in one
// warning per file; an affected package with nothing but GIT ranges uses
// its versions list when it has one, else it becomes free text that needs
// confirmation. Text that cannot be a version also becomes free text:
// nothing is dropped in silence.
//
// # Other fields
//
// Title: summary, else the first 120 characters of details. CVSS: the
// first CVSS_V3, then CVSS_V4, then CVSS_V2 vector of the record or of its
// affected packages. CWE ids from database_specific.cwe_ids (GitHub),
// references (http and https), published and modified dates. The file's
// Info gives the highest schema_version and the latest modified date.
package osv

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"vulnreport/generator/internal/feed"
	"vulnreport/generator/internal/feed/internal/feedutil"
	"vulnreport/generator/internal/source"
)

// Kind is the feed kind of OSV files.
const Kind = "osv"

const expected = "an OSV record ({\"id\": …, \"affected\": […]}), a JSON array of them, or an OSV ecosystem zip (all.zip)"

// Parse reads one OSV file; see the package documentation.
func Parse(name string, data []byte, diags *source.Diagnostics) (feed.Result, error) {
	res := feed.Result{Info: feed.Info{Kind: Kind, Path: name}}
	p := &parser{diags: diags, res: &res}
	if bytes.HasPrefix(data, []byte("PK\x03\x04")) || bytes.HasPrefix(data, []byte("PK\x05\x06")) {
		if err := p.zip(name, data); err != nil {
			return res, err
		}
	} else if err := p.file(name, data, true); err != nil {
		return res, err
	}
	p.finish(name)
	res.Info.Records = res.Read
	return res, nil
}

type parser struct {
	diags *source.Diagnostics
	res   *feed.Result
	lines *feedutil.Lines
	name  string
	// gitRanges counts the GIT ranges skipped; gitPos is the first one's record.
	gitRanges int
	gitPos    source.Pos
	schema    string
}

// file reads one JSON document of name: a record or an array of records.
// top is false for zip entries, which must be one record each.
func (p *parser) file(name string, data []byte, top bool) error {
	p.name, p.lines = name, feedutil.NewLines(name, data)
	switch feedutil.Kind(data) {
	case '{':
		var probe struct {
			ID       json.RawMessage `json:"id"`
			Affected json.RawMessage `json:"affected"`
			Modified json.RawMessage `json:"modified"`
		}
		if err := json.Unmarshal(data, &probe); err != nil && top {
			var te *json.UnmarshalTypeError
			if !errors.As(err, &te) {
				return feedutil.FileError(data, err, expected)
			}
		}
		// A zip entry is one record: a broken one is rejected at its
		// position, and the zip reads on.
		if top && probe.ID == nil && probe.Affected == nil && probe.Modified == nil {
			return fmt.Errorf("no \"id\", \"affected\" or \"modified\"; expected %s", expected)
		}
		off := len(data) - len(bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), " \t\r\n"))
		var r record
		err := json.Unmarshal(data, &r)
		p.record(off, &r, err)
	case '[':
		if !top {
			return fmt.Errorf("a zip entry holds an array; expected one OSV record")
		}
		if _, _, err := feedutil.Each(data, nil, p.record); err != nil {
			return feedutil.FileError(data, err, expected)
		}
	default:
		return fmt.Errorf("not JSON; expected %s", expected)
	}
	return nil
}

// finish reports what was skipped across the file.
func (p *parser) finish(name string) {
	if p.gitRanges > 0 {
		p.diags.Warnf(p.gitPos, "%d GIT range(s) skipped in %s: commit ranges cannot be compared with installed versions (the ECOSYSTEM/SEMVER ranges and versions lists are used)", p.gitRanges, name)
	}
	if p.schema != "" {
		p.res.Info.Version = "OSV " + p.schema
	}
}

func (p *parser) reject(pos source.Pos, id, reason string) {
	label := id
	if label == "" {
		label = "(no id)"
	}
	p.diags.Errorf(pos, "OSV record %s: %s", label, reason)
	p.res.Reject(pos, "feed:osv", id, pos.String()+": "+reason)
}

func (p *parser) warn(pos source.Pos, id, msg string) {
	p.diags.Warnf(pos, "OSV record %s: %s", id, msg)
}

// record checks one record at byte offset off; err is its decoding error.
func (p *parser) record(off int, r *record, err error) {
	p.res.Read++
	pos := p.lines.Pos(off)
	if err != nil {
		epos, msg := feedutil.RecordError(p.lines, off, err)
		p.reject(epos, strings.TrimSpace(r.ID), msg)
		return
	}
	id := strings.TrimSpace(r.ID)
	switch {
	case id == "":
		p.reject(pos, "", `the record has no "id"`)
		return
	case strings.ContainsAny(id, " \t\r\n/\\"):
		p.reject(pos, "", fmt.Sprintf("id %q is not an OSV id", feedutil.Clip(id)))
		return
	case strings.TrimSpace(r.Withdrawn) != "":
		p.reject(pos, id, "the record was withdrawn on "+feedutil.Clip(r.Withdrawn)+": it is not an advisory")
		return
	}
	p.res.Accepted++
	if newerSchema(r.SchemaVersion, p.schema) {
		p.schema = r.SchemaVersion
	}
	if d := feedutil.DateString(r.Modified); d > p.res.Info.Date {
		p.res.Info.Date = d
	}
	p.res.Advisories = append(p.res.Advisories, p.convert(r, id, pos))
}

// newerSchema reports whether schema version a ("1.7.3") is above b.
func newerSchema(a, b string) bool {
	if a == "" {
		return false
	}
	if b == "" {
		return true
	}
	as, bs := strings.Split(a, "."), strings.Split(b, ".")
	for i := 0; i < len(as) || i < len(bs); i++ {
		var x, y string
		if i < len(as) {
			x = as[i]
		}
		if i < len(bs) {
			y = bs[i]
		}
		if len(x) != len(y) {
			return len(x) > len(y)
		}
		if x != y {
			return x > y
		}
	}
	return false
}
