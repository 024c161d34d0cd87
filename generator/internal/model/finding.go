// Package model defines the Finding — one vulnerability (or end-of-life
// product) on one component of one system — as matching creates it and the
// assessment stages annotate it. The counting unit throughout is
// system × component × vulnerability, aliases merged.
package model

import (
	"time"

	"vulnreport/generator/internal/i18n"
)

// Why a finding needs confirmation (要確認).
const (
	// ConfirmFreeText: the advisory's affected versions are prose.
	ConfirmFreeText = "free_text"
	// ConfirmVersion: the component's version cannot be read in its scheme.
	ConfirmVersion = "version_unreadable"
	// ConfirmRange: the advisory's range cannot be read in the scheme.
	ConfirmRange = "range_unreadable"
	// ConfirmBackport: a distribution package matched an upstream range
	// on its upstream version; the distribution may have backported the fix.
	ConfirmBackport = "backport"
	// ConfirmLine: the version cannot be placed in a release line of a
	// product with lines past their end of life.
	ConfirmLine = "line_unknown"
)

// Reason is one reason for a finding's priority, in both languages.
// ReasonAttackSigns is the reason code of a finding whose system's logs
// show attacks on the weakness it leaves open (「攻撃の兆候あり」).
const ReasonAttackSigns = "attack_signs"

// HasReason reports whether the finding carries a reason with the code.
func (f *Finding) HasReason(code string) bool {
	for _, r := range f.Reasons {
		if r.Code == code {
			return true
		}
	}
	return false
}

type Reason struct {
	Code string    `json:"code"`
	Text i18n.Text `json:"text"`
}

// Finding is one finding with everything the reports say about it.
type Finding struct {
	// Key is stable across runs: system/product@version/vulnerability.
	Key  string
	Kind Kind
	// System is the system id.
	System string
	// Product is the resolved product key; ProductName its display name.
	Product     string
	ProductName string
	Version     string
	// Hosts is how many hosts run the component.
	Hosts int
	// ComponentAt is the component's position in the input.
	ComponentAt string
	// VulnID is the merged vulnerability's primary id; IDs all its ids.
	VulnID string
	IDs    []string
	// Clause is the advisory clause that matched: product key and range.
	Clause string
	// FixTarget is the lowest version outside the matched clause, when the
	// clause has an upper bound; FixInclusive is set when the bound was
	// "<=" (any later version fixes it). Empty for open-ended clauses.
	FixTarget    string
	FixInclusive bool
	// NeedsConfirmation is set when the match rests on free-text affected
	// versions (JVN); FreeText is that text.
	NeedsConfirmation bool
	FreeText          string
	// Scheme names the version scheme that decided the match ("generic",
	// "deb", "panos", …).
	Scheme string
	// Confirm says why the finding needs confirmation (Confirm…); Note
	// explains it, or shows the upstream range matched beside a
	// distribution advisory's decision.
	Confirm string
	Note    string

	// CVSS data; HasCVSS is false when no score is known ("no data").
	HasCVSS     bool
	CVSS        float64
	CVSSVersion string
	Severity    string
	// Exploitation evidence.
	Exploited  bool
	KEV        bool
	KEVAdded   time.Time
	KEVDue     time.Time
	Ransomware bool
	// EPSS data; HasEPSS is false when none is known.
	HasEPSS        bool
	EPSS           float64
	EPSSPercentile float64

	// Priority is P1–P4 with its reasons.
	Priority Priority
	Reasons  []Reason
	// FirstSeen is the first build date the finding appeared (history), or AsOf.
	FirstSeen time.Time
	// Due is the date it must be closed by; DueSource says why: "sla",
	// "kev" (the KEV due date is earlier) or "remediation" (an exception).
	Due       time.Time
	DueSource string
	// SLADue is the due date the policy gives (first seen + SLA days, or
	// the earlier KEV due date) before any remediation record moved it;
	// it equals Due unless DueSource is "remediation".
	SLADue time.Time
	// RequestedDue is a due date a remediation record asked for without
	// approved_by: it is not honoured (Due stays at SLADue) and the
	// exceptions register lists it as unapproved.
	RequestedDue time.Time
	// Known is the date from which the finding's age counts: the first
	// build it appeared in when history reaches back that far, else the
	// later of the advisory's publication and the component's install
	// date (end of life: the end-of-life date). KnownFrom says which:
	// "history", "published", "installed", "eol" or "first_seen".
	Known     time.Time
	KnownFrom string
	// Lifecycle is the component's support status as of the date.
	Lifecycle LifecycleStatus
	// EOL is the date support ended or ends, for end-of-life findings.
	EOL time.Time

	// Remediation: the record applied, the four steps' stage and the action.
	RemediationID string
	Stage         Stage
	Action        string
	Owner         string
	Planned       time.Time
	Completed     time.Time
	AcceptExpires time.Time
	Justification string
	ApprovedBy    string
	// Notes are the applied remediation record's notes.
	Notes string
	// Ticket and Cost are the applied remediation record's free fields
	// (change or ticket number; cost as written).
	Ticket, Cost string
	// Temporary is set for mitigations (IPS/WAF) that do not fix the cause.
	Temporary bool
	// State is open, mitigated, accepted, not_affected, done or resolved.
	State State
	// Overdue is set when the finding is open past its due date.
	Overdue bool
	// ExpiredAcceptance is set when an acceptance expired and the finding resurfaced.
	ExpiredAcceptance bool
	// ActionKey names the fix action the finding belongs to.
	ActionKey string
	// Scanners lists the scanner results (scans/) that reported the
	// finding, with each scanner's confidence; empty when only
	// vulnreport's own matching found it.
	Scanners []ScanSource
}

// ScanSource is one scanner result that reported a finding.
type ScanSource struct {
	// Scanner is "vuls", "trivy" or "grype"; File the result's path.
	Scanner string `json:"scanner"`
	File    string `json:"file"`
	// Confidence is the scanner's word on the match (Vuls detection
	// methods and scores, Grype match types), "" where it gives none.
	Confidence string `json:"confidence,omitempty"`
	// Low marks a vendor/product or CPE match only: to be confirmed.
	Low bool `json:"low_confidence,omitempty"`
}

// IsOpen reports whether the finding still needs work: open or mitigated.
func (f Finding) IsOpen() bool { return f.State == StateOpen || f.State == StateMitigated }

// PriorityRank returns 1–4 for P1–P4, 5 when unset.
func (f Finding) PriorityRank() int {
	return f.Priority.Rank()
}
