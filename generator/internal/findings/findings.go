// Package findings is the public encoding of a month's findings:
// findings.json, a versioned and documented schema that is both an output
// and, placed under history/, the input of later months' trends; and
// findings.csv, the same rows made safe to open in Excel.
//
// Encoding is deterministic: the same findings give the same bytes, and
// encode → decode → encode is byte-identical.
package findings

import (
	"bytes"
	"encoding/json"
	"fmt"
	"time"

	"vulnreport/generator/internal/i18n"
	"vulnreport/generator/internal/model"
)

// SchemaVersion is the version of the findings.json schema. A decoder
// accepts files of the same major version.
//
// History: 1.1 (issue 12) adds "scheme" (the version scheme that decided
// the match), "confirm" (why a finding needs confirmation) and "note"
// (what to confirm, or the upstream range shown beside a distribution
// advisory's decision), and findings.csv the column scheme before
// needs_confirmation and confirm and note after it; 1.0 files are read as before (the new fields empty).
// 1.2 (issues 17, 19) adds "scanners" to a finding (the scanner results
// that reported it, each with the scanner's confidence) and "scans" to
// the file (every scanner result of the month, so that a later month can
// name a system scanned before and not this month); findings.csv gains
// the columns scanners and scan_confidence at its end. 1.0 and 1.1 files
// are read as before: without "scans" a month says nothing of scanning.
const SchemaVersion = "1.2"

// File is the top level of findings.json.
type File struct {
	// Schema names the format: "vulnreport/findings".
	Schema string `json:"schema"`
	// SchemaVersion is SchemaVersion at the time of writing.
	SchemaVersion string `json:"schema_version"`
	// ToolVersion is the vulnreport version that wrote the file.
	ToolVersion string `json:"tool_version"`
	// AsOf is the snapshot date, YYYY-MM-DD.
	AsOf string `json:"as_of"`
	// Organization is the organisation's name.
	Organization i18n.Text `json:"organization"`
	// Scans lists the month's scanner results (scans/<system-id>/), by
	// path; absent when there were none. Since 1.2.
	Scans []Scan `json:"scans,omitempty"`
	// Count is len(Findings).
	Count int `json:"count"`
	// Findings are sorted by Key.
	Findings []Finding `json:"findings"`
}

// Finding is one finding: one vulnerability (or end of life) on one
// component of one system.
type Finding struct {
	// Key is stable across months: "system/product@version/id".
	Key string `json:"key"`
	// Kind is "vulnerability" or "eol".
	Kind model.Kind `json:"kind"`
	// System is the system id.
	System string `json:"system"`
	// Product is the product key; Version the installed version.
	Product string `json:"product"`
	Version string `json:"version"`
	// Hosts is the number of hosts running the component (0: all of the system's).
	Hosts int `json:"hosts"`
	// Advisory is the primary vulnerability id; Aliases its other ids (JVNDB, CVE, vendor).
	Advisory string   `json:"advisory"`
	Aliases  []string `json:"aliases"`
	// Clause is the advisory clause that matched (product and range).
	Clause string `json:"clause,omitempty"`
	// Scheme names the version scheme that decided the match: generic,
	// semver, deb, rpm, apk, pep440, maven, or a vendor scheme (panos,
	// junos, java, …; the list is version/scheme.Names). Empty for
	// end-of-life findings. Since 1.1.
	Scheme string `json:"scheme,omitempty"`
	// NeedsConfirmation marks a finding that needs confirmation (要確認).
	NeedsConfirmation bool `json:"needs_confirmation,omitempty"`
	// Confirm says why: free_text (the advisory's versions are prose),
	// version_unreadable (the version cannot be read in its scheme),
	// range_unreadable (the advisory's range cannot be read in it),
	// backport (a distribution package matched an upstream range on its
	// upstream version) or line_unknown (the version cannot be placed in a
	// release line, and some line is past its end of life). Since 1.1.
	Confirm string `json:"confirm,omitempty"`
	// Note says what to confirm, or, beside a distribution advisory's
	// decision, the upstream range that matched. Since 1.1.
	Note string `json:"note,omitempty"`
	// Scanners lists the scanner results that reported the finding, with
	// the scanner's confidence; absent when only vulnreport's own
	// matching found it. Since 1.2.
	Scanners []Scanner `json:"scanners,omitempty"`
	// CVSS is the base score, null when no score is known; CVSSVersion its version.
	CVSS        *float64 `json:"cvss"`
	CVSSVersion string   `json:"cvss_version,omitempty"`
	// Severity is critical, high, medium, low, none or unknown.
	Severity string `json:"severity"`
	// Exploited is true when exploitation is reported (KEV or the advisory).
	Exploited bool `json:"exploited"`
	// KEV is true when listed in CISA KEV; KEVDue its due date.
	KEV    bool   `json:"kev"`
	KEVDue string `json:"kev_due,omitempty"`
	// EPSS is the probability score, null when unknown.
	EPSS *float64 `json:"epss"`
	// Priority is P1–P4; Reasons says why, in Japanese and English.
	Priority model.Priority `json:"priority"`
	Reasons  []model.Reason `json:"reasons"`
	// FirstSeen is the first build date it appeared; Due the date it must be closed by.
	FirstSeen string `json:"first_seen"`
	Due       string `json:"due"`
	// DueSource is "sla", "kev" or "remediation" (an exception).
	DueSource string `json:"due_source"`
	// Stage is the guide's step: investigate, assess, plan, implement, done, or "" (not started).
	Stage model.Stage `json:"stage"`
	// Action is patch, upgrade, workaround, mitigate, replace, accept, not_affected or "".
	Action string `json:"action"`
	// Owner is who does the work.
	Owner string `json:"owner,omitempty"`
	// State is open, mitigated, accepted, not_affected, done or confirm (needs confirmation).
	State model.State `json:"state"`
	// Overdue is true when open past its due date as of AsOf.
	Overdue bool `json:"overdue"`
	// Lifecycle is the component's support status.
	Lifecycle model.LifecycleStatus `json:"lifecycle"`
}

// Scan is one scanner result file of the month.
type Scan struct {
	// System is the system id (the folder under scans/).
	System string `json:"system"`
	// File is the result's path in the snapshot.
	File string `json:"file"`
	// Scanner names the scanner and its version ("Trivy 0.50.1").
	Scanner string `json:"scanner"`
	// Scanned is the scan time (RFC 3339), "" when the result has none.
	Scanned string `json:"scanned,omitempty"`
}

// Scanner is one scanner result that reported a finding.
type Scanner struct {
	// Scanner is "vuls", "trivy" or "grype"; File the result's path.
	Scanner string `json:"scanner"`
	File    string `json:"file"`
	// Confidence is the scanner's word on the match: Vuls's detection
	// methods with their scores ("OvalMatch 100"), Grype's match types
	// ("exact-direct-match", "cpe-match"); absent where the scanner gives
	// none (Trivy).
	Confidence string `json:"confidence,omitempty"`
	// LowConfidence marks a match resting on a vendor/product or CPE
	// match only (Vuls JvnVendorProductMatch, Grype cpe-match): the
	// finding needs confirmation.
	LowConfidence bool `json:"low_confidence,omitempty"`
}

// FromModel converts assessed findings into the export form.
func FromModel(fs []model.Finding) []Finding {
	out := make([]Finding, len(fs))
	for i := range fs {
		out[i] = One(&fs[i])
	}
	return out
}

// One converts one assessed finding into the export form.
func One(f *model.Finding) Finding {
	e := Finding{
		Key: f.Key, Kind: f.Kind, System: f.System, Product: f.Product, Version: f.Version, Hosts: f.Hosts,
		Advisory: f.VulnID, Aliases: aliases(f), Clause: f.Clause, Scheme: f.Scheme, NeedsConfirmation: f.NeedsConfirmation, Confirm: f.Confirm, Note: f.Note,
		CVSSVersion: f.CVSSVersion, Severity: f.Severity, Exploited: f.Exploited, KEV: f.KEV, KEVDue: date(f.KEVDue),
		Priority: f.Priority, Reasons: f.Reasons, FirstSeen: date(f.FirstSeen), Due: date(f.Due), DueSource: f.DueSource,
		Stage: f.Stage, Action: f.Action, Owner: f.Owner, State: f.State, Overdue: f.Overdue, Lifecycle: f.Lifecycle,
	}
	if e.Reasons == nil {
		e.Reasons = []model.Reason{}
	}
	for _, sc := range f.Scanners {
		e.Scanners = append(e.Scanners, Scanner{Scanner: sc.Scanner, File: sc.File, Confidence: sc.Confidence, LowConfidence: sc.Low})
	}
	if f.HasCVSS {
		s := f.CVSS
		e.CVSS = &s
	}
	if f.HasEPSS {
		s := f.EPSS
		e.EPSS = &s
	}
	return e
}

func aliases(f *model.Finding) []string {
	out := []string{}
	for _, id := range f.IDs {
		if id != f.VulnID {
			out = append(out, id)
		}
	}
	return out
}

func date(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}

// Encode writes a findings file as indented JSON without HTML escaping.
func Encode(f File) ([]byte, error) {
	var buf bytes.Buffer
	e := NewEncoder(&buf, f, len(f.Findings))
	for _, x := range f.Findings {
		if err := e.Add(x); err != nil {
			return nil, err
		}
	}
	if err := e.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Decode reads a findings file, checking its schema and version.
func Decode(data []byte) (File, error) {
	var f File
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&f); err != nil {
		return File{}, fmt.Errorf("not a findings file: %w", err)
	}
	if f.Schema != "vulnreport/findings" {
		return File{}, fmt.Errorf("schema is %q, expected \"vulnreport/findings\"", f.Schema)
	}
	if len(f.SchemaVersion) == 0 || f.SchemaVersion[0] != SchemaVersion[0] {
		return File{}, fmt.Errorf("schema version %q is not supported (expected %s.x)", f.SchemaVersion, SchemaVersion[:1])
	}
	if f.Count != len(f.Findings) {
		return File{}, fmt.Errorf("count %d disagrees with the %d findings listed", f.Count, len(f.Findings))
	}
	return f, nil
}
